"""The home page (docs/index.md): fixed text from the message catalog, with the countries covered from
Moscow linked to their pages (names and links from the data, so a package without them still builds)."""
from __future__ import annotations

from .context import Context
from .i18n import _


def country_links(ctx: Context) -> str:
    links = [ctx.country_link(iso3, prefix="") for iso3 in ctx.covered_iso3()]
    if len(links) < 2:
        return "".join(links) or _("The countries")
    return _("{first} and {last}").format(first=", ".join(links[:-1]), last=links[-1])


def page(ctx: Context) -> str:
    # Each paragraph is one message, so a translator sees whole sentences; links stay in the message.
    return "\n".join([
        "# " + _("The ILO in Eastern Europe and Central Asia") + "\n",
        _("**ilo-eeca** is a [Frictionless Data Package](https://datapackage.org/) of sourced facts about the "
          "International Labour Organization (ILO) in Eastern Europe and Central Asia: its offices and their "
          "history, all member States, every Convention and Protocol, the ratifications of the ten countries "
          "covered by the ILO office in Moscow, Decent Work Country Programmes, technical cooperation projects, "
          "and dated claims. Every row cites a document; gaps and conflicts between sources are kept in the "
          "notes, not smoothed over.") + "\n",
        _("The pages of this site are generated from the data and its schemas each time the site is built.") + "\n",
        '<div class="grid cards" markdown>\n',
        "- " + _("**[Data dictionary](dictionary/index.md)**: every table and field, with types, constraints and examples."),
        "- " + _("**[Countries](countries/index.md)**: all member States; the ten covered from Moscow in detail."),
        "- " + _("**[Conventions](conventions/index.md)**: every Convention and Protocol, and who of the ten ratified it."),
        "- " + _("**[Recommendations](recommendations/index.md)**: every Recommendation, its titles and the Convention it supplements."),
        "- " + _("**[Offices](offices/index.md)**: the hierarchy of ILO offices, their history and coverage."),
        "- " + _("**[Charts](charts/index.md)**: fundamental Conventions, ratifications over time, coverage."),
        "- " + _("**[Downloads](downloads.md)**: the release files, with checksums and how to load them.") + "\n",
        "</div>\n",
        "## " + _("The ten countries") + " { #the-ten-countries }\n",
        _("{countries}: the countries covered by the ILO Decent Work Technical Support Team and Country Office for "
          "Eastern Europe and Central Asia in Moscow (Georgia moved to the Budapest office's coverage around 2023). "
          "See [Countries](countries/index.md).").format(countries=country_links(ctx)) + "\n",
        "## " + _("How complete is it?") + " { #how-complete-is-it }\n",
        _("Complete lists: member States, Conventions and Protocols. Partial: ratifications (each country's page "
          "compares what is recorded with the latest total a source states), Recommendations, projects. The "
          "[About](about.md) page gives the coverage of each country; [Sources](sources.md) lists every source.") + "\n",
        "## " + _("Contributing") + " { #contributing }\n",
        _("Corrections need a source. See [Contributing](contributing.md) and the [validation rules](rules.md); "
          "changes are listed in the [Changelog](changelog.md).") + "\n",
    ])


def write(ctx: Context) -> None:
    ctx.write("index.md", page(ctx))
