# make        validate the package, refresh the README's counts, build the release downloads and the docs site
# make check  the fast loop for data contributors (derive --check, fmt --check, validate)
# make test   run the test suite
# make serve-data   explore the release database in Datasette (http://127.0.0.1:8001/)
# Everything runs offline once the virtual environment exists (package installs only).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ILO := $(BIN)/ilo-data
# Material for MkDocs prints a banner about MkDocs 2.0 on every build; we pin MkDocs 1.6.
export NO_MKDOCS_2_WARNING := 1

.PHONY: all venv check validate fmt derive names build docs site serve readme test bench clean serve-data messages

# readme: the README's row counts and snippets follow the data without a separate step.
all: validate readme build site

$(BIN)/ilo-data: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,serve]'
	touch $@

venv: $(BIN)/ilo-data

validate: venv
	$(ILO) validate

# The data contributor's loop, in about a second: derived statuses current, canonical files, valid.
check: venv
	$(ILO) check

fmt: venv
	$(ILO) fmt

# Statuses that follow from the facts (entry into force, automatic denunciation, abrogation).
derive: venv
	$(ILO) derive

# The countries' names in Russian, French and Spanish, from Unicode CLDR via the pinned Babel.
names: venv
	$(ILO) names

build: venv
	$(ILO) build

# The docs copy the release files into the site, so they come after the build.
docs: build
	$(ILO) docs

# Every language: the English site into site/, then each other one (mkdocs.<code>.yml: ru, fr, es)
# into site/<code>/ (in that order: the English build empties site/ first).
SITE_LANGUAGES := $(patsubst mkdocs.%.yml,%,$(wildcard mkdocs.*.yml))
site: docs
	$(BIN)/mkdocs build --strict --site-dir site
	for lang in $(SITE_LANGUAGES); do $(BIN)/mkdocs build --strict -f mkdocs.$$lang.yml --site-dir site/$$lang || exit 1; done

# The site's message catalogs: re-extract the template from the generator's _(), ngettext() and N_(),
# then update every language's catalog (scripts/ilo_data/docs/locale/<code>/LC_MESSAGES/site.po);
# translate the new entries (msgstr) by hand. A test fails while a catalog is stale or incomplete.
LOCALE := scripts/ilo_data/docs/locale
messages: venv
	$(BIN)/pybabel -q extract --no-wrap --no-location --omit-header --sort-output -k N_ -o $(LOCALE)/site.pot scripts/ilo_data/docs
	$(BIN)/pybabel -q update --no-wrap --ignore-obsolete --no-fuzzy-matching -D site -i $(LOCALE)/site.pot -d $(LOCALE)

# View the built site at http://127.0.0.1:8000/ (search needs it served; opened from the file system,
# site/index.html works but the browser blocks search).
serve: site
	cd site && ../$(BIN)/python -m http.server 8000 --bind 127.0.0.1

# -n auto: one pytest worker per core (pytest-xdist); session fixtures build into per-worker scratch
# folders. --dist loadgroup keeps the tests of one xdist_group (the built sites) on one worker.
test: venv
	$(BIN)/pytest -n auto --dist loadgroup

# Datasette over dist/ilo-eeca-<version>/ilo-eeca.sqlite, with metadata from the schemas.
serve-data: build
	$(ILO) serve

bench: venv
	$(BIN)/python -m ilo_data.bench

clean:
	rm -rf dist site .pytest_cache test-artifacts docs/downloads

readme: venv
	$(ILO) readme
