"""Browser tests: the built site served on 127.0.0.1, driven by the system Chromium via Playwright.

Chromium: $ILO_CHROMIUM, else /usr/bin/chromium (`apt-get install chromium`; `.ci/run` installs it).
The tests are skipped, with that reason, only when no Chromium executable is found (outside CI;
in CI, where .ci/run installs it, they fail)."""
from __future__ import annotations

import functools
import os
import shutil
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ilo_data.paths import ROOT

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT_SCREENS = 3   # how many screens of a long page a screenshot keeps
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    for candidate in [os.environ.get("ILO_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")]:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output clean
        pass


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser or a test closing a connection early is not an error of the site.
        import sys
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class Server:
    """http.server on a free port of 127.0.0.1, in a thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(_Quiet, directory=str(directory))
        self.httpd = _Httpd(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def chromium():
    path = chromium_path()
    if path is None:
        message = "no Chromium found (set ILO_CHROMIUM or `apt-get install chromium`)"
        if os.environ.get("CI"):
            # .ci/run installs Chromium: in CI a missing browser is a failure, not a quiet skip.
            pytest.fail(message)
        pytest.skip(message + "; browser tests skipped")
    from playwright.sync_api import sync_playwright
    # Every request to anywhere but 127.0.0.1 goes to a proxy on a port bound here and never
    # opened, so it fails at once and nothing leaves the machine (an IP address included); the
    # pages record such requests (Watched) and the tests fail on them. Intercepting every request
    # instead (page.route) would add a round trip through this process to each one: about a
    # quarter of a page load's time.
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    nowhere = {"server": f"http://127.0.0.1:{closed.getsockname()[1]}", "bypass": "127.0.0.1"}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True, proxy=nowhere)
            yield browser
            browser.close()
    finally:
        closed.close()


def serve(site: Path):
    server = Server(site)
    try:
        yield server
    finally:
        server.close()


class Watched:
    """A page that records console errors, uncaught exceptions, dialogs and requests leaving 127.0.0.1."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.external: list[str] = []
        page.on("console", lambda msg: self.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request):
        url = request.url
        if not url.startswith((self.base, "data:", "blob:", "about:")):
            self.external.append(url)   # the browser's proxy refuses it (see `chromium`)

    def goto(self, path: str):
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.status == 200, f"{path}: HTTP {response.status if response else 'no response'}"
        return response

    def open_search(self) -> None:
        self.page.locator("label.md-search__icon, .md-search__input").first.click()

    def search(self, text: str):
        """Type into the Material search box as a reader would; returns the result items."""
        self.goto("")
        self.open_search()
        self.page.locator("input.md-search__input").press_sequentially(text, delay=20)
        return self.page.locator(".md-search-result__item")

    def query(self, text: str):
        """Put `text` into the open search box at once (a reader pasting it), after the previous
        query's results are gone; returns the result items. Typed letter by letter, the results of
        an intermediate query can arrive last and stay."""
        box = self.page.locator("input.md-search__input")
        results = self.page.locator(".md-search-result__item")
        box.fill("")
        results.first.wait_for(state="detached", timeout=15000)
        box.fill(text)
        box.press("End")
        return results

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        """A picture for a person to look at (test-artifacts/): the page from its top, at most
        SCREENSHOT_SCREENS screens tall. A country page is 25,000-40,000 px tall: a picture of all of it
        took over a second to render and is too tall to read."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        clip = None
        if full_page:
            viewport = self.page.viewport_size
            height = self.page.evaluate("document.documentElement.scrollHeight")
            clip = {"x": 0, "y": 0, "width": viewport["width"], "height": min(height, SCREENSHOT_SCREENS * viewport["height"])}
        self.page.screenshot(path=str(path), full_page=full_page, clip=clip)
        return path

    def forget(self) -> "Watched":
        """Start a new test on this page: a blank document (no script state, no open search box, a
        link to the same page loads it anew) and the records of the previous test emptied."""
        self.page.goto("about:blank")
        return self.clear_records()

    def clear_records(self) -> "Watched":
        """Empty what the previous test recorded (errors, dialogs, outside requests)."""
        self.errors.clear()
        self.dialogs.clear()
        self.external.clear()
        return self

    def assert_clean(self) -> None:
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"dialogs opened (script ran): {self.dialogs}"
        assert not self.external, f"requests outside the site: {self.external}"


def _new_watched(browser, server: Server, width: int = 1280) -> Watched:
    """A page in a context of its own (an empty cache), at `width`."""
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block", accept_downloads=True)
    return Watched(context.new_page(), server.url)


def watched_page(browser, server: Server, width: int = 1280):
    watched = _new_watched(browser, server, width)
    context = watched.page.context
    try:
        yield watched
    finally:
        context.close()


class Tabs:
    """One browser context and page per width, kept for a whole test module: after the first test,
    pages load the theme's scripts and styles from the browser's cache, as a reader's next page does,
    instead of a new context per test loading everything again (most of the browser tests' time).
    Each test gets the page with the previous test's records emptied. A test that needs a first
    visit (an empty cache) or listens to the page's events takes `watched_page` instead."""

    def __init__(self, browser, server: Server):
        self.browser, self.server = browser, server
        self.open: dict[int, Watched] = {}
        self.searching: dict[str, Watched] = {}
        self.viewing: dict[int, Watched] = {}

    def get(self, width: int = 1280) -> Watched:
        if width not in self.open:
            self.open[width] = _new_watched(self.browser, self.server, width)
        return self.open[width].forget()

    def view(self, width: int, path: str) -> Watched:
        """`path` loaded at `width` in a tab of its own, for checks that only read the page (see
        `shown`): other tests' navigation never moves it."""
        if width not in self.viewing:
            self.viewing[width] = _new_watched(self.browser, self.server, width)
        watched = self.viewing[width].forget()
        watched.goto(path)
        return watched

    def search_box(self, home: str = "") -> Watched:
        """A page that stays on `home` with its search box open for the whole module: the theme builds
        the search index once per page load (seconds for this site), not once per search test.
        Each test gets it with the previous test's records emptied; search with `query`."""
        if home not in self.searching:
            watched = _new_watched(self.browser, self.server)
            watched.goto(home)
            watched.open_search()
            self.searching[home] = watched
        return self.searching[home].clear_records()

    def close(self) -> None:
        for watched in [*self.open.values(), *self.searching.values(), *self.viewing.values()]:
            watched.page.context.close()


def tabs(browser, server: Server):
    shared = Tabs(browser, server)
    try:
        yield shared
    finally:
        shared.close()


# A test module that defines `server` (its site, served) gets a page from these: one shared context
# per module (see Tabs). test_trust.py overrides `page` to run at two widths.
@pytest.fixture(scope="module")
def shared(chromium, server):
    yield from tabs(chromium, server)


@pytest.fixture
def page(shared):
    return shared.get()


def views(widths, paths) -> dict:
    """Arguments for `pytest.mark.parametrize` of `shown`: every (width, path), ids like 390px-sources.html.
    pytest groups the checks by the parameter's position, not its value: give every check the same
    widths and the same paths in the same order (a shorter list as a prefix of a longer one)."""
    pairs = [(width, path) for path in paths for width in widths]
    return dict(argnames="shown", argvalues=pairs, ids=[f"{w}px-{p}" for w, p in pairs], indirect=True, scope="module")


@pytest.fixture(scope="module")
def shown(request, shared):
    """(page, path): `path` loaded once at a width and read by every check that only reads it.
    Module scope makes pytest run the checks of one (width, path) together, so a page is loaded
    once per width rather than once per check; a check that clicks or types takes `page` instead."""
    width, path = request.param
    return shared.view(width, path), path
