"""Seed data/*.csv from the research notes in ../shared/sources (run once per update of the notes).

    python -m ilo_data.import_sources --sources ../shared/sources [--root .]

It rewrites data/ whole. Contributors edit data/*.csv directly (CONTRIBUTING.md), so before
re-running it after such edits, carry them into its inputs and review `ilo-data diff HEAD .`.

What it does, table by table, is plain and table-driven:

* every distinct URL in the source CSVs (in `source_url` columns *and* inside free-text cells)
  becomes one row of `sources`; the two original documents in `documents/` are two more rows;
* every row keeps the document it follows in `source_id` and the other documents it cites in
  `other_source_ids`;
* free text (dates such as "2007 (inferred)", statuses, donors, event lists, caveats) is cleaned
  through the explicit override tables below, one entry per messy cell, each with a comment.
  Nothing is guessed: a value that cannot be read honestly stays empty and the note says why;
* the facts stated only in the two original documents are added from `ORIGINAL_FACTS`-style
  tables with the document as their source;
* ratification years read in NORMLEX comment headings are merged from the committed research
  file scripts/ilo_data/research/normlex_comments.csv (see merge_research); its URLs get
  source_ids after the notes' URLs, so existing ids never change; full registration/deposit dates
  read on ILO pages are merged after them from research/ratification_dates.csv (see merge_dates);
* output is deterministic: rows sorted by primary key, header = schema field order, UTF-8, LF,
  minimal quoting.

The notes are the package's own short wording of the caveats in the research notes (markers
INFERRED / UNVERIFIED / CONFLICT / OUTDATED kept); no prose is copied and no personal data
(names, e-mail addresses, telephone numbers) is carried over: roles only.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import urllib.parse
from pathlib import Path

from .dates import parse_partial
from .paths import ROOT

# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def slugify(text: str, limit: int = 48) -> str:
    text = urllib.parse.unquote(text).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > limit:
        text = text[:limit].rsplit("-", 1)[0]
    return text


def split_cell_urls(cell: str) -> list[str]:
    """URLs of a `source_url` cell: separated by ' ; ' or ' | '."""
    parts = re.split(r"\s+[;|]\s+", cell.strip()) if cell.strip() else []
    return [p.split()[0] for p in parts if p.strip().startswith("http")]


def urls_in_text(text: str) -> list[str]:
    """URLs written inside free text (notes). Trailing punctuation and unbalanced ')' dropped."""
    found = []
    for raw in re.findall(r"https?://\S+", text or ""):
        url = raw.rstrip(".,;:'\"")
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1].rstrip(".,;:'\"")
        found.append(url)
    return found


def is_partial_date(text: str) -> bool:
    try:
        return parse_partial(text) is not None
    except ValueError:
        return False


def join_notes(*parts: str) -> str:
    out = []
    for part in parts:
        part = (part or "").strip()
        if part:
            out.append(part if part.endswith((".", "!", "?")) else part + ".")
    return " ".join(out)


def ids(*source_ids: str) -> str:
    seen: list[str] = []
    for sid in source_ids:
        for one in (sid or "").split(";"):
            if one and one not in seen:
                seen.append(one)
    return ";".join(seen)


# --------------------------------------------------------------------------------------------
# Sources: one row per distinct URL, plus the two original documents
# --------------------------------------------------------------------------------------------

ORIG_TJK = "orig-tjk-ilo-page"  # documents/000_55d6622b8544029a.txt
ORIG_KGZ = "orig-kgz-un-ilo-page"  # documents/003_ff636a8c8800827e.txt

ORIGINAL_DOCUMENTS = [
    {
        "source_id": ORIG_TJK,
        "title": "ILO in Tajikistan: agency page (DWT/CO-Moscow, UN in Tajikistan)",
        "publisher": "ILO DWT/CO-Moscow / United Nations in Tajikistan",
        "url": "",
        "published": "",
        "retrieved": "",
        "kind": "original-document",
        "language": "en",
        "notes": "One of the two documents the project started from (file documents/000_55d6622b8544029a.txt). "
        "Undated: content from mid-2015 or later (it mentions the DWCP signed on 24 June 2015). Its statements "
        "match what the research notes record for the UN Tajikistan page untj-page-id-853 (a separate row). "
        "The contact block (a named National Coordinator with telephone and e-mail) is not imported: role only.",
    },
    {
        "source_id": ORIG_KGZ,
        "title": "International Labor Organization (ILO): page of The United Nations in Kyrgyzstan",
        "publisher": "United Nations in Kyrgyzstan",
        "url": "",
        "published": "",
        "retrieved": "",
        "kind": "original-document",
        "language": "en",
        "notes": "One of the two documents the project started from (file documents/003_ff636a8c8800827e.txt). "
        "Content of about 2001-2002 (counts as of June 2001, an April 2001 mission, the 2001-2002 programme); "
        "site footer 2007. Several of its statements were not found in any other archived page (UNVERIFIED).",
    },
]

# Documents cited by the research notes without an address (no URL was captured).
ADDRESSLESS_SOURCES = [
    {
        "source_id": "trend-2014-04-29-uzb-ilo-programme",
        "title": "Trend news agency item of 29 April 2014 on the Uzbekistan-ILO cooperation programme (Russian)",
        "publisher": "Trend News Agency",
        "url": "",
        "published": "2014-04-29",
        "retrieved": "",
        "kind": "news",
        "language": "ru",
        "notes": "Cited by the research notes from a search result; its address was not captured.",
    },
    {
        # conventions-README "Counts reported by sources": the other count for 2001 (checks ORIG_KGZ).
        "source_id": "un-info-np-4398",
        "title": "UN Nepal information page 4398 on the ILO",
        "publisher": "United Nations in Nepal",
        "url": "https://un.info.np/Net/NeoDocs/View/4398",
        "published": "",
        "retrieved": "",
        "kind": "un-page",
        "language": "en",
        "notes": "Cited in the research notes on Convention counts (not in the source tables). Title built from the address.",
    },
]

ILO_HOSTS = {"ilo.org", "oit.org", "ilo.ch", "ilo.int", "wcmsq3.ilo.org", "webapps.ilo.org"}
WIKI_MIRRORS = {
    "wikimili.com", "cryer.org.uk", "everything.explained.today", "earthspot.org", "piglix.com",
    "pinocchiopedia.com", "wikivisually.com", "wikien3.appspot.com", "dwikipedia.eth.limo",
    "en-wikipedia--on--ipfs-org.ipns.dweb.link", "home.cydlabs.com", "the-uncensored-wiki.com",
    "ru.qaz.wiki", "shipmechanics.com", "de.wikial.top", "akarinohon.com", "thcscience.wiki",
    "friendlywiki.com", "profilbaru.com",
}

# host -> (publisher, kind). Hosts not listed: publisher = the host name, kind = "other".
HOSTS = {
    "ilostat.ilo.org": ("International Labour Organization (ILOSTAT)", "ilo-page"),
    "libguides.ilo.org": ("International Labour Organization (ILO Library)", "ilo-page"),
    "faqmlc.ilo.org": ("International Labour Organization", "ilo-page"),
    "tradefordecentwork.ilo.org": ("International Labour Organization (Trade for Decent Work project)", "ilo-page"),
    "actrav-courses.itcilo.org": ("International Training Centre of the ILO (ILOLEX copy)", "ilo-document"),
    "untj.org": ("United Nations in Tajikistan", "un-page"),
    "un.uz": ("United Nations in Uzbekistan", "un-page"),
    "uzbekistan.un.org": ("United Nations in Uzbekistan", "un-page"),
    "new.un.am": ("United Nations in Armenia", "un-page"),
    "unazerbaijan.org": ("United Nations in Azerbaijan", "un-page"),
    "old.un.or.th": ("United Nations in Thailand", "un-page"),
    "un.info.np": ("United Nations in Nepal", "un-page"),
    "news.un.org": ("UN News", "un-page"),
    "ohchr.org": ("Office of the UN High Commissioner for Human Rights", "un-page"),
    "refworld.org": ("UNHCR Refworld (ITUC Annual Survey)", "trade-union"),
    "webarchive.archive.unhcr.org": ("UNHCR Refworld archive (ITUC Annual Survey)", "trade-union"),
    "mfa.gov.kz": ("Ministry of Foreign Affairs of Kazakhstan", "government"),
    "geneva.mfa.gov.by": ("Permanent Mission of Belarus in Geneva", "government"),
    "geneva.mid.ru": ("Permanent Mission of the Russian Federation in Geneva", "government"),
    "mfa.gov.tm": ("Ministry of Foreign Affairs of Turkmenistan", "government"),
    "old.mehnat.uz": ("Ministry of Labour of Uzbekistan", "government"),
    "en.kremlin.ru": ("President of Russia", "government"),
    "mofa.go.jp": ("Ministry of Foreign Affairs of Japan", "government"),
    "um.fi": ("Ministry for Foreign Affairs of Finland", "government"),
    "dost.gov.az": ("DOST Agency, Government of Azerbaijan", "government"),
    "pmo.gov.to": ("Prime Minister's Office of Tonga", "government"),
    "parlinfo.aph.gov.au": ("Parliament of Australia", "government"),
    "api.parliament.uk": ("UK Parliament treaties database", "treaty-text"),
    "dgert.gov.pt": ("DGERT, Government of Portugal", "government"),
    "lawcommission.gov.np": ("Nepal Law Commission", "treaty-text"),
    "lawnet.gov.lk": ("LawNet Sri Lanka (ILOLEX copy)", "treaty-text"),
    "puc.overheid.nl": ("Government of the Netherlands (ILOLEX copy)", "treaty-text"),
    "zoek.officielebekendmakingen.nl": ("Dutch Treaty Series (Tractatenblad)", "treaty-text"),
    "vestnesis.lv": ("Latvijas Vestnesis", "treaty-text"),
    "base.garant.ru": ("Garant", "treaty-text"),
    "cis-legislation.com": ("CIS Legislation", "government"),
    "en.wikisource.org": ("Wikisource (United States Statutes at Large)", "treaty-text"),
    "dynamic-rsnz.natlib.govt.nz": ("National Library of New Zealand (AJHR)", "treaty-text"),
    "paperspast.natlib.govt.nz": ("National Library of New Zealand (Papers Past, AJHR)", "treaty-text"),
    "admiraltylawguide.com": ("Admiralty and Maritime Law Guide", "treaty-text"),
    "olympus.uniurb.it": ("Olympus, University of Urbino", "treaty-text"),
    "shipregulations.com": ("shipregulations.com", "treaty-text"),
    "aihrc.org.af": ("Afghanistan Independent Human Rights Commission", "treaty-text"),
    "mop.pl": ("mop.pl", "other"),
    "kasipodaq.kz": ("Federation of Trade Unions of Kazakhstan", "trade-union"),
    "ituc-csi.org": ("International Trade Union Confederation", "trade-union"),
    "perc.ituc-csi.org": ("ITUC Pan-European Regional Council", "trade-union"),
    "survey.ituc-csi.org": ("International Trade Union Confederation (Survey)", "trade-union"),
    "documentation.lastradainternational.org": ("La Strada International (ITUC report)", "trade-union"),
    "bwint.org": ("Building and Wood Workers' International", "trade-union"),
    "vkp.ru": ("General Confederation of Trade Unions (VKP)", "trade-union"),
    "employers.uz": ("Confederation of Employers of Uzbekistan", "other"),
    "clr.org.pk": ("Centre for Labour Research (Labour Rights Index)", "other"),
    "50forfreedom.org": ("50 for Freedom campaign (ILO)", "ilo-page"),
    "decentjobsforyouth.org": ("Decent Jobs for Youth (ILO-led initiative)", "ilo-page"),
    "social-protection.org": ("ILO Social Protection Platform", "ilo-page"),
    "socialprotection-humanrights.org": ("Social Protection and Human Rights platform", "other"),
    "i4di.org": ("i4di", "other"),
    "iosh.com": ("IOSH", "other"),
    "en.trend.az": ("Trend News Agency", "news"),
    "trend.az": ("Trend News Agency", "news"),
    "today.az": ("Today.az", "news"),
    "24.kg": ("24.kg", "news"),
    "en.inform.kz": ("Kazinform", "news"),
    "armenpress.am": ("Armenpress", "news"),
    "arka.am": ("ARKA News Agency", "news"),
    "asiaplus.tj": ("Asia-Plus", "news"),
    "asiaplustj.info": ("Asia-Plus", "news"),
    "caravan.kz": ("Caravan.kz", "news"),
    "cbw.ge": ("Caucasus Business Week", "news"),
    "chelorg.com": ("chelorg.com", "news"),
    "sputnikglobe.com": ("Sputnik", "news"),
    "pakistanpoint.com": ("Pakistan Point (Sputnik report)", "news"),
    "genevasolutions.news": ("Geneva Solutions", "news"),
    "orissadiary.com": ("Odisha Diary", "news"),
    "razomua.media": ("Razom", "news"),
    "m.oananews.org": ("OANA (AzerTAc report)", "news"),
    "miragenews.com": ("Mirage News", "news"),
    "pressnews.in": ("pressnews.in", "news"),
    "einpresswire.com": ("EIN Presswire", "news"),
    "ashgabat.in": ("ashgabat.in", "news"),
    "worldnewsam.com": ("worldnewsam.com", "news"),
    "comparemela.com": ("comparemela.com", "news"),
    "thebulletin.news": ("The Conway Bulletin", "news"),
    "hyetert.org": ("Hyetert", "news"),
    "westernarmeniatv.com": ("Western Armenia TV", "news"),
    "devdiscourse-devdiscoursenetcore.azurewebsites.net": ("Devdiscourse", "news"),
    "presseecho.de": ("presseecho.de (Embassy of Uzbekistan release)", "news"),
    "xebersaati.com": ("xebersaati.com", "news"),
    "thestkittsnevisobserver.com": ("The St Kitts Nevis Observer", "news"),
    "kanivatonga.co.nz": ("Kaniva Tonga", "news"),
    "my.ua": ("my.ua news aggregator", "news"),
    "irinnews.org": ("IRIN", "news"),
    "no-childlabour.tj": ("no-childlabour.tj", "other"),
    "kesip.kg": ("kesip.kg", "other"),
    "expydoc.com": ("expydoc.com (copy of an EU Delegation to Georgia press release)", "other"),
    "unc.edu": ("University of North Carolina", "other"),
    "docslib.org": ("docslib.org (copy of an ILO document)", "ilo-document"),
    "web.archive.org": ("International Labour Organization (Internet Archive copy)", "ilo-page"),
}

PUBLISHED = {
    # URL fragment -> publication date read in the evidence logs (evidence/offices.md S-numbers,
    # ratification notes, claims dates). Only dates the evidence states; dates embedded in an
    # address are read by _published_from_url(). A fragment must match exactly one URL.
    "WCMS_701758": "2019-05-14",  # S51
    "WCMS_763878": "2020-12-11",  # S73
    "WCMS_535498": "2016-11-21",  # S74
    "WCMS_070516": "2006-06-06",  # S75
    "WCMS_689960": "2019-04-23",  # S77
    "WCMS_554802": "2017-05-23",  # S111
    "WCMS_541904": "2017-01-18",  # S35
    "WCMS_561945": "2017-07-06",  # S34
    "WCMS_621586": "2018-03-16",  # S32
    "WCMS_431810": "2015-11-24",  # S39
    "WCMS_732627": "2019-12-05",  # S28
    "WCMS_085154": "2007-10-17",  # S14
    "WCMS_083243": "2007-07",  # S15: dated 5 July 2007, ILO News 9 July 2007 -> month only
    "WCMS_305444": "2014-09-08",  # S17
    "WCMS_778532": "2021-03-31",  # S119
    "WCMS_902197": "2023-11-17",  # S120
    "WCMS_246171": "2014-03-07",  # S117
    "WCMS_614354": "2017-12-15",  # S55
    "WCMS_880471": "2023-04-29",  # S54
    "WCMS_621564": "2018-03-13",  # S98
    "WCMS_887542": "2023-07-10",  # S127
    "WCMS_917136": "2024-02-24",  # S71
    "WCMS_719392": "2019-09-17",  # ratification_claims row 22
    "WCMS_886369": "2023-06-02",  # ratifications AZE C155 / claims row 32
    "WCMS_699022": "2019-05-10",  # ratifications GEO C144
    "WCMS_329338": "2014-12-10",  # S129
    "WCMS_070124": "2006-06-14",  # S38
    "WCMS_848294": "2022-06-13",  # S132
    "WCMS_861008": "2022-11-09",  # S80
    "WCMS_861094": "2022-11-10",  # S147
    "WCMS_859266": "2022-10-27",  # S88
    "WCMS_244209": "2000-11-19",  # ratification_claims row 7
    "docslib.org/doc/1573473/": "2015-03-13",  # S79 (GB.323/INS/11(Add.))
    "oananews.org/node/55709": "2009-04-15",  # S135
    "vkp.ru/news/2010/06/510": "2010-06-28",  # S104
    "today.az/news/business/206922": "2021-06-11",  # S58
    "dost.gov.az/en/news/428": "2022-06-20",  # S57
    "pakistanpoint.com/en/story/1486825": "2022-03-23",  # S131
    "orissadiary.com/ilo-governing-body-demands": "2022-06-14",  # S133
    "genevasolutions.news/global-news/ilo-cuts-ties": "2022-03",  # S145 (March 2022)
    "razomua.media/en/news/suspilstvo/moskovskyy-ofis": "2025-06",  # S134
    "mofa.go.jp/announce/announce/2007/4/1173075_824": "2007-04-11",  # S16
    "expydoc.com/doc/186688": "2015-02-02",  # S114 (press release date)
    "armenpress.am/eng/news/974714": "2019-05-14",  # S52
    "arka.am/en/news/society/armenia_and_ilo_sign": "2019-05-14",  # S53
    "einpresswire.com/article/673049054": "2023-12-05",  # S139
    "trend.az/azerbaijan/society/3995184": "2025-01-19",  # claims row 31
    "trend.az/business/economy/3195428": "2020-02-21",  # claims row 26
    "trend.az/business/economy/3110442": "2019-08-28",  # ratifications UZB C081
    "24.kg/english/66030": "2017-10-18",  # claims row 15
    "inform.kz/news/kyrgyzstan-first-in-central-asia": "2024-06-04",  # claims row 16
    "thebulletin.news/archive/tag/labour-rights/page/3": "2016-10-28",  # claims row 21
    "50forfreedom.org/blog/news/tajikistan-committed": "2020-03-04",  # ratifications TJK P029
    "50forfreedom.org/blog/news/ratification-uzbekistan": "2019-11-04",  # ratifications UZB C144
    "mfa.gov.tm/en/news/1587": "2019-09",  # ratifications TKM C144
    "uzbekistan.un.org/en/145863": "2021-09-22",  # S66
    "employers.uz/news-types/cooperation-between": "2021-09-22",  # S67
    "presseecho.de/de/uzbekistan-and-ilo": "2017-02-24",  # S68
    "xebersaati.com/news/66538": "2017-06-13",  # S92
    "kremlin.ru/catalog/keywords/42/events/copy/8265": "2010-07-04",  # ratifications RUS C154
    "4c52ca0a23": "2007-06-09",  # claims row 11
    "4c52ca24c,": "2007-06-09",  # claims row 12
    "4c4fec6e28": "2010-06-09",  # claims row 13
    "westernarmeniatv.com/en/175190": "2023-06",  # claims row 34
    "article/other/3792925": "2026-02-04",  # ratifications ARM C190
    "geneva.mid.ru": "2019-01",  # summaries RUS (2019-01)
    "um.fi/special-target-groups": "2013-12-02",  # S26 (funding decision date)
    "scassn.org/ilo-kazakhstan-sign-roadmap": "2024-06-12",  # S46 (copy of ILO News)
}

TITLES = {
    # URL fragment -> title described in the evidence (what the page is); others are built from
    # the address by _title(). A fragment must match exactly one URL.
    "untj.org/?page_id=853": "UN in Tajikistan: agency page on the ILO",
    "ilostat.ilo.org/methods/concepts-and-definitions/classification-country-groupings": "ILOSTAT: country groupings (classification)",
    "tradefordecentwork.ilo.org/country/tajikistan": "Trade for Decent Work: Tajikistan country page",
    "NORMLEXPUB%3A71%3A0": "NORMLEX user guide (lists of fundamental and governance Conventions)",
    "P12030_SUBJECT_ID%3A103719": "NORMLEX: instruments by subject and status, occupational safety and health",
    "kasipodaq.kz/2019/03/12": "Federation of Trade Unions of Kazakhstan: for the ratification of ILO conventions (12 March 2019)",
    "iosh.com/about/media-centre/workplace-biological": "IOSH: Workplace biological hazards convention adopted",
    "ilo.org/moscow/lang--en/index.htm": "ILO DWT/CO-Moscow: home page",
    "ilo.org/moscow/office/lang--en/index.htm": "ILO DWT/CO-Moscow: about the office",
    "europe/about-us/lang--en/index.htm": "ILO Regional Office for Europe and Central Asia: about us",
    "region/eurpro/geneva/about/index.htm": "ILO Regional Office for Europe and Central Asia: about us (older version)",
    "//www.ilo.org/budapest/countries-covered/lang--en/": "ILO DWT/CO-Budapest: countries covered",
    "//oit.org/budapest/countries-covered/lang--en/": "ILO DWT/CO-Budapest: countries covered (later version, 'Where we work')",
    "budapest/countries-covered/georgia/lang--en/index.htm": "ILO DWT/CO-Budapest: Georgia page",
    "ilo.org/budapest/lang--en/index.htm": "ILO DWT/CO-Budapest: home page",
    "cultclub.net/ilo-office-central-and-eastern-europe": "ILO Office for Central and Eastern Europe (copy of the ILO page, 2024)",
    "ievaldiscovery/recommendations/17208": "ILO i-eval Discovery: recommendation 17208 (Georgia project evaluation)",
    "ievaldiscovery/recommendations/17214": "ILO i-eval Discovery: recommendation 17214 (Georgia project evaluation)",
    "P11200_COUNTRY_ID%3A103154": "NORMLEX: ratifications for Belarus (Spanish interface)",
    "P11110_COUNTRY_ID%3A102639": "NORMLEX: country profile of Georgia",
}


def _by_fragment(table: dict[str, str], url: str) -> str | None:
    hits = [value for fragment, value in table.items() if fragment in url]
    return hits[0] if hits else None


def _host(url: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "").rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _is_ilo(host: str) -> bool:
    return host in ILO_HOSTS or host.endswith(".ilo.org") and host not in HOSTS


NORMLEX_PAGES = {
    "13100": "comment", "13101": "comment", "13203": "comments", "11200": "country",
    "11300": "ratifications", "12100": "text", "12030": "subject", "11110": "profile",
    "14001": "reports", "50002": "cfa",
}


def _normlex_key(url: str) -> tuple[str, str] | None:
    if "normlex" not in url.lower():
        return None
    query = urllib.parse.unquote(urllib.parse.unquote(url))
    if re.search(r"NORMLEXPUB:71:0", query):
        return "user-guide", ""
    page = re.search(r"P(\d{4,5})_[A-Z_]+", query)
    number = re.search(r"P\d{4,5}_[A-Z_]+(?:,P\d{4,5}_[A-Z_]+)*:(\d+)", query)
    if not page or not number:
        return None
    return NORMLEX_PAGES.get(page.group(1), "page"), number.group(1)


def _wiki_title(url: str) -> str | None:
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qs(parts.query)
    if "title" in query:
        return query["title"][0]
    if "search" in query:
        return query["search"][0]
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1]
    segment = re.sub(r"_[0-9a-f]{4}\.html$|\.html$", "", segment)
    if not segment or segment.isdigit():
        return None
    return urllib.parse.unquote(urllib.parse.unquote(segment))


NOISE = {"index", "htm", "html", "php", "lang", "en", "www", "amp", "view", "main", "document", "shtml", "aspx", "w3p"}


def _base_id(url: str) -> str:
    host = _host(url)
    wcms = re.search(r"WCMS_(\d+)", url)
    if _is_ilo(host) and wcms:
        return f"ilo-wcms-{wcms.group(1)}"
    normlex = _normlex_key(url)
    if normlex:
        kind, number = normlex
        return f"normlex-{kind}" + (f"-{number}" if number else "")
    if host.endswith("wikipedia.org"):
        lang = host.split(".")[0]
        title = _wiki_title(url) or ""
        return slugify(("wikipedia" if lang == "en" else f"{lang}-wikipedia") + "-" + title)
    short = re.sub(r"^(en|m|old|new|geneva|documentation)\.", "", host)
    short = re.sub(r"\.(com|org|net|info|news|media|top|limo|today)$", "", short)
    path = urllib.parse.unquote(urllib.parse.unquote(urllib.parse.urlsplit(url).path + " " + urllib.parse.urlsplit(url).query))
    tokens = [t for t in re.split(r"[^a-z0-9]+", path.lower()) if t and t not in NOISE]
    return slugify(short + "-" + "-".join(tokens))


def _published_from_url(url: str) -> str:
    for pattern, fmt in (
        (r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/", "{0}-{1}-{2}"),
        (r"/((?:19|20)\d\d)(\d\d)(\d\d)/", "{0}-{1}-{2}"),
        (r"/((?:19|20)\d\d)(\d\d)(\d\d)-", "{0}-{1}-{2}"),
        (r"cluster/((?:19|20)\d\d)-(\d\d)-(\d\d)-", "{0}-{1}-{2}"),
        (r"/story/((?:19|20)\d\d)/(\d\d)/", "{0}-{1}"),
        (r"/((?:19|20)\d\d)/(\d\d)/[a-z]", "{0}-{1}"),
    ):
        match = re.search(pattern, url)
        if match:
            value = fmt.format(*match.groups())
            if is_partial_date(value):
                return value
    return ""


def _language(url: str, host: str) -> str:
    for pattern in (r"lang--([a-z]{2})/", r"/dyn/normlex/([a-z]{2})/", r"nrmlx_([a-z]{2})/", r"LANG_CODE%3A\d+%2C([a-z]{2})"):
        match = re.search(pattern, url)
        if match:
            return match.group(1)
    if host.endswith("wikipedia.org"):
        return host.split(".")[0]
    if "/ru/" in url or host.endswith((".ru",)):
        return "ru"
    return ""


def _title(url: str, sid: str, host: str, publisher: str) -> tuple[str, bool]:
    """(title, built) where built=True means a descriptive title made from the address."""
    if _by_fragment(TITLES, url):
        return _by_fragment(TITLES, url), False
    if host.endswith("wikipedia.org"):
        lang = host.split(".")[0]
        title = (_wiki_title(url) or "").replace("_", " ")
        return (f"Wikipedia: {title}" if lang == "en" else f"Wikipedia ({lang}): {title}"), False
    if host in WIKI_MIRRORS:
        title = (_wiki_title(url) or "").replace("_", " ")
        return (f"{title} (copy of a Wikipedia article at {host})" if title else f"Copy of Wikipedia material at {host}"), True
    if sid.startswith("ilo-wcms-"):
        number = sid.rsplit("-", 1)[1]
        path = url.lower()
        for needle, label in (
            ("/moscow/news/", "ILO Moscow news item"), ("/moscow/projects/", "ILO Moscow project page"),
            ("/moscow/countries/", "ILO Moscow country page"), ("/moscow/information-resources/video/", "ILO Moscow video page"),
            ("/moscow/areas-of-work/", "ILO Moscow page"), ("/newsroom/news/", "ILO news release"),
            ("/newsroom/features/", "ILO feature story"), ("/gb/", "ILO Governing Body document"),
            ("/pardev/", "ILO development cooperation (donor) page"), ("/budapest/", "ILO Budapest page"),
            ("/europe/projects/", "ILO Europe project page"), ("/ipec/", "ILO-IPEC page"),
            ("/programmes-projects/", "ILO project page"), ("/projects/", "ILO project page"),
            ("/news/", "ILO news item"), ("/events/", "ILO event page"), ("/actrav/", "ILO ACTRAV press release"),
            ("/tokyo/", "ILO Tokyo page"), ("/declaration/", "ILO Declaration follow-up page"),
        ):
            if needle in path:
                return f"{label} WCMS_{number}", True
        return f"ILO page WCMS_{number}", True
    if sid.startswith("normlex-"):
        kind, _, number = sid[len("normlex-"):].partition("-")
        labels = {
            "comment": f"NORMLEX: CEACR comment {number}", "comments": f"NORMLEX: supervisory comments for country {number}",
            "country": f"NORMLEX: ratifications for country {number}", "ratifications": f"NORMLEX: ratifications of instrument {number}",
            "text": f"NORMLEX: text of instrument {number}", "subject": f"NORMLEX: instruments by subject and status ({number})",
            "profile": f"NORMLEX: country profile {number}", "reports": f"NORMLEX: reports requested for instrument {number}",
            "cfa": f"NORMLEX: Committee on Freedom of Association case text {number}",
        }
        return labels.get(kind, f"NORMLEX page {number}"), True
    parts = urllib.parse.urlsplit(url)
    words = urllib.parse.unquote(urllib.parse.unquote(parts.path + (" " + parts.query if parts.query else "")))
    words = re.sub(r"[_\-+/=&%?.]+", " ", words)
    words = " ".join(w for w in words.split() if w.lower() not in NOISE)
    words = words.strip()
    if len(words) > 90:
        words = words[:90].rsplit(" ", 1)[0] + " ..."
    label = "ILO" if publisher == "International Labour Organization" else publisher
    return (f"{label} page: {words}" if words else f"{label} home page"), True


class SourceRegistry:
    """Assigns one source_id per distinct URL, deterministically (ids fixed after all URLs are seen)."""

    def __init__(self) -> None:
        self.urls: set[str] = set()
        self.late_urls: set[str] = set()  # from the committed research files (see RESEARCH_FILE)
        self._ids: dict[str, str] | None = None

    def add(self, url: str) -> None:
        self.urls.add(url)

    def freeze(self) -> None:
        by_base: dict[str, list[str]] = {}
        for url in sorted(self.urls):
            by_base.setdefault(_base_id(url), []).append(url)
        self._ids = {}
        for base, urls in by_base.items():
            for index, url in enumerate(urls):
                self._ids[url] = base if index == 0 else f"{base}-{index + 1}"
        # Research URLs come second, so adding one never renames a source seeded from the notes.
        taken = set(self._ids.values())
        for url in sorted(self.late_urls - self.urls):
            base = _base_id(url)
            sid, index = base, 1
            while sid in taken:
                index += 1
                sid = f"{base}-{index}"
            self._ids[url] = sid
            taken.add(sid)

    def id(self, url: str) -> str:
        assert self._ids is not None, "freeze() first"
        return self._ids[url]

    def rows(self) -> list[dict[str, str]]:
        assert self._ids is not None
        rows = []
        for url, sid in self._ids.items():
            host = _host(url)
            if _is_ilo(host) or host in ILO_HOSTS:
                publisher, kind = "International Labour Organization", "ilo-page"
                if "/gb/" in url.lower():
                    kind = "ilo-document"
            elif host.endswith("wikipedia.org"):
                publisher, kind = "Wikipedia", "encyclopedia"
            elif host in WIKI_MIRRORS:
                publisher, kind = host, "encyclopedia"
            else:
                publisher, kind = HOSTS.get(host, (host, "other"))
            if sid.startswith("normlex-"):
                publisher, kind = "International Labour Organization (NORMLEX)", "ilo-normlex"
            title, built = _title(url, sid, host, publisher)
            notes = "Title built from the address and the research notes; the page's own title was not recorded." if built else ""
            published = _by_fragment(PUBLISHED, url) or _published_from_url(url)
            rows.append({
                "source_id": sid, "title": title, "publisher": publisher, "url": url,
                "published": published, "retrieved": "", "kind": kind,
                "language": _language(url, host), "notes": notes,
            })
        return rows


class Context:
    """Everything the table builders share: the raw source tables and the source registry."""

    def __init__(self, sources_dir: Path) -> None:
        self.dir = sources_dir
        self.raw = {path.stem: read_csv(path) for path in sorted(sources_dir.glob("*.csv"))}
        self.registry = SourceRegistry()
        for table in self.raw.values():
            for row in table:
                for column, value in row.items():
                    found = split_cell_urls(value) if column == "source_url" else urls_in_text(value)
                    for url in found:
                        self.registry.add(url)
        for extra in ADDRESSLESS_SOURCES:
            if extra["url"]:
                self.registry.urls.discard(extra["url"])
        self.research = read_research(RESEARCH_FILE)
        self.dated = read_dates(DATES_FILE)
        self.registry.late_urls = {row["url"] for row in self.research + self.dated}
        self.registry.freeze()

    def sid(self, url: str) -> str:
        return self.registry.id(url)

    def src(self, fragment: str) -> str:
        """source_id of the one URL containing `fragment` (tables below cite sources this way)."""
        hits = sorted({self.registry.id(u) for u in self.registry.urls if fragment in u})
        if len(hits) != 1:
            raise KeyError(f"URL fragment {fragment!r} matches {len(hits)} sources: {hits}")
        return hits[0]

    def cell_ids(self, cell: str) -> list[str]:
        return [self.sid(u) for u in split_cell_urls(cell)]

    def text_ids(self, *texts: str) -> list[str]:
        return [self.sid(u) for text in texts for u in urls_in_text(text)]

    def follow(self, row: dict[str, str], *extra_texts: str) -> tuple[str, str]:
        """(source_id, other_source_ids): the first URL of `source_url` is followed; the other
        URLs of that cell and any URL inside `extra_texts` (notes) are the other sources."""
        cited = self.cell_ids(row.get("source_url", ""))
        others = [i for i in cited[1:] + self.text_ids(*extra_texts) if i != cited[0]] if cited else []
        return (cited[0] if cited else ""), ids(*others)


def build_sources(ctx: Context) -> list[dict[str, str]]:
    rows = [research_source(ctx, row) for row in ctx.registry.rows()] + ORIGINAL_DOCUMENTS + ADDRESSLESS_SOURCES
    # Each TITLES / PUBLISHED fragment must pick exactly one address.
    for table in (TITLES, PUBLISHED):
        for fragment in table:
            matches = [u for u in ctx.registry.urls if fragment in u]
            if len(matches) != 1:
                raise KeyError(f"fragment {fragment!r} matches {len(matches)} URLs")
    return rows


# --------------------------------------------------------------------------------------------
# Countries (member_states.csv)
# --------------------------------------------------------------------------------------------

COUNTRY_NOTES = {
    # iso3 -> the row's own caveats, reworded (from member_states.csv `notes`, members-README).
    "BLR": "CONFLICT within the source: admitted 1954-05-12 (main table) or 1954-04-28 (start of the non-sovereign period in another table). The Belarus mission in Geneva also gives 1954.",
    "BRN": "The ILO Asia page says member since January 2007 (agrees); ITUC texts say it joined at the end of 2007 (ambiguous, not resolved).",
    "COK": "Not a UN member: admitted by the 104th International Labour Conference. The ILO press release of 12 June 2015 agrees with the date; CONFLICT: a Polish ministry page dates the admission 16 June 2015.",
    "CRI": "CONFLICT within the source: readmitted 1944-02-21 (main table) or 1944-04-21 (withdrawals table); the main table is used.",
    "EGY": "Admitted without being a member of the League of Nations.",
    "ETH": "The removal during the Italian annexation ends in 1942 or 1943, depending on the table of the source.",
    "ITA": "The first membership ends in December 1939 or in 1940, depending on the table of the source.",
    "KAZ": "The Kazakhstan foreign ministry page also gives 1993.",
    "KIR": "The ILO Suva page gives the year 2000 (agrees).",
    "LAO": "Admitted as the Kingdom of Laos.",
    "MDV": "ILO press release of 20 May 2009: 183rd member, from 15 May 2009 (agrees).",
    "MHL": "ILO press release of 6 July 2007: 181st member, from 3 July 2007 (agrees).",
    "MNE": "A Polish ministry page citing the ILO: 179th member from 14 July 2006 (agrees).",
    "PLW": "The ILO Suva page gives the year 2012 (agrees).",
    "WSM": "CONFLICT: a UN News story on Samoa becoming the 178th member has March 2005 in its address (month read from the address only); the ILO Suva page gives 2005.",
    "SSD": "A Polish ministry page: 184th member from 29 April 2012 (agrees).",
    "SDN": "Joined the ILO before the UN (UN membership 1956-11-12), after a vote of the 1956 Conference.",
    "TJK": "The UN Tajikistan page and the original Tajikistan page both say member since 1993; day and month from Wikipedia only.",
    "THA": "Admitted as Siam.",
    "IRN": "Admitted as Persia.",
    "TLS": "ILO Jakarta page: 177th member on 19 August 2003 (agrees).",
    "TON": "187th and most recent member; the ILO Suva page and Tonga's Prime Minister's Office give the same date.",
    "TUV": "CONFLICT: the ILO Asia and ILO Suva pages say it joined in March 2008.",
    "USA": "A 1979 study confirms the 1934 joining and the 1977 withdrawal; an Australian ministers' release of 15 February 1980 welcomes the announced return.",
    "VUT": "ILO Suva page (updated 14 November 2003): the 176th member, from 22 May 2003 (agrees).",
    "VEN": "CONFLICT within the source: readmitted 1958-03-16 (main table) or 1958-03-15 (withdrawals table); the main table is used.",
    "GEO": "The NORMLEX country profile also gives 22.06.1993.",
    "AZE": "The UN Azerbaijan page also gives 1992.",
    "UZB": "The Uzbek Ministry of Labour page also gives 1992.",
    "TKM": "ashgabat.in gives 1993 and comparemela.com September 1993 (both agree); CONFLICT: trend.az (February 2020) says member since 1994.",
    "KGZ": "In October 2017 a trade-union official quoted by 24.kg said no labour-protection Convention had been ratified since 2008 (the article reports Kyrgyzstan regaining its vote at the ILO).",
    "ARM": "A minister's speech at the June 2023 Conference spoke of 31 years of cooperation with the ILO (not used for the date).",
}

COUNTRY_EXTRA_SOURCES = {
    # iso3 -> other documents that state the membership date (ratification_summaries.csv
    # `ilo_member_since_source`, ratification_claims.csv) or the note above.
    "TJK": [ORIG_TJK],
    "GEO": ["P11110_COUNTRY_ID%3A102639"],
    "AZE": ["unazerbaijan.org/en/un_agencies"],
    "UZB": ["old.mehnat.uz"],
    "BLR": ["geneva.mfa.gov.by"],
    "TKM": ["ashgabat.in/?p=63328", "comparemela.com", "trend.az/business/economy/3195428"],
    "KGZ": ["24.kg/english/66030"],
    "ARM": ["westernarmeniatv.com"],
}


def _country_notes(row: dict[str, str]) -> str:
    text = row["notes"]
    parts = []
    if "Versailles signatory" in text:
        parts.append("Founding member (signatory of the Treaty of Versailles)")
    if "Invited founding member" in text:
        parts.append("Founding member (invited in 1919)")
    if "readmission date" in text:
        parts.append("member_since is the date of readmission")
    parts.append(COUNTRY_NOTES.get(row["iso3"], ""))
    if "not an exact pycountry name match" in text:
        parts.append("ISO code matched by normalised name; agrees with ILOSTAT")
    label = re.search(r"ILOSTAT label: (.+?)\.(?:\s|$)", text)
    if label and "?" not in label.group(1):
        parts.append(f"ILOSTAT writes: {label.group(1)}")
    if "Arab States region also listed" in text:
        parts.append("Region also listed by the ILO Regional Office for Arab States")
    if "'Is ILO member?'=No" in text:
        parts.append("The ILOSTAT table copy wrongly marks it as not a member (that column is not used)")
    return join_notes(*parts)


def _history(text: str) -> str:
    # Light rewording of the research notes' standard phrases (facts unchanged).
    text = text.replace(" (per source)", "")
    text = text.replace("Prior participation as part of the Soviet Union; admitted as a separate member on this date.",
                        "Earlier part of the Soviet Union; admitted as a member in its own right on the member_since date.")
    return text


def build_countries(ctx: Context) -> list[dict[str, str]]:
    rows = []
    for row in ctx.raw["member_states"]:
        source_id, others = ctx.follow(row, row["notes"])
        extra = [s if s.startswith("orig-") else ctx.src(s) for s in COUNTRY_EXTRA_SOURCES.get(row["iso3"], [])]
        rows.append({
            "iso3": row["iso3"], "iso2": row["iso2"], "name": row["name_ilo"],
            "member_since": row["membership_date"], "ilo_region": row["ilo_region"],
            "membership_history": _history(row["history"]), "source_id": source_id,
            "other_source_ids": ids(others, *extra), "notes": _country_notes(row),
        })
    return rows


# --------------------------------------------------------------------------------------------
# Conventions and Protocols (conventions.csv, protocols.csv), Recommendations
# --------------------------------------------------------------------------------------------

STATUS_MAP = {
    # conventions.csv `status` (mixed labels and dates) -> enum; the note keeps the original label.
    "": "",
    "up-to-date": "up-to-date",
    "outdated": "outdated",
    "abrogated": "abrogated",
    "withdrawn": "withdrawn",
    "withdrawn (inferred)": "withdrawn",
    "instrument with interim status": "interim status",
    "other instrument subject to a request for information": "request for information",
    "up-to-date instrument subject to a request for information": "request for information",
}

STATUS_NOTES = {
    # instrument -> where its status comes from and as of when (conventions-README "status").
    **{c: "Abrogated by the Conference in June 2017 (106th Session)" for c in ("C004", "C015", "C041", "C067")},
    **{c: "Abrogated by the Conference in 2018 (107th Session), as reported by a secondary site" for c in ("C021", "C050", "C064", "C065", "C086", "C104")},
    "C063": "Status UNVERIFIED: an ILOSTAT blog says it was abrogated at the 2024 Conference, but the sentence is cut off",
    **{c: "Withdrawn by the Conference in June 2017 (106th Session)" for c in ("C028", "C060")},
    "C046": "Withdrawn by the Conference in 2000 (88th Session)",
    "C061": "Withdrawn by the Conference in 2000 (88th Session)",
    "C051": "Withdrawn by the Conference in 2000 (88th Session): decision text dated 15 June 2000; Wikipedia gives 30 May 2000, the day the session opened",
    **{c: "Withdrawal INFERRED: proposed in 1998 for withdrawal in 2000 as never in force; only with it does the ILO's 2019 count of seven withdrawn Conventions add up" for c in ("C031", "C066")},
    **{c: "Status from the NORMLEX list of OSH instruments by status (undated)" for c in ("C115", "C139", "C148", "C155", "C161", "C162", "C170", "C174", "C187")},
    **{c: "Status from an undated NORMLEX printout" for c in ("C001", "C030", "C131", "C135", "C140", "C171")},
    "C160": "Status from an ILOLEX copy of about 2004",
    "C033": "Status from an undated ILO Tokyo page (revised by C060 and C138; closed to ratification)",
    "C059": "Status from an undated ILO Tokyo page",
    "C045": "Older ILOLEX label 'other instrument subject to a request for information'; current NORMLEX status not verified",
    "C145": "Older ILOLEX label 'up-to-date instrument subject to a request for information'; current NORMLEX status not verified",
}

TITLE_ONLY_FROM_NEIGHBOURS = {
    # conventions-README: 23 titles read only from previous/next links of neighbouring Wikipedia articles.
    "C044", "C048", "C073", "C080", "C096", "C114", "C116", "C118", "C119", "C121", "C123", "C125",
    "C127", "C130", "C142", "C146", "C150", "C152", "C154", "C159", "C165", "C168", "C173",
}

CONVENTION_NOTES = {
    # instrument -> its particular caveats, reworded from conventions.csv `notes` / conventions-README.
    "C001": "Adopted in Washington at the 1st Session.",
    "C011": "Adoption date and session from a single Portuguese government page.",
    "C019": "A Portuguese notice prints the year once as 1925 and once as 1924 (probably a typo).",
    "C025": "A US social security memo says the sickness insurance Convention was adopted in May 1927.",
    "C035": "INFERRED number: the title appears, unnumbered, among the six 1933 Conventions revised by C128; the other numbers are sourced, which leaves this one.",
    "C036": "Entry into force from a single Bulgarian page.",
    "C037": "INFERRED number, as for C035.",
    "C054": "Adoption date doubtful: Wikipedia gives 24 November 1936, but the 21st Session sat from 6 to 24 October 1936 (US Statutes). Never entered into force; revised by C072.",
    "C055": "CONFLICT: Wikipedia gives 24 November 1936 for the adoption; the US Statutes text (used) gives 24 October 1936.",
    "C056": "Adoption date doubtful: Wikipedia gives 24 November 1936, after the 21st Session had ended (24 October 1936).",
    "C057": "CONFLICT: a 2008 copy of Wikipedia gave 24 November 1936; the current article (used) gives 24 October 1936. Closed to ratification on 24 February 2002.",
    "C059": "English title wording from the 1937 New Zealand parliamentary papers.",
    "C063": "Title wording from the C160 text and a Russian copy of Wikipedia.",
    "C071": "Not consolidated into the MLC, 2006 (ILO MLC FAQ).",
    "C072": "CONFLICT: Wikipedia gives 28 June 1946; the New Zealand treaty text (used) gives 29 June 1946. Never entered into force; revised by C091.",
    "C075": "INFERRED number: the C092 text names the Accommodation of Crews Convention, 1946 (28th Session) without its number.",
    "C076": "Number from a 2008 copy of the C057 Wikipedia article; the combined Wikipedia article mislabels the codes. Never entered into force.",
    "C078": "English title not seen in an English source: translated from Russian and Spanish titles. Adopted together with C077 at the 29th Session.",
    "C080": "A Chinese ILO list says China ratified it on 1947-08-04.",
    "C088": "Only a Portuguese source was seen: the English title is a translation (not verified).",
    "C093": "Never entered into force.",
    "C100": "CONFLICT: the Swedish Wikipedia gives 28 June 1951; English Wikipedia and Chinese texts (used) give 29 June 1951.",
    "C107": "The title suffix ', 1957' is INFERRED from an ILO page and the C169 preamble.",
    "C109": "Never entered into force.",
    "C120": "Adoption date 8 August 1964 from a single Wikipedia source, UNVERIFIED (an unusual month for a Conference session).",
    "C155": "Fundamental since the 2022 Conference.",
    "C158": "CONFLICT: Wikipedia gives 23 November 1985 for the entry into force; an ILO note (used) gives 24 November 1985.",
    "C176": "The title suffix ', 1995' is INFERRED from the adoption date; status 'current' in Swedish Wikipedia (not a NORMLEX source).",
    "C182": "CONFLICT: one site gives 16 June 1999 for the adoption; Wikipedia (used) gives 17 June 1999.",
    "C185": "Amended by the Conference in 2016 (105th Session).",
    "C186": "Maritime Labour Convention, 2006 (MLC): number 186 from German and Russian Wikipedia copies; adopted by the 94th (Maritime) Session.",
    "C187": "Fundamental since the 2022 Conference. Session from a low-quality page. Entered into force in 2009 (Wikipedia copy; day not found).",
    "C188": "Entered into force in November 2017 (ICSF report; day not stated).",
    "C191": "Amends C182, C183, C186 (MLC, 2006), C187, C188, C189, C190 and P029. Entry into force not found.",
    "C192": "Numbered 192 because 191 went to the 2023 Convention; adopted with Recommendation No. 209 on 13 June 2025 (a union site had announced it for a later date). Not known to be in force.",
    "P029": "Adopted 11 June 2014 (authentic text; 103rd Session). CONFLICT: one secondary site gives 28 June 2014 and an entry into force of 9 November 2016 (UNVERIFIED, not used). Amended by C191 (2023).",
    "P081": "Extends C081 to non-commercial services.",
    "P089": "The ILOLEX copy prints an entry into force equal to the adoption date (apparently a placeholder; not used) and the label 'other instrument' (not a status of the enum).",
    "P110": "A Polish page gives an entry into force of 18 June 1982, equal to the adoption date (UNVERIFIED, not used).",
    "P147": "Adopted in Geneva on 22 October 1996 (84th Session).",
    "P155": "Exact adoption date not found (year from the title, INFERRED).",
}

EIF_OVERRIDES = {
    # conventions.csv has no `entry_into_force_date` for these, but its notes state a partial date.
    "C187": "2009",  # "Wikipedia copy: ... in force 2009 (exact dates not retrieved)"
    "C188": "2017-11",  # "EIF 'November 2017' per ICSF Samudra report"
}

PROTOCOLS = {
    # protocol -> (adoption date, ILC session, status) read from protocols.csv `notes`.
    "P029": ("2014-06-11", "103", ""),
    "P081": ("1995-06-22", "82", ""),
    "P089": ("1990-06-26", "77", ""),
    "P110": ("1982-06-18", "68", ""),
    "P147": ("1996-10-22", "84", ""),
    "P155": ("2002", "", "up-to-date"),  # NORMLEX OSH list: 'Up-to-date instrument'
}


def build_conventions(ctx: Context) -> list[dict[str, str]]:
    rows = []
    categories = {}
    for row in ctx.raw["conventions"]:
        cid = row["id"]
        categories[cid] = row["type"]
        source_id, others = ctx.follow(row, row["notes"])
        adoption = row["adoption_date"] or row["adoption_year"]
        eif = row["entry_into_force_date"]
        notes = []
        if not row["adoption_date"]:
            notes.append("Adoption day not found: year from the title (INFERRED)" if "inferred from title" in row["notes"]
                         else "Adoption day not found: year only")
        if cid in TITLE_ONLY_FROM_NEIGHBOURS:
            notes.append("Title only from the previous/next links of neighbouring Wikipedia articles")
        notes.append(CONVENTION_NOTES.get(cid, ""))
        if eif == "never in force":
            eif = ""
            if "Never entered" not in CONVENTION_NOTES.get(cid, ""):
                notes.append("Never entered into force")
        eif = eif or EIF_OVERRIDES.get(cid, "")
        notes.append(STATUS_NOTES.get(cid, ""))
        if "shelved" in row["notes"] and not row["status"]:
            notes.append("Wikipedia labels it 'shelved' (not used as status)")
        rows.append({
            "instrument_id": cid, "kind": "convention", "number": str(int(row["number"])), "title": row["short_title"],
            "adoption_date": adoption, "ilc_session": row["ilc_session"], "category": row["type"],
            "status": STATUS_MAP[row["status"]], "entry_into_force": eif, "parent_id": "",
            "source_id": source_id, "other_source_ids": others, "notes": join_notes(*notes),
        })
    for row in ctx.raw["protocols"]:
        pid, parent = row["id"], row["parent_convention"]
        adoption, session, status = PROTOCOLS[pid]
        source_id, others = ctx.follow(row, row["notes"])
        rows.append({
            "instrument_id": pid, "kind": "protocol", "number": str(int(parent[1:])), "title": row["title"],
            "adoption_date": adoption, "ilc_session": session, "category": categories[parent],
            "status": status, "entry_into_force": "", "parent_id": parent,
            "source_id": source_id, "other_source_ids": others,
            "notes": join_notes(f"Category follows its Convention ({parent})", CONVENTION_NOTES.get(pid, "")),
        })
    return rows


RECOMMENDATION_NOTES = {
    # instrument -> caveats reworded from recommendations.csv `notes`.
    "R003": "A public-service union site says R209 (2025) supersedes it.",
    "R027": "Named in a quotation of the C166 preamble.",
    "R040": "Descriptive title as listed for the 16th Session (1932); short title not seen.",
    "R041": "Descriptive title as listed for the 16th Session (1932); short title not seen.",
    "R052": "Adopted 22 June 1937 at the 23rd Session (text in the 1937 New Zealand parliamentary papers).",
    "R119": "Number and year from an ILO note; wording from the C158 preamble.",
    "R150": "Named in the agenda of the 91st Session (2003), which revised it.",
    "R190": "Title suffix ', 1999' composed from a Wikipedia sentence.",
    "R206": "The source only says that Recommendation No. 206 accompanies C190 (2019); short title not seen; year INFERRED from C190.",
    "R209": "The source names it as the Recommendation on biological hazards adopted on 13 June 2025 (113th Session); short title not seen.",
}

RECOMMENDATION_DATES = {
    # instrument -> adoption date read in recommendations.csv `notes` (else the year from the title).
    "R052": "1937-06-22",
    "R209": "2025-06-13",
}


def build_recommendations(ctx: Context) -> list[dict[str, str]]:
    rows = []
    for row in ctx.raw["recommendations"]:
        rid = row["id"]
        source_id, others = ctx.follow(row, row["notes"])
        date = RECOMMENDATION_DATES.get(rid, row["adoption_year"])
        withdrawn = "Withdrawn by ILC 2018" in row["notes"]
        notes = []
        if rid not in RECOMMENDATION_DATES and rid != "R206":
            notes.append("Adoption day not found: year from the title (INFERRED)")
        notes.append(RECOMMENDATION_NOTES.get(rid, ""))
        if withdrawn:
            notes.append("Withdrawn by the Conference in 2018, as reported by a secondary site")
        rows.append({
            "instrument_id": rid, "number": str(int(row["number"])), "title": row["title"],
            "adoption_date": date, "status": "withdrawn" if withdrawn else "",
            "source_id": source_id, "other_source_ids": others, "notes": join_notes(*notes),
        })
    return rows


# --------------------------------------------------------------------------------------------
# Ratifications (ratifications.csv, plus rows stated by ratification_claims.csv / originals)
# --------------------------------------------------------------------------------------------

INSTRUMENT_ALIASES = {"MLC": "C186"}  # ratifications.csv writes the Maritime Labour Convention, 2006 as "MLC"

RATIFIED_OVERRIDES = {
    # (iso3, instrument) -> ratified date read from the row's note (the CSV cell is empty).
    ("RUS", "C154"): "2010-07-04",  # "law ratifying C154 signed by President 2010-07-04" (national act)
    ("UZB", "C081"): "2019-08-27",  # "ratification law signed 27 Aug 2019" (national act)
    ("UZB", "C129"): "2019-08-27",  # "ratification law signed 27 Aug 2019" (national act)
}

DATE_BASIS = {
    # (iso3, instrument) -> date_basis where the date is not a bare year. Rule: the ILO registration
    # (or deposit) date when an ILO page or an international ratification table gives it; the date
    # of a national act when the source says so; "unknown" when the source does not say which.
    ("RUS", "P029"): "ilo-registration", ("TJK", "P029"): "ilo-registration",
    ("AZE", "C098"): "ilo-registration", ("AZE", "C105"): "ilo-registration", ("AZE", "C138"): "ilo-registration",
    ("AZE", "C144"): "ilo-registration", ("AZE", "C155"): "ilo-registration",
    ("ARM", "C087"): "ilo-registration", ("ARM", "C097"): "ilo-registration", ("ARM", "C098"): "ilo-registration",
    ("ARM", "C105"): "ilo-registration", ("ARM", "C138"): "ilo-registration", ("ARM", "C144"): "ilo-registration",
    ("ARM", "C190"): "unknown",  # news: "in December"; whether act or deposit is not said
    ("BLR", "C015"): "ilo-registration", ("BLR", "C045"): "unknown",
    ("KGZ", "C097"): "ilo-registration", ("KGZ", "C190"): "ilo-registration",
    ("TKM", "C144"): "ilo-registration",  # instrument handed to the Director-General
    ("UZB", "P029"): "ilo-registration",
    ("RUS", "C154"): "national-act", ("UZB", "C081"): "national-act", ("UZB", "C129"): "national-act",
    # Mejlis (parliament) year, not the ILO registration: national act, year only (note says so)
    ("TKM", "C029"): "national-act", ("TKM", "C098"): "national-act", ("TKM", "C100"): "national-act", ("TKM", "C111"): "national-act",
    # Uzbek Ministry of Labour list: the list does not say what its dates are
    **{("UZB", c): "unknown" for c in ("C029", "C047", "C052", "C098", "C100", "C103", "C105", "C111", "C122", "C135", "C138", "C154", "C182")},
}

STATUS_OVERRIDES = {
    # (iso3, instrument) -> (status, status_date) where the CSV status cell is free text.
    ("AZE", "C155"): ("in force", "2024-05-29"),  # "Not yet in force at time of source"; ILO: enters into force 29 May 2024
    ("UZB", "P029"): ("in force", "2020-09-16"),  # "Ratified; entry into force 2020-09-16 (per source)"
}
RAT_STATUS = {"": "", "In Force": "in force", "Denounced": "denounced"}

MINIMUM_AGE = {
    # C138 rows whose source states the minimum age specified on ratification.
    ("RUS", "C138"): "16", ("TJK", "C138"): "16", ("AZE", "C138"): "16", ("ARM", "C138"): "16", ("BLR", "C138"): "16",
    ("GEO", "C138"): "15",  # declaration on ratification, noted by a CEACR direct request of 2002 (research/normlex_comments.csv)
}

BLR_NORMLEX = "From the NORMLEX ratification page for Belarus (Spanish interface; lists ten fundamental Conventions, so after June 2022)"
UZB_LIST = "From the Uzbek Ministry of Labour's list of 14 ratified Conventions (c.2014-2016), which does not say what its dates stand for"
CEACR = "Year only, from the header of a NORMLEX supervisory comment ({as_of})"
CEACR_INFERRED = "INFERRED ratified: the ILO supervisory bodies commented on it ({as_of}) and only examine ratified Conventions; date not found"
SECONDARY_TABLE = "Secondary: a ratification table on {site} (date basis INFERRED: such tables copy the ILO register)"
MEJLIS = "Year of ratification by the Mejlis (parliament), per ashgabat.in; ILO registration date not found (for C087 and C105 NORMLEX gives 1997)"

RATIFICATION_NOTES = {
    # (iso3, instrument) -> notes, reworded from ratifications.csv `note` (+ source_as_of).
    ("RUS", "C029"): CEACR.format(as_of="CEACR 2024"),
    ("RUS", "C087"): "Year only, from the Labour Rights Index 2024 (secondary)",
    ("RUS", "C098"): "Year only, from the Labour Rights Index 2024 (secondary)",
    ("RUS", "C100"): CEACR.format(as_of="CEACR 1999"),
    ("RUS", "C105"): CEACR.format(as_of="CEACR 2024"),
    ("RUS", "C138"): CEACR.format(as_of="CEACR 2024") + ". Ratified by the USSR; minimum age 16 per an old ILO Moscow page",
    ("RUS", "C154"): "Date of the federal law ratifying it (national act); ILO registration date not found",
    ("RUS", "C182"): "Secondary (Russian text of the Convention): in force for the Russian Federation from 25 March 2004; ratification date not given",
    ("RUS", "P029"): "Instrument deposited with the Director-General on 17 January 2019 (Russian mission in Geneva); a NORMLEX comment header gives 2019",
    ("TJK", "C014"): CEACR.format(as_of="CEACR 2021"),
    ("TJK", "C029"): CEACR.format(as_of="CEACR 2023"),
    ("TJK", "C032"): CEACR_INFERRED.format(as_of="direct requests, CEACR 2021"),
    ("TJK", "C047"): CEACR_INFERRED.format(as_of="observation, CEACR 2021"),
    ("TJK", "C052"): CEACR.format(as_of="CEACR 2021, comment grouped with C014 and C106"),
    ("TJK", "C087"): CEACR.format(as_of="CEACR 1998") + "; the Labour Rights Index 2024 also gives 1993",
    ("TJK", "C098"): CEACR.format(as_of="CEACR 2009") + "; the Labour Rights Index 2024 also gives 1993",
    ("TJK", "C100"): CEACR.format(as_of="CEACR 2023"),
    ("TJK", "C106"): CEACR.format(as_of="CEACR 2021, comment grouped with C014 and C052"),
    ("TJK", "C138"): CEACR.format(as_of="CEACR 2023") + "; the comment says the Government specified 16 years on ratification",
    ("TJK", "C144"): CEACR.format(as_of="CEACR 2024"),
    ("TJK", "P029"): "ILO campaign site (March 2020): ratified on 24 January 2020, the 44th country; a NORMLEX comment header gives 2020",
    ("AZE", "C029"): CEACR_INFERRED.format(as_of="observation, CEACR 2021"),
    ("AZE", "C098"): SECONDARY_TABLE.format(site="whatconvention.org"),
    ("AZE", "C100"): CEACR.format(as_of="CEACR 2008; also in a 2023 comment"),
    ("AZE", "C105"): SECONDARY_TABLE.format(site="a Wikipedia mirror"),
    ("AZE", "C111"): CEACR.format(as_of="CEACR 2002"),
    ("AZE", "C138"): SECONDARY_TABLE.format(site="a 2007 copy of Wikipedia") + "; minimum age 16",
    ("AZE", "C144"): SECONDARY_TABLE.format(site="Wikipedia (as of September 2023)"),
    ("AZE", "C155"): "ILO news of 2 June 2023: instrument deposited 29 May 2023, in force from 29 May 2024; the 77th ratification. CONFLICT: a CEACR request of 2024 says ratified on 1 February 2023 (national act)",
    ("ARM", "C017"): CEACR_INFERRED.format(as_of="observation, CEACR 2021"),
    ("ARM", "C087"): SECONDARY_TABLE.format(site="Wikipedia (infobox of 'Trade unions in Armenia')"),
    ("ARM", "C097"): "NORMLEX ratifications of C097 (French interface, between October 2023 and October 2024): in force",
    ("ARM", "C098"): SECONDARY_TABLE.format(site="Wikipedia (infobox of 'Trade unions in Armenia')") + "; whatconvention.org agrees",
    ("ARM", "C105"): SECONDARY_TABLE.format(site="a Wikipedia mirror"),
    ("ARM", "C138"): SECONDARY_TABLE.format(site="a 2007 copy of Wikipedia") + "; minimum age 16; an Austrian gazette notice gives the same deposit date",
    ("ARM", "C144"): SECONDARY_TABLE.format(site="Wikipedia (as of September 2023)") + "; a NORMLEX comment header gives 2005 (consistent)",
    ("ARM", "C190"): "News of February 2026: ratified in December 2025 (month only); not checked on NORMLEX",
    ("BLR", "C010"): BLR_NORMLEX + "; the date is cut off in the archived copy (day and month visible, year not)",
    ("BLR", "C015"): "From an unofficial Russian status list (as of May 2011) copying the ILO list by Convention; denounced on 3 May 1979",
    ("BLR", "C029"): BLR_NORMLEX,
    ("BLR", "C045"): "From an old Russian-language list of ratifications (1991); status not stated",
    ("BLR", "C081"): BLR_NORMLEX,
    ("BLR", "C087"): BLR_NORMLEX,
    ("BLR", "C098"): BLR_NORMLEX + "; whatconvention.org agrees",
    ("BLR", "C100"): BLR_NORMLEX,
    ("BLR", "C105"): BLR_NORMLEX + "; a Wikipedia mirror agrees",
    ("BLR", "C111"): BLR_NORMLEX,
    ("BLR", "C122"): BLR_NORMLEX,
    ("BLR", "C138"): BLR_NORMLEX + "; minimum age 16; an old copy of Wikipedia agrees",
    ("BLR", "C144"): BLR_NORMLEX + "; Wikipedia and a NORMLEX comment header (1993) agree",
    ("BLR", "C155"): BLR_NORMLEX + "; listed among the fundamental Conventions; Wikipedia agrees",
    ("BLR", "C182"): BLR_NORMLEX + "; an ILO Moscow news item of November 2000 counts Belarus among the first 50 ratifying States",
    ("GEO", "C087"): CEACR_INFERRED.format(as_of="observation and a Conference Committee case listed on the NORMLEX profile"),
    ("GEO", "C138"): CEACR_INFERRED.format(as_of="reports examined, NORMLEX profile c.2025"),
    ("GEO", "C144"): "ILO ACTRAV press release: in force for Georgia from 8 May 2019; ratification date not given",
    ("GEO", "C182"): CEACR_INFERRED.format(as_of="report examined, NORMLEX profile c.2025"),
    ("GEO", "C185"): CEACR_INFERRED.format(as_of="direct request, NORMLEX profile c.2025"),
    ("GEO", "C186"): "ILO news of 15 February 2024: Georgia ratified the MLC, 2006, the 105th member State to do so; registration date not in the excerpt",
    ("KAZ", "C029"): CEACR.format(as_of="CEACR 2023") + "; national ratification law of 14 December 2000",
    ("KAZ", "C087"): CEACR.format(as_of="CEACR 2024") + "; national ratification law of 30 December 1999",
    ("KAZ", "C098"): "A Committee on Freedom of Association report (November 2002) says Kazakhstan ratified C087, C098 and C135; date not given",
    ("KAZ", "C105"): CEACR.format(as_of="CEACR 2023") + "; national ratification law of 14 December 2000",
    ("KAZ", "C111"): CEACR.format(as_of="CEACR 2024") + "; national ratification law of 20 July 1999",
    ("KAZ", "C135"): "A Committee on Freedom of Association report (November 2002) says it is ratified; date not given",
    ("KAZ", "C138"): CEACR.format(as_of="CEACR 2023") + "; national ratification law of 14 December 2000",
    ("KAZ", "C144"): CEACR_INFERRED.format(as_of="direct request, CEACR 2022"),
    ("KAZ", "C155"): "Year only, from the NORMLEX table of reports requested for C155 (2024 cycle)",
    ("KGZ", "C027"): CEACR.format(as_of="CEACR 2019") + "; open to denunciation from 9 March 2022",
    ("KGZ", "C029"): CEACR.format(as_of="CEACR 2023"),
    ("KGZ", "C087"): "Year only, from an ITUC survey page",
    ("KGZ", "C097"): "NORMLEX ratifications of C097 (French interface, between October 2023 and October 2024): in force",
    ("KGZ", "C098"): "Year only, from an ITUC survey page",
    ("KGZ", "C124"): CEACR_INFERRED.format(as_of="direct request, CEACR 2022"),
    ("KGZ", "C154"): "An ITUC letter says C087, C098, C144 and C154 are ratified by Kyrgyzstan; date not given",
    ("KGZ", "C182"): "UN News (May 2004): the 150th country to ratify; exact date not given",
    ("KGZ", "C190"): "A CEACR comment of 2024 gives ratification on 3 June 2024 (deposited during the 112th Conference); Kazinform: the first Central Asian State to ratify",
    ("KGZ", "P029"): CEACR.format(as_of="CEACR 2023") + "; national law signed on 24 February 2020",
    ("TKM", "C029"): MEJLIS,
    ("TKM", "C087"): CEACR.format(as_of="CEACR 2012") + "; ashgabat.in says the Mejlis ratified it in 1996 (national act)",
    ("TKM", "C098"): MEJLIS,
    ("TKM", "C100"): MEJLIS,
    ("TKM", "C105"): CEACR.format(as_of="Conference Committee 2024") + "; ashgabat.in gives 1996 for the Mejlis",
    ("TKM", "C111"): MEJLIS,
    ("TKM", "C122"): "Instrument handed to the then ILO Director-General at an online ceremony on 14 April (year not visible); date not found",
    ("TKM", "C138"): CEACR.format(as_of="CEACR 2023") + ". CONFLICT: ashgabat.in says the Mejlis ratified 'Minimum Age' in 1996; the ILO Declaration baseline (2000-2008) says not ratified",
    ("TKM", "C144"): "Date the instrument was handed to the Director-General in Geneva (Turkmen foreign ministry); the Mejlis ratified it on 8 June 2019; the 149th country",
    ("TKM", "C182"): CEACR.format(as_of="CEACR 2023") + "; the ILO Declaration baseline (2000-2008) says not ratified then (consistent)",
    ("UZB", "C029"): UZB_LIST + "; a NORMLEX comment header gives 1992 (agrees). CONFLICT: lex.uz and the Tashkent Times give an Oliy Majlis resolution of 30 August 1997",
    ("UZB", "C047"): UZB_LIST,
    ("UZB", "C052"): UZB_LIST,
    ("UZB", "C081"): "Date the ratification law was signed (national act; Trend citing the Ministry of Justice); ILO registration date not found",
    ("UZB", "C087"): CEACR.format(as_of="CEACR 2023") + "; law signed in October 2016, the 154th country. The Ministry list's date 17.06.1948 (the adoption period of the Convention) is rejected; the ILO Declaration baseline (2000-2008) says not yet ratified (consistent)",
    ("UZB", "C098"): UZB_LIST + "; the list mislabels its title; the ILO Declaration baseline confirms ratification in 1992",
    ("UZB", "C100"): UZB_LIST,
    ("UZB", "C103"): UZB_LIST,
    ("UZB", "C105"): UZB_LIST,
    ("UZB", "C111"): UZB_LIST,
    ("UZB", "C122"): UZB_LIST,
    ("UZB", "C129"): "Date the ratification law was signed (national act); ILO registration date not found",
    ("UZB", "C135"): UZB_LIST,
    ("UZB", "C138"): UZB_LIST + "; month and year only. An ILO Moscow news item says the ratification law was signed on 4 April 2008",
    ("UZB", "C144"): "Year only: an ILO campaign post of November 2019 says Uzbekistan ratified it earlier in 2019",
    ("UZB", "C154"): UZB_LIST,
    ("UZB", "C182"): UZB_LIST + "; month and year only",
    ("UZB", "P029"): "ILO news of 17 September 2019: instrument deposited 16 September 2019, in force from 16 September 2020; the 40th ratification",
}

RAT_EXTRA_SOURCES = {
    # (iso3, instrument) -> further documents (ratification_claims.csv rows that speak of the row).
    ("BLR", "C182"): ["WCMS_244209"],
    ("KGZ", "C190"): ["inform.kz/news/kyrgyzstan-first"],
    ("UZB", "C087"): ["thebulletin.news", "WCMS_DECL_FACB_UZB"],
    ("UZB", "C098"): ["WCMS_DECL_FACB_UZB"],
    ("TKM", "C138"): ["WCMS_DECL_CL_TKM", "ashgabat.in/?p=63328"],
    ("TKM", "C182"): ["WCMS_DECL_CL_TKM"],
    ("TKM", "C087"): ["ashgabat.in/?p=63328"],
    ("TKM", "C105"): ["ashgabat.in/?p=63328"],
    ("TJK", "C029"): ["webarchive.archive.unhcr.org"], ("TJK", "C087"): ["webarchive.archive.unhcr.org"],
    ("TJK", "C098"): ["webarchive.archive.unhcr.org"], ("TJK", "C100"): ["webarchive.archive.unhcr.org"],
    ("TJK", "C138"): ["webarchive.archive.unhcr.org"],
}

ADDED_RATIFICATIONS = [
    # Ratifications a source states (or implies) that ratifications.csv has no row for. All
    # without a date (ratified empty, date_basis unknown). (iso3, instrument, followed source
    # fragment, other source fragments, notes)
    *[("TJK", c, "webarchive.archive.unhcr.org", [ORIG_TJK, "50forfreedom.org/blog/news/tajikistan"],
       "Named among the ratified core Conventions by the ITUC Annual Survey 2007; the original Tajikistan page (2015 or later) also says all eight fundamental Conventions are ratified and in force; date not found")
      for c in ("C105", "C111", "C182")],
    *[("KGZ", c, "4c52ca24c,", ["4c4fec6e28"],
       "Named among the ratified core Conventions by the ITUC Annual Surveys 2007-2010; date not found. The original Kyrgyzstan page (c.2001) said seven of the eight were ratified then")
      for c in ("C100", "C105", "C111", "C138")],
    *[("ARM", c, "ituc-csi.org/serious-workers-rights", [],
       "INFERRED from an ITUC report (c.2010) saying Armenia has ratified all eight core Conventions; date not found")
      for c in ("C029", "C100", "C111", "C182")],
    *[("GEO", c, "lastradainternational.org", [],
       "INFERRED from an ITUC report (2009) saying Georgia has ratified all eight core Conventions; date not found")
      for c in ("C029", "C098", "C100", "C105", "C111")],
    ("RUS", "C111", "geneva.mid.ru", [],
     "INFERRED from the Russian mission in Geneva (January 2019): party to all eight fundamental Conventions; date not found"),
    *[("KAZ", c, "kasipodaq.kz/2019/03/12", [],
       "INFERRED from the Federation of Trade Unions of Kazakhstan (March 2019): eight of its 24 Conventions are fundamental, i.e. all eight of the time; date not found")
      for c in ("C100", "C182")],
    *[("AZE", c, "sebra.az", [],
       "INFERRED from a training provider's page (c.2018): eight fundamental Conventions ratified; date not found")
      for c in ("C087", "C182")],
]


def build_ratifications(ctx: Context) -> list[dict[str, str]]:
    rows = []
    for row in ctx.raw["ratifications"]:
        iso3 = row["iso3"]
        inst = INSTRUMENT_ALIASES.get(row["instrument"], row["instrument"])
        key = (iso3, inst)
        source_id, others = ctx.follow(row, row["note"])
        ratified = RATIFIED_OVERRIDES.get(key, row["ratification_date"])
        if ratified and not is_partial_date(ratified):
            raise ValueError(f"ratifications.csv {key}: unreadable date {ratified!r}: add an override")
        if key in DATE_BASIS:
            basis = DATE_BASIS[key]
        elif not ratified:
            basis = "unknown"
        elif len(ratified) == 4:
            basis = "year-only"
        elif "11200" in row["source_url"]:
            basis = "ilo-registration"
        else:
            raise ValueError(f"ratifications.csv {key}: no date_basis rule: add one to DATE_BASIS")
        if key in STATUS_OVERRIDES:
            status, status_date = STATUS_OVERRIDES[key]
        else:
            status, status_date = RAT_STATUS[row["status"]], row["status_date"]
        extra = [ctx.src(f) for f in RAT_EXTRA_SOURCES.get(key, [])]
        rows.append({
            "iso3": iso3, "instrument_id": inst, "ratified": ratified, "date_basis": basis,
            "status": status, "status_date": status_date, "minimum_age": MINIMUM_AGE.get(key, ""),
            "source_id": source_id, "other_source_ids": ids(others, *extra),
            "notes": join_notes(RATIFICATION_NOTES[key]),
        })
    for iso3, inst, followed, other, notes in ADDED_RATIFICATIONS:
        rows.append({
            "iso3": iso3, "instrument_id": inst, "ratified": "", "date_basis": "unknown", "status": "",
            "status_date": "", "minimum_age": "", "source_id": ctx.src(followed),
            "other_source_ids": ids(*[o if o.startswith("orig-") else ctx.src(o) for o in other]),
            "notes": join_notes(notes),
        })
    return merge_dates(ctx, merge_research(ctx, rows))


# --------------------------------------------------------------------------------------------
# Research file: ratification years read in NORMLEX supervisory-comment headers
# --------------------------------------------------------------------------------------------
# scripts/ilo_data/research/normlex_comments.csv is committed with the package (not part of
# ../shared/sources). One row per page read: the page heading "<Convention> - <Country>
# (Ratification: YYYY)" states the year the ratification was registered. Rows for pairs that
# ratifications.csv lacks become new ratifications (date_basis year-only); a page about a pair
# already present is added to its other_source_ids when the year agrees; a row without a date
# takes the year and follows the page from then on (its former source moves to
# other_source_ids and the note says so); a disagreeing year is reported, never applied: the
# row keeps its value, cites the page in other_source_ids and its note says
# "CONFLICT: <source_id> (NORMLEX heading) gives YYYY".

RESEARCH_FILE = Path(__file__).resolve().parent / "research" / "normlex_comments.csv"
RESEARCH_FIELDS = ["iso3", "instrument_id", "ratified", "date_basis", "url", "page_heading", "retrieved", "notes"]


def read_research(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    rows = read_csv(path)
    for number, row in enumerate(rows, start=2):
        where = f"{path.name} line {number}"
        if list(row) != RESEARCH_FIELDS:
            raise ValueError(f"{path.name}: header must be {','.join(RESEARCH_FIELDS)}")
        if not re.fullmatch(r"[A-Z]{3}", row["iso3"]) or not re.fullmatch(r"[CP]\d{3}", row["instrument_id"]):
            raise ValueError(f"{where}: bad iso3 or instrument_id")
        if not is_partial_date(row["ratified"]) or row["date_basis"] not in {"year-only", "ilo-registration"}:
            raise ValueError(f"{where}: ratified must be a partial date and date_basis year-only or ilo-registration")
        if not row["url"].startswith("http") or "normlex" not in row["url"].lower() or not row["page_heading"]:
            raise ValueError(f"{where}: a NORMLEX url and the page heading are required")
        if row["ratified"][:4] not in row["page_heading"]:
            raise ValueError(f"{where}: the heading does not state {row['ratified'][:4]}")
    return rows


def research_source(ctx: Context, row: dict[str, str]) -> dict[str, str]:
    """A sources row for a URL met only in the research files: title from the page heading."""
    if row["url"] in ctx.registry.urls or row["url"] not in ctx.registry.late_urls:
        return row
    dated = [r for r in ctx.dated if r["url"] == row["url"]]
    if dated:
        return dated_source(row, dated)
    read = [r for r in ctx.research if r["url"] == row["url"]]
    headings = sorted({r["page_heading"] for r in read})
    return {
        **row, "title": "NORMLEX supervisory comment: " + "; ".join(headings),
        "publisher": "International Labour Organization (NORMLEX)", "kind": "ilo-normlex",
        "retrieved": max(r["retrieved"] for r in read),
        # NORMLEX has no German texts: its German interface shows the English comment.
        # An address without an interface language (wwwex.ilo.org/dyn/f?p=NORMLEXPUB...) shows English.
        "language": "en" if "/normlex/de/" in row["url"] or not row["language"] else row["language"],
        "notes": "Title is the heading of the comment as read in a stored copy of the page (interface language may differ from English). "
        "Cited for the ratification year only.",
    }


def merge_research(ctx: Context, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    by_key = {(r["iso3"], r["instrument_id"]): r for r in rows}
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for found in ctx.research:
        grouped.setdefault((found["iso3"], found["instrument_id"]), []).append(found)
    conflicts = []
    for key in sorted(grouped):
        found = sorted(grouped[key], key=lambda r: r["url"])
        years = {r["ratified"][:4] for r in found}
        if len(years) != 1:
            raise ValueError(f"research file: pages disagree on {key}: {sorted(years)}")
        year = years.pop()
        sids = [ctx.sid(r["url"]) for r in found]
        existing = by_key.get(key)
        if existing is None:
            own = join_notes(*sorted({r["notes"] for r in found if r["notes"]}))
            rows.append({
                "iso3": key[0], "instrument_id": key[1], "ratified": found[0]["ratified"], "date_basis": found[0]["date_basis"],
                "status": "", "status_date": "", "minimum_age": "", "source_id": sids[0], "other_source_ids": ids(*sids[1:]),
                "notes": join_notes("Year of ratification from the heading of a NORMLEX supervisory comment (status not stated there)", own),
            })
        elif not existing["ratified"]:
            own = join_notes(*sorted({r["notes"] for r in found if r["notes"]}))
            promote(existing, found[0]["ratified"], found[0]["date_basis"], sids,
                    join_notes("Year of ratification from the heading of a NORMLEX supervisory comment (status not stated there), now the row's source", own))
        elif existing["ratified"][:4] == year:
            extra = [s for s in sids if s != existing["source_id"]]
            existing["other_source_ids"] = ids(existing["other_source_ids"], *extra)
        else:
            conflicts.append(f"{key[0]} {key[1]}: table {existing['ratified']}, NORMLEX heading {year} ({found[0]['url']})")
            existing["other_source_ids"] = ids(existing["other_source_ids"], *[s for s in sids if s != existing["source_id"]])
            existing["notes"] = join_notes(existing["notes"], f"CONFLICT: {sids[0]} (NORMLEX heading) gives {year}")
    for line in conflicts:
        print(f"import_sources: research CONFLICT not applied (recorded in the row's notes): {line}", file=sys.stderr)
    return rows


def _earlier(notes: str) -> str:
    """A row's former note, kept after a promotion: 'date not found' no longer holds."""
    notes = re.sub(r"[;,]?\s*(the )?(ratification )?date (was )?not (found|given)\b", "", notes or "", flags=re.I)
    return notes.strip().rstrip(".;,").strip()


def promote(row: dict[str, str], ratified: str, basis: str, sids: list[str], new_notes: str) -> None:
    """The row takes the date of a research page and follows it; its former source and note stay."""
    old_sid, old_notes = row["source_id"], _earlier(row["notes"])
    row["ratified"], row["date_basis"], row["source_id"] = ratified, basis, sids[0]
    others = ids(old_sid, row["other_source_ids"], *sids[1:]).split(";")
    row["other_source_ids"] = ids(*[s for s in others if s != sids[0]])
    previously = f"Previously the row followed {old_sid} (kept in other_source_ids)" + (f": {old_notes}" if old_notes else "")
    row["notes"] = join_notes(new_notes, previously)


# --------------------------------------------------------------------------------------------
# Research file: full ratification dates read on ILO pages (news items, CEACR comment texts)
# --------------------------------------------------------------------------------------------
# scripts/ilo_data/research/ratification_dates.csv is committed with the package. One row per
# (pair, page): the page states a full date on which the instrument was registered with, or
# deposited with, the ILO (the note says which; a deposit is not called a registration unless the
# page says so). The first page of a pair is followed, the others are other_source_ids. Merged
# after the NORMLEX headings: a missing pair becomes a new row; an undated row takes the date;
# a row whose partial date (year or month) the full date agrees with is upgraded to it and now
# follows the page (the former source moves to other_source_ids); the same full date from a
# non-ILO source gives way to the ILO page the same way; a disagreeing date is never applied:
# the row keeps its value and its note says "CONFLICT: <source_id> says <date>".

DATES_FILE = Path(__file__).resolve().parent / "research" / "ratification_dates.csv"
# status/status_date: only where the page states them (e.g. "Not in force: automatic denunciation on ...").
DATES_FIELDS = ["iso3", "instrument_id", "ratified", "date_basis", "status", "status_date", "url", "page_title", "published", "notes"]


def read_dates(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    rows = read_csv(path)
    for number, row in enumerate(rows, start=2):
        where = f"{path.name} line {number}"
        if list(row) != DATES_FIELDS:
            raise ValueError(f"{path.name}: header must be {','.join(DATES_FIELDS)}")
        if not re.fullmatch(r"[A-Z]{3}", row["iso3"]) or not re.fullmatch(r"[CP]\d{3}", row["instrument_id"]):
            raise ValueError(f"{where}: bad iso3 or instrument_id")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["ratified"]) or not is_partial_date(row["ratified"]):
            raise ValueError(f"{where}: ratified must be a full date YYYY-MM-DD")
        if row["date_basis"] != "ilo-registration":
            raise ValueError(f"{where}: date_basis must be ilo-registration (registration or deposit with the ILO)")
        if not (_is_ilo(_host(row["url"])) or _host(row["url"]) in ILO_HOSTS) or not row["page_title"]:
            raise ValueError(f"{where}: an ILO url and the page title are required")
        if row["published"] and not is_partial_date(row["published"]):
            raise ValueError(f"{where}: published must be a partial date")
        if row["status"] not in ("", "in force", "not in force", "denounced") or (row["status_date"] and not is_partial_date(row["status_date"])):
            raise ValueError(f"{where}: status must be empty, in force, not in force or denounced, status_date a partial date")
    return rows


def dated_source(row: dict[str, str], read: list[dict[str, str]]) -> dict[str, str]:
    normlex = "normlex" in row["url"]
    return {
        **row, "title": read[0]["page_title"], "published": read[0]["published"] or row["published"],
        "publisher": "International Labour Organization (NORMLEX)" if normlex else "International Labour Organization",
        "kind": "ilo-normlex" if normlex else "ilo-page", "language": "en",
        "notes": ("Title built from the comment: its heading was not in the stored copy read. " if "COMMENT_ID" in row["url"] else "Title as read in a stored copy of the page. ")
        + "Cited for a ratification date.",
    }


def merge_dates(ctx: Context, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    by_key = {(r["iso3"], r["instrument_id"]): r for r in rows}
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for found in ctx.dated:
        grouped.setdefault((found["iso3"], found["instrument_id"]), []).append(found)
    ilo_sources = {ctx.sid(u) for u in ctx.registry.urls if _is_ilo(_host(u)) or _host(u) in ILO_HOSTS}
    for key in sorted(grouped):
        found = grouped[key]
        dates = {r["ratified"] for r in found}
        if len(dates) != 1:
            raise ValueError(f"{DATES_FILE.name}: pages disagree on {key}: {sorted(dates)}")
        date = dates.pop()
        sids = ids(*[ctx.sid(r["url"]) for r in found]).split(";")
        own = join_notes(*[r["notes"] for r in found if r["notes"]])
        existing = by_key.get(key)
        if existing is None:
            rows.append({
                "iso3": key[0], "instrument_id": key[1], "ratified": date, "date_basis": found[0]["date_basis"],
                "status": "", "status_date": "", "minimum_age": "", "source_id": sids[0], "other_source_ids": ids(*sids[1:]),
                "notes": own,
            })
        elif not existing["ratified"]:
            promote(existing, date, found[0]["date_basis"], sids, own)
        elif existing["ratified"] == date and existing["source_id"] in sids:
            existing["other_source_ids"] = ids(existing["other_source_ids"], *[s for s in sids if s != existing["source_id"]])
        elif len(existing["ratified"]) < 10 and date.startswith(existing["ratified"]):
            promote(existing, date, found[0]["date_basis"], sids, join_notes(own, f"The full date upgrades the partial date {existing['ratified']}"))
        elif existing["ratified"] == date and existing["source_id"] not in ilo_sources:
            promote(existing, date, found[0]["date_basis"], sids, join_notes(own, "The ILO page confirms the date read earlier in a secondary source"))
        elif existing["ratified"] == date:
            existing["other_source_ids"] = ids(existing["other_source_ids"], *sids)
        else:
            existing["other_source_ids"] = ids(existing["other_source_ids"], *sids)
            existing["notes"] = join_notes(existing["notes"], f"CONFLICT: {sids[0]} says {date}")
        _apply_status(existing if existing is not None else rows[-1], found, sids[0])
    return rows


def _apply_status(row: dict[str, str], found: list[dict[str, str]], source_id: str) -> None:
    """A status the ILO page states fills an unstated one; a different stated one is a conflict."""
    stated = next((r for r in found if r["status"]), None)
    if stated is None:
        return
    if not row["status"]:
        row["status"], row["status_date"] = stated["status"], stated["status_date"]
    elif (row["status"], row["status_date"]) != (stated["status"], stated["status_date"]):
        row["notes"] = join_notes(row["notes"], f"CONFLICT: {source_id} gives status {stated['status']} {stated['status_date']}".rstrip())


# --------------------------------------------------------------------------------------------
# Offices, their events and the countries they cover (offices.csv + the original documents)
# --------------------------------------------------------------------------------------------

OFFICE_TYPES = {"DWT+country office": "DWT and country office"}

OFFICE_ESTABLISHED = {
    # office -> (established, extra source fragments) where offices.csv `established_date` is free
    # text or the original document is more precise.
    "ilo-hq": ("1920", []),  # "1920 (HQ in Geneva since 1920, per secondary source)"
    "dwtco-moscow": ("1959-04-01", [ORIG_KGZ]),  # CSV "1959"; day from original document 003 (UNVERIFIED)
}

OFFICE_CLOSED = {
    "po-geo": "2023-07-01",  # events: "1 July 2023: ILO 'completely closed the only office premises' in Georgia"
}

OFFICE_NOTES = {
    # office -> notes, reworded from offices.csv `notes` and `events` (facts not fitting office_events).
    "ilo-hq": "Seat in Geneva per the UN Tajikistan page and both original documents. The year 1920 comes only from a Ukrainian news aggregator (secondary, low confidence). A stamp blog says the present building was inaugurated on 11 January 1974 (weak source).",
    "ro-europe": "Based at ILO headquarters in Geneva; covers 51 countries of Europe and Central Asia (full list not captured) and serves directly the Western European countries (among them CYP, MLT, ISR, TUR) and all countries without a DWT/CO or country office. UNVERIFIED: the original Kyrgyzstan page calls it the Regional Department for Europe and Central Asia. A university page says a Middle East/Europe office was created in 1970 (not clearly the same unit). A Regional Director took office on 1 June 2014 (role only).",
    "ro-africa": "Seat recorded as the current one (Abidjan). Temporarily in Addis Ababa from 1 July 2005; the Governing Body discussed the return to Abidjan in March 2015 (date of the return not captured); in November 2022 it decided on the redevelopment of the ILO premises in Abidjan. Country list not captured.",
    "ro-americas": "Country list not captured. Lima also hosts the ILO Office for the Andean Countries (Peruvian mission page).",
    "ro-arabstates": "Covers BHR, IRQ, JOR, KWT, LBN, PSE, OMN, QAT, SAU, SYR, ARE and YEM, with area offices in Kuwait and Jerusalem; the North African Arab States are covered from Cairo. The 1976 and 1995 dates come only from a third-party copy of ILO text; a university page says a regional office for Arab States existed by 1985 (consistent).",
    "ro-asiapacific": "Described about 2000 as the Regional Department for Asia and the Pacific in Bangkok, serving 25 member States. Country list not captured.",
    "dwtco-moscow": "Known as the ILO Subregional Office for Eastern Europe and Central Asia until April 2010 (so named in April 2009). The day of establishment, the 1997 and 1998 events and a staff of about 45 come only from the original Kyrgyzstan page (UNVERIFIED); a March 2022 news report says about 50 staff. In March 2022 (344th Governing Body) ILO technical cooperation with the Russian Federation was suspended while assistance to the other countries of the office continued; in June 2022 (345th) the Director-General was asked for options to relocate the office; the outcome of the November 2022 session (346th) was not captured. Programming meetings were held in Tashkent in February and November 2023; in June 2025 the office was still working in Moscow. An older Europe page says it covers the CIS countries except Ukraine and Moldova. Georgia moved to DWT/CO-Budapest around 2023 (see office_coverage).",
    "dwtco-budapest": "CONFLICT on coverage over time: the Europe 'about us' page lists 17 countries plus Kosovo (without GEO and SVN); Budapest pages list 18 (2014, 2019), then 19 and, in 2024, 20 countries and territories including GEO and SVN; office_coverage follows the 2024 list. Staff: 60 (2019), 74 (October 2022); National Coordinators in the focus countries. Georgia's move from Moscow is INFERRED from a 2023 evaluation and the Budapest Georgia page; exact date not found.",
    "co-brussels": "Liaison with the EU institutions and the Benelux countries.",
    "co-ankara": "Listed in the network of offices without a name; coverage of Turkey INFERRED from its seat.",
    "co-berlin": "Coverage of Germany INFERRED from its seat.",
    "co-lisbon": "Coverage of Portugal INFERRED from its seat.",
    "co-madrid": "Coverage of Spain INFERRED from its seat.",
    "co-paris": "Coverage of France INFERRED from its seat.",
    "co-rome": "Also covers San Marino and relations with the Holy See (older Europe page). Italy left the ILO in 1937 and rejoined in 1945; after the war the office resumed at Villa Aldobrandini (date not given).",
    "lo-uk-ireland": "Serves the United Kingdom and Ireland; only on the older version of the Europe page (may be discontinued).",
    "nc-arm": "The UN Armenia page: ILO work in Armenia is coordinated from Moscow and supported by the National Coordinator in Yerevan.",
    "nc-aze": "Role named in an ILO news item of 15 December 2017 (National Coordinator in Baku).",
    "nc-tjk": "Role attested in 2011 and 2015 and on the original Tajikistan page (role only). City INFERRED from the datelines of the articles.",
    "nc-alb": "City not stated.",
    "nc-bih": "City not stated.",
    "nc-mkd": "City not stated. The source uses the country's former name.",
    "nc-mda": "City not stated.",
    "nc-srb": "City not stated.",
    "nc-ukr": "City not stated.",
    "po-geo": "Premises tied to project GEO/17/01/DNK; type 'project office' INFERRED. City not stated. The same evaluation recommends creating a National Coordinator post in Georgia, implying none existed in 2023 (INFERRED).",
    "po-kgz-regional": "Seat of the regional coordinator of the EC-funded Central Asia labour migration project (link to 'Regulating Labour Migration...' INFERRED); covers KAZ, KGZ and TJK. City INFERRED from the street address; parent office INFERRED.",
    "po-kaz": "National project coordinator of the same labour migration project; parent office INFERRED.",
    "po-tjk": "National project coordinator of the same labour migration project; parent office INFERRED.",
    "po-uzb": "Implementation office of the project supporting Uzbekistan's DWCP, overseen from Moscow; project sites in Jizzakh and Ferghana.",
}

OFFICE_EXTRA_SOURCES = {
    "ilo-hq": [ORIG_TJK, ORIG_KGZ],
    "ro-europe": [ORIG_KGZ],
    "dwtco-moscow": [ORIG_TJK, ORIG_KGZ],
    "nc-tjk": [ORIG_TJK],
}


def build_offices(ctx: Context) -> list[dict[str, str]]:
    rows = []
    for row in ctx.raw["offices"]:
        oid = row["office_id"]
        source_id, others = ctx.follow(row, row["notes"])
        established, extra = OFFICE_ESTABLISHED.get(oid, (row["established_date"], []))
        if established and not is_partial_date(established):
            raise ValueError(f"offices.csv {oid}: unreadable date {established!r}: add an override")
        rows.append({
            "office_id": oid, "name": row["name"], "type": OFFICE_TYPES.get(row["type"], row["type"]),
            "city": row["city"], "country": row["country"], "parent_office_id": row["parent_office_id"],
            "established": established, "closed": OFFICE_CLOSED.get(oid, ""), "source_id": source_id,
            "other_source_ids": ids(others, *extra, *OFFICE_EXTRA_SOURCES.get(oid, [])),
            "notes": OFFICE_NOTES[oid],
        })
    return rows


# office_events: offices.csv `events` is free text; each event is transcribed here with the
# source it rests on (a URL fragment or an original document), in the package's own words.
OFFICE_EVENTS = [
    # (office, date, event, description, source, other sources, notes)
    ("ilo-hq", "1919", "founded", "The International Labour Organization is founded.", ORIG_TJK, [ORIG_KGZ, "untj.org"], ""),
    ("ilo-hq", "1920", "established", "The International Labour Office is seated in Geneva.", "my.ua/uk/news", [],
     "Year only from a Ukrainian news aggregator (secondary, low confidence)."),
    ("ilo-hq", "1946", "transformed", "The ILO becomes the first specialized agency of the United Nations.", ORIG_TJK, [ORIG_KGZ, "untj.org"], ""),
    ("ilo-hq", "1974-01-11", "relocated", "The present headquarters building in Geneva is inaugurated.", "letstalkstamps.blogspot.com", [],
     "UNVERIFIED: from a stamp blog only."),
    ("ro-africa", "2005-07-01", "relocated", "The Regional Office for Africa moves temporarily from Abidjan to Addis Ababa (the Abidjan subregional office to Dakar).",
     "docslib.org/doc/1573473", [], "Announced to the Governing Body in March 2005 (292nd Session) and decided in June 2005."),
    ("ro-arabstates", "1976", "established", "The Regional Office for Arab States is established in Beirut.", "dxbsafe.com", ["unc.edu/mideast"],
     "Only from a third-party copy of ILO text; a university page says such an office existed by 1985 (consistent)."),
    ("ro-arabstates", "1995", "returned", "The office in Beirut re-opens after the Lebanese civil war.", "dxbsafe.com", [],
     "Only from a third-party copy of ILO text."),
    ("dwtco-moscow", "1959-04-01", "established", "The ILO Moscow Branch Office is established.", ORIG_KGZ,
     [ORIG_TJK, "ilo.org/moscow/office/lang--en", "untj.org"],
     "UNVERIFIED day: only the original Kyrgyzstan page gives 1 April; ILO and UN pages say the office has worked in Moscow since 1959."),
    ("dwtco-moscow", "1997-09-05", "transformed",
     "An agreement between the ILO and the Russian Government turns the Branch Office into the ILO Area Office, adding technical cooperation to its representative role.",
     ORIG_KGZ, [], "UNVERIFIED: only in the original Kyrgyzstan page (not found in other archived pages); date of the agreement."),
    ("dwtco-moscow", "1998", "reorganised", "An East Europe and Central Asia Multidisciplinary Team of experts is formed at the Moscow office.",
     ORIG_KGZ, [], "UNVERIFIED: only in the original Kyrgyzstan page."),
    ("dwtco-moscow", "2010-04", "renamed",
     "The ILO Subregional Office for Eastern Europe and Central Asia becomes the Decent Work Technical Support Team and Country Office for Eastern Europe and Central Asia.",
     "ilo.org/moscow/office/lang--en", ["//www.ilo.org/moscow/lang--en", "mfa.gov.kz/en/geneva"],
     "The ILO Moscow pages and the Kazakhstan foreign ministry give April 2010 (no day)."),
    ("dwtco-budapest", "1993", "established", "The ILO office for Central and Eastern Europe is established in Budapest.",
     "cultclub.net/ilo-office-central", ["ilo.org/budapest/lang--en"], "Third-party copy of the ILO page (2024); the 2019 ILO Budapest page agrees."),
    ("co-rome", "1920", "established", "The ILO office in Rome opens.", "ilo.org/rome/ilo-italia/storia", [], ""),
    ("co-rome", "1933", "relocated", "The Rome office moves to Villa Aldobrandini.", "ilo.org/rome/ilo-italia/storia", [], ""),
    ("po-geo", "2023-07-01", "closed", "The ILO closes its only office premises in Georgia.", "ievaldiscovery/recommendations/17208",
     ["ievaldiscovery/recommendations/17214"], "Recorded in a July 2023 evaluation, together with the hand-over of Georgia from DWT/CO-Moscow to DWT/CO-Budapest."),
]

MOSCOW_TEN = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"]

OFFICE_COVERAGE = [
    # (office, iso3, start, end, source, other sources, notes). `start` is the earliest date a
    # source supports, not necessarily when the coverage began (the office dates from 1959).
    ("dwtco-moscow", "KGZ", "2001", "", ORIG_KGZ, [ORIG_TJK, "ilo.org/moscow/office/lang--en"],
     "Earliest source: the original Kyrgyzstan page (content of about 2001-2002) says the Moscow office covers 10 CIS countries including Kyrgyzstan; approximate year."),
    ("dwtco-moscow", "AZE", "2009-04", "", "oananews.org/node/55709", [ORIG_TJK, "ilo.org/moscow/office/lang--en"],
     "INFERRED from an April 2009 report of the head of the ILO Subregional Office in Moscow meeting Azerbaijan's minister about the country's DWCP; later sources list Azerbaijan explicitly."),
    *[("dwtco-moscow", iso3, "2015", "" if iso3 != "GEO" else "2023", ORIG_TJK,
       ["ilo.org/moscow/office/lang--en", "untj.org", "WCMS_554802"] + (["ievaldiscovery/recommendations/17208"] if iso3 == "GEO" else []),
       "Earliest dated source listing it: the original Tajikistan page (2015 or later: it mentions the DWCP signed on 24 June 2015); an ILO news item of May 2017 lists it too. The office has worked from Moscow since 1959."
       + (" End: handed over to DWT/CO-Budapest in 2023 (recorded in a July 2023 evaluation; exact date not found)." if iso3 == "GEO" else ""))
      for iso3 in MOSCOW_TEN if iso3 not in ("KGZ", "AZE")],
    ("dwtco-budapest", "GEO", "2023", "", "ievaldiscovery/recommendations/17208",
     ["ievaldiscovery/recommendations/17214", "budapest/countries-covered/georgia/lang--en", "cultclub.net/ilo-office-central"],
     "Hand-over from DWT/CO-Moscow recorded in a July 2023 evaluation; the Budapest Georgia page has items from July 2023; exact date not found."),
    *[("dwtco-budapest", iso3, "2024", "", "cultclub.net/ilo-office-central",
       ["//www.ilo.org/budapest/countries-covered/lang--en", "//oit.org/budapest/countries-covered/lang--en", "europe/about-us/lang--en"],
       "Earliest dated list found: a 2024 copy of the office page. Undated ILO pages list it earlier; the office dates from 1993.")
      for iso3 in ["ALB", "BIH", "BGR", "HRV", "CZE", "EST", "HUN", "LVA", "LTU", "MKD", "MDA", "MNE", "POL", "ROU", "SRB", "SVK", "SVN", "UKR"]],
]


def _resolve(ctx: Context, refs) -> list[str]:
    return [r if r.startswith("orig-") else ctx.src(r) for r in refs]


def build_office_events(ctx: Context) -> list[dict[str, str]]:
    return [{
        "office_id": office, "date": date, "event": event, "description": description,
        "source_id": _resolve(ctx, [source])[0], "other_source_ids": ids(*_resolve(ctx, others)), "notes": notes,
    } for office, date, event, description, source, others, notes in OFFICE_EVENTS]


def build_office_coverage(ctx: Context) -> list[dict[str, str]]:
    return [{
        "office_id": office, "iso3": iso3, "start": start, "end": end,
        "source_id": _resolve(ctx, [source])[0], "other_source_ids": ids(*_resolve(ctx, others)), "notes": notes,
    } for office, iso3, start, end, source, others, notes in OFFICE_COVERAGE]


# --------------------------------------------------------------------------------------------
# Programmes and their priorities (programmes.csv + the original documents)
# --------------------------------------------------------------------------------------------

PROGRAMME_KINDS = {
    # programmes.csv `instrument_type` -> (kind, id infix)
    "DWCP": ("dwcp", "dwcp"),
    "DWCP (draft/planned)": ("dwcp", "dwcp"),
    "DWCP (planned)": ("dwcp", "dwcp"),
    "DWCP extension (memorandum)": ("dwcp", "dwcp"),
    "technical cooperation programme (pre-DWCP)": ("cooperation programme", "cooperation-programme"),
    "agreed Decent Work Agenda (not a DWCP)": ("decent work agenda", "decent-work-agenda"),
    "roadmap (not a DWCP)": ("roadmap", "roadmap"),
    "implementation roadmap": ("roadmap", "roadmap"),
    "Programme of Cooperation (Russia's DWCP-equivalent)": ("programme of cooperation", "poc"),
    "Programme of Cooperation": ("programme of cooperation", "poc"),
    "decent work action plan": ("action plan", "action-plan"),
}

PROGRAMME_DATES = {
    # (iso3, period_start cell) -> (start, end, signed) where a cell is free text. Comments quote it.
    ("KAZ", "2010 (inferred)"): ("2010", "2012", "2010-06"),  # period "2010 (inferred)"-"2012 (inferred)"; signed "June 2010 (report dated 28 June 2010 ...)"
    ("KAZ", "2024"): ("2024", "2025", "2024-06"),  # signed "June 2024, on or before 10 June (112th ILC ...)"
    ("RUS", "2013"): ("2013", "2016", "2012-12"),  # signed "December 2012"
    ("TJK", "2011"): ("2011", "2013", ""),  # signed "early 2011 (reported as 'recently signed' on 15 Feb 2011)": month not known, could be late 2010
    ("TJK", "2015"): ("2015", "2017", "2015-06-24"),  # signed: original document 000 ("signed ... on 24 June 2015")
    ("UZB", "2014"): ("2014", "2016", "2014-04"),  # signed "April 2014 (Trend report dated 29 April 2014)"
    ("AZE", "2025"): ("2025", "2029", ""),  # signed "25 November (year not in excerpt; 2025 inferred)": could be 2024, left empty
}

PROGRAMME_STATUS = {
    # programme_id -> status a source states (empty = not stated).
    "arm-cooperation-programme-2004-2006": "signed", "arm-dwcp-2019-2023": "signed",
    "aze-dwcp-2016-2020": "completed",  # minister, June 2021: "successfully implemented"
    "aze-dwcp-2022-2026": "draft",  # priority-setting conference started 20 June 2022; no signing found
    "aze-dwcp-2025-2029": "signed", "geo-dwcp-2024-2025": "signed",  # "Georgia, ILO ink deal"
    "kaz-dwcp-2010-2012": "signed", "kaz-roadmap-2024-2025": "signed",
    "rus-poc-2006-2009": "signed", "rus-poc-2013-2016": "signed", "rus-poc-2017-2020": "signed", "rus-poc-2021-2024": "signed",
    "tjk-dwcp-2011-2013": "signed",
    "tjk-dwcp-2015-2017": "completed",  # signed 24 June 2015; results of the completed programme reviewed in March 2018
    "tjk-dwcp-2018-2022": "planned", "tjk-dwcp-2020-2024": "signed", "tjk-action-plan-2025-2026": "signed",
    "uzb-dwcp-2014-2016": "signed", "uzb-dwcp-2017-2020": "signed", "uzb-dwcp-2021-2025": "signed",
    "uzb-roadmap-2024-2025": "draft",  # developed at a round table in February 2024; signing not reported
}

PROGRAMME_NOTES = {
    "arm-cooperation-programme-2004-2006": "The first ILO-Armenia technical cooperation programme, signed in Yerevan; the news item's date was not captured.",
    "arm-dwcp-2007-2011": "Constituents: the Ministry of Labour and Social Issues, the Union of Manufacturers and Businessmen and the Confederation of Trade Unions. Priorities not captured.",
    "arm-decent-work-agenda-2012-2016": "Known only as a basis of the 2019-2023 DWCP.",
    "arm-dwcp-2019-2023": "Signed in Yerevan by the tripartite constituents and the ILO Regional Director; reviewed at a round table on 28 April 2023.",
    "aze-dwcp-2006-2009": "Known only from an April 2009 news report.",
    "aze-dwcp-2016-2020": "A minister said in June 2021 it had been successfully implemented. Reported areas of work (not formal priorities): labour legislation; an employment strategy aligned with the SDGs; labour inspection and employment services; self-employment; youth employment.",
    "aze-dwcp-2022-2026": "A priority-setting conference started on 20 June 2022; no signing found. CONFLICT/gap: the programme later found signed covers 2025-2029 (possibly its successor).",
    "aze-dwcp-2025-2029": "Signed on 25 November by the Government, the employers (ASK), the trade unions (AHIK) and the ILO; the year is not in the source (2024 or 2025), so `signed` is empty. Source: a news aggregator republishing ILO text.",
    "geo-dwcp-2024-2025": "Strategic priorities for 2024-2025; signing date and exact period not captured. No earlier Georgian DWCP found. Georgia was by then served from Budapest (INFERRED).",
    "kaz-dwcp-2007-2009": "Text on a third-party document site (Russian); priorities not captured.",
    "kaz-dwcp-2010-2012": "A three-year programme signed in Geneva in June 2010; the period 2010-2012 is INFERRED from 'three-year' and the signing date; that the two news items describe the same signing is INFERRED.",
    "kaz-roadmap-2024-2025": "A roadmap, not a DWCP; signed at the 112th Conference in Geneva in June 2024, on or before 10 June. In September 2024 the parties spoke of 'resuming' DWCP cooperation (no DWCP then, INFERRED).",
    "rus-poc-2006-2009": "Signed in Geneva at the Conference by the Russian tripartite delegation and the Director-General. Priorities list cut off in the source.",
    "rus-poc-2013-2016": "",
    "rus-poc-2017-2020": "Signed in Moscow; a January 2016 report had expected the signing at the June 2016 Conference.",
    "rus-poc-2021-2024": "Builds on five programmes of cooperation signed since 2006 (only three earlier ones identified). ILO technical cooperation with the Russian Federation suspended from March 2022.",
    "tjk-dwcp-2007-2009": "Named only in the original Tajikistan page, as the framework under which five projects were implemented (UNVERIFIED elsewhere).",
    "tjk-dwcp-2011-2013": "Signed as a memorandum of understanding; reported as recently signed on 15 February 2011 (signing date not known).",
    "tjk-dwcp-2015-2017": "Signing date and priorities from the original Tajikistan page, which calls it the Decent Work Country Program for 2015-2017. Approved by Government Order No. 103 of 28 February 2015; builds on the 2011-2013 programme, whose recorded priorities it repeats almost word for word. Results reviewed as completed in March 2018.",
    "tjk-dwcp-2018-2022": "CONFLICT: planned in March 2018 as the fourth DWCP for 2018-2022, but the programme signed (15 September 2020) covers 2020-2024; no sign that a 2018-2022 programme was signed. Priorities proposed by the Government.",
    "tjk-dwcp-2020-2024": "Headline on the DWT/CO-Moscow home page (September 2020); priorities not captured.",
    "tjk-action-plan-2025-2026": "Signed in Dushanbe by the labour ministry, the trade unions, the employers and the ILO.",
    "tkm-roadmap-2023": "No Turkmen DWCP found.",
    "tkm-roadmap-2024-2025": "Reported as developed (May 2024) and reviewed in Ashgabat; a 2026 roadmap was also reported (March 2026).",
    "uzb-dwcp-2014-2016": "Uzbekistan's first DWCP. CONFLICT: an April 2014 embassy item describes a draft for 2014-2015 and a Trend headline of 29 April 2014 says 'until 2017'; later sources say 2014-2016.",
    "uzb-dwcp-2017-2020": "Extension of the 2014-2016 programme by memorandum, with the same priorities.",
    "uzb-dwcp-2021-2025": "Described as Uzbekistan's second DWCP.",
    "uzb-roadmap-2024-2025": "Roadmap for implementing the 2021-2025 DWCP, developed at a round table in Tashkent on 23 February 2024; signing not reported.",
    "kgz-cooperation-programme-2001-2002": "Named only in the original Kyrgyzstan page (UNVERIFIED): current at the time of the page, the continuation of Country Objectives signed in 1998. Work listed under it: comments on draft laws and a seminar on labour standards in Bishkek; a Kyrgyz delegation at a Central Asian conference on labour standards and inspection in Almaty; a child labour advisory mission and a rapid assessment of child labour and street children (from 2000); advice on migration policy; an ILO Moscow mission in April 2001 on the CDF and PRSP processes and to the National Gender Forum; a government request for advice on pension reform; social dialogue work with GTZ. No Kyrgyz DWCP was found.",
}

PROGRAMME_EXTRA_SOURCES = {
    "tjk-dwcp-2015-2017": ["cis-legislation.com", "WCMS_621564"],
    "uzb-dwcp-2014-2016": ["trend-2014-04-29-uzb-ilo-programme"],
}

SKIP_PRIORITIES = {
    # programme -> why programmes.csv `priorities` is not imported as numbered priorities
    "aze-dwcp-2016-2020": "reported areas of joint work, not formal priorities (kept in notes)",
    "uzb-dwcp-2017-2020": "'same priorities as DWCP 2014-2016' (not a list)",
}

ORIGINAL_PROGRAMMES = [
    # Programmes stated only in the original documents.
    {"programme_id": "tjk-dwcp-2007-2009", "iso3": "TJK", "kind": "dwcp",
     "title": "Decent Work Country Programme for 2007-2009 of the Republic of Tajikistan",
     "start": "2007", "end": "2009", "signed": "", "status": "", "source_id": ORIG_TJK, "other_source_ids": ""},
    {"programme_id": "kgz-cooperation-programme-2001-2002", "iso3": "KGZ", "kind": "cooperation programme",
     "title": "Cooperation Programme between the ILO and the Kyrgyz Republic for 2001-2002",
     "start": "2001", "end": "2002", "signed": "", "status": "", "source_id": ORIG_KGZ, "other_source_ids": ""},
]

ORIGINAL_PRIORITIES = {
    # programme -> priorities in the package's words (original documents).
    "tjk-dwcp-2015-2017": (ORIG_TJK, [
        "Build the capacity of the tripartite constituents to tackle priority labour issues through social dialogue",
        "Promote decent employment for women and men, including returning labour migrants",
        "Improve working conditions and widen the coverage of social protection",
    ], ""),
    "kgz-cooperation-programme-2001-2002": (ORIG_KGZ, [
        "International labour standards", "Social protection", "Social dialogue",
    ], "The headings under which the page lists the programme's activities."),
}


def split_list(text: str) -> list[str]:
    """Split '; '-separated items, keeping separators inside parentheses."""
    items, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == ";" and depth == 0:
            items.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        items.append(current.strip())
    return [i for i in items if i]


def _programme_id(iso3: str, infix: str, start: str, end: str) -> str:
    period = start if start == end else f"{start}-{end}"
    return f"{iso3.lower()}-{infix}-{period}"


def build_programmes(ctx: Context) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    programmes, priorities = [], []
    for row in ctx.raw["programmes"]:
        iso3 = row["country_iso3"]
        kind, infix = PROGRAMME_KINDS[row["instrument_type"]]
        start, end, signed = PROGRAMME_DATES.get((iso3, row["period_start"]), (row["period_start"], row["period_end"], row["signed_date"]))
        for value in (start, end, signed):
            if value and not is_partial_date(value):
                raise ValueError(f"programmes.csv {iso3} {row['title']!r}: unreadable date {value!r}: add an override")
        pid = _programme_id(iso3, infix, start, end)
        source_id, others = ctx.follow(row, row["notes"])
        # Drop the research notes' parenthetical remarks from titles (they are kept in notes).
        title = re.sub(r" \((in preparation|planned 'fourth DWCP'|2024-2025 strategic priorities|signed Geneva, June 2010)\)$", "", row["title"])
        if pid == "tjk-dwcp-2015-2017":  # the original document states the signing, the date and the priorities
            source_id, others = ORIG_TJK, ids(source_id, others)
        extra = [e if e.startswith("trend-") else ctx.src(e) for e in PROGRAMME_EXTRA_SOURCES.get(pid, [])]
        programmes.append({
            "programme_id": pid, "iso3": iso3, "kind": kind, "title": title, "start": start, "end": end,
            "signed": signed, "status": PROGRAMME_STATUS.get(pid, ""), "source_id": source_id,
            "other_source_ids": ids(others, *extra), "notes": PROGRAMME_NOTES[pid],
        })
        if pid in ORIGINAL_PRIORITIES or pid in SKIP_PRIORITIES or not row["priorities"]:
            continue
        text = row["priorities"]
        note = ""
        if text.startswith("(Government-proposed, March 2018:)"):
            text, note = text.split(":)", 1)[1], "Proposed by the Government in March 2018 for the planned programme."
        if text.endswith(" (framed by the ILO Global Jobs Pact)"):
            text, note = text[: -len(" (framed by the ILO Global Jobs Pact)")], "The programme as a whole is framed by the ILO Global Jobs Pact."
        for number, item in enumerate(split_list(text), start=1):
            priorities.append({
                "programme_id": pid, "number": str(number), "priority": item[0].upper() + item[1:],
                "source_id": cited_first(ctx, row), "notes": note,
            })
    for extra_row in ORIGINAL_PROGRAMMES:
        pid = extra_row["programme_id"]
        programmes.append({**extra_row, "notes": PROGRAMME_NOTES[pid]})
    for pid, (source, items, note) in ORIGINAL_PRIORITIES.items():
        for number, item in enumerate(items, start=1):
            priorities.append({"programme_id": pid, "number": str(number), "priority": item, "source_id": source, "notes": note})
    return programmes, priorities


def cited_first(ctx: Context, row: dict[str, str]) -> str:
    return ctx.cell_ids(row["source_url"])[0]


# --------------------------------------------------------------------------------------------
# Projects, their countries and themes (projects.csv + the original documents)
# --------------------------------------------------------------------------------------------

# projects.csv has no ids and free text in start/end/status/donors/countries. One entry per row,
# keyed by the start of its title. Keys: id; start/end/status/donors = the cleaned value when the
# cell is free text (absent = the cell is used as is); countries = list of (iso3, source fragment
# or None for the row's source, note); notes = the row's caveats reworded; also = other sources.
PROJECTS = {
    "Towards Sustainable Partnerships": dict(
        id="towards-sustainable-partnerships-labour-migration", start="2007", status="", also=[ORIG_TJK],
        notes="Start INFERRED from an October 2007 press release on an EC-financed regional migration project launched 'this year'. Also titled 'Sustainable Partnerships for Governance of Labour Migration in the Russian Federation, Caucasus and Central Asia'. Coordinated from the ILO Subregional Office in Moscow with ILO MIGRANT. Named in the original Tajikistan page among projects implemented under the 2007-2009 DWCP."),
    "Prevention of human trafficking": dict(
        id="tjk-trafficking-prevention-migration-management", status="completed",
        donors="Government of Japan (UN Trust Fund for Human Security)", also=[ORIG_TJK],
        notes="Status INFERRED from the 2007-2009 period. Joint ILO-UNDP project in the Rasht region, launched in July 2007 for two years with over US$1 million (Japan approved US$1,095,038.62 on 11 April 2007). Also titled 'Community development through employment creation and improved migration management' and '... Job Creation and Effective Migration Management' (same project, INFERRED). The original Tajikistan page's wording matches none exactly."),
    "Capacity Building Project: Regional Program": dict(
        id="ipec-wfcl-capacity-building-central-asia",
        notes="ILO-IPEC. Possibly the same work as PROACT-CAR Phase I (2005-2007): not confirmed (the dates differ)."),
    "Combating Child Labour in Central Asia - Commitment becomes Action (PROACT-CAR) Phase I": dict(
        id="proact-car-phase-1", donors="", countries=[], also=[ORIG_TJK],
        notes="Known only as 'the first phase (2005-2007)' from the Phase II page; IPEC has worked in Kyrgyzstan since 2005 under PROACT-CAR. Country list not stated. The original Tajikistan page names 'Combating Child Labour in Central Asia Project - phase 1' among projects implemented in Tajikistan."),
    "Combating Child Labour in Central Asia - Commitment becomes Action (PROACT-CAR Phase II)": dict(
        id="proact-car-phase-2",
        notes="An October 2014 ILO Moscow item on workshops of the IPEC project of the same name (for AZE, KAZ, KGZ, TJK, TUR, UZB) implies a later phase active in 2014 (not documented separately)."),
    "Combating Child Labour and Human Trafficking": dict(
        id="kgz-child-labour-trafficking-2017-2018", status="completed", donors="",
        notes="Status INFERRED from the period. Followed by 'Value Chain Development for elimination of Child Labour' (separate row)."),
    "Value Chain Development": dict(id="kgz-value-chains-child-labour", status="", donors="", notes=""),
    "Social consequences of migration": dict(
        id="tjk-social-consequences-migration", status="", donors="", also=[ORIG_TJK],
        notes="Dates and donor not in the archived page. Named in the original Tajikistan page among projects implemented under the 2007-2009 DWCP."),
    "Regulating Labour Migration": dict(
        id="regulating-labour-migration-central-asia", status="ongoing", also=[ORIG_TJK],
        notes="Status as of March 2011 (a subregional symposium in Astana under the project). That an EC-funded project brief listing project offices in KGZ, KAZ and TJK belongs to this project is INFERRED. Named in the original Tajikistan page among projects implemented under the 2007-2009 DWCP."),
    "From the Crisis towards Decent and Safe Jobs in Southern Caucasus": dict(
        id="crisis-to-decent-safe-jobs-phase-1", donors="Ministry for Foreign Affairs of Finland", countries=[],
        notes="Funded with EUR 4 million under Finland's Wider Europe Initiative; pillars: occupational safety and health, employment, social protection. Country list not captured. Georgia's 2020 ILO page still lists the project as current."),
    "From the Crisis towards Decent and Safe Jobs, Phase II": dict(
        id="crisis-to-decent-safe-jobs-phase-2", end="2019", status="completed", donors="Ministry for Foreign Affairs of Finland", also=[ORIG_TJK],
        notes="CONFLICT on the end: Finland's funding decision (2 December 2013) says 2014-2017; the ILO's final event (December 2019) says implemented 2014-2019 (an extension is presumed, not documented). EUR 4 million. The original Tajikistan page lists 'From the crises toward decent and safe jobs - Phase 2' among on-going projects."),
    "Applying the G20 Training Strategy: A partnership of the ILO and the Russian Federation (Phase 1)": dict(
        id="g20-training-strategy-phase-1", start="2012-11", donors="", also=[ORIG_TJK],
        countries=[("TJK", "WCMS_431810", "Involvement evidenced in November 2015 (a training in Dushanbe supported by the project).")],
        notes="Start is the agreement signed in November 2012. Known only from later descriptions; donor (the Russian Federation, by the title: INFERRED) and country list not stated. The original Tajikistan page (2015 or later) lists 'Applying the G20 Training Strategy' among on-going projects without saying which phase."),
    "Applying the G20 Training Strategy: A partnership of the ILO and the Russian Federation (Phase 2)": dict(
        id="g20-training-strategy-phase-2", status="completed", donors="Russian Federation (Ministry of Finance)",
        notes="Status INFERRED from the 2016-2019 period. US$12 million; partner: Moscow School of Management SKOLKOVO. CONFLICT: five (2017, 2018) or six (March 2018) Russian regions take part. Analyses for Chuy and Jalal-Abad (Kyrgyzstan) in 2019."),
    "Start and Improve Your Business (SIYB) Programme for the CIS": dict(
        id="siyb-cis", status="", donors="",
        countries=[("TJK", None, "In Tajikistan from 2000.")],
        notes="Launched by the ILO for the CIS in 1997; country list not stated. A training of trainers in Dushanbe (November 2015) had master trainers from Azerbaijan and Kyrgyzstan."),
    "Start and Improve Your Business (SIYB) in Kyrgyzstan": dict(
        id="siyb-kyrgyzstan", status="", source=ORIG_KGZ, also=["WCMS_431810"],
        notes="UNVERIFIED: named only in the original Kyrgyzstan page (a pilot with 25 trainers trained, run with the Kazakhstan SIYB project under ILO Moscow). Indirect evidence only: a Kyrgyz SIYB master trainer taught in Dushanbe in 2015; an OSCE-ILO SME training took place in Osh in 2005."),
    "ILO STEP Programme": dict(
        id="step-programme", status="", donors="French Government (Budapest STEP team project)", also=[ORIG_KGZ],
        countries=[("KGZ", ORIG_KGZ, "UNVERIFIED: only the original Kyrgyzstan page says Kyrgyzstan is part of STEP.")]
        + [(c, None, "Country of the Budapest-based STEP team's French-funded project.") for c in ("HUN", "POL", "SVN", "BGR", "ROU")],
        notes="The only source found describes a Budapest-based STEP team running a French-funded project in HUN, POL, SVN, BGR and ROU; not found for the ten EECA countries."),
    "ILO Regional Programme on the Promotion of SMEs": dict(
        id="sme-promotion-central-asia", status="", source=ORIG_KGZ,
        countries=[("KGZ", ORIG_KGZ, "The original Kyrgyzstan page says Kyrgyzstan is part of it.")],
        notes="UNVERIFIED: named only in the original Kyrgyzstan page; searches found only non-ILO SME programmes."),
    "Partnerships for Youth Employment in the Commonwealth of Independent States (YEP CIS), Phase I": dict(
        id="yep-cis-phase-1", start="2013", donors="LUKOIL",
        countries=[(c, None, "") for c in ("AZE", "KAZ", "RUS")] + [(c, None, "Member of the project's regional network only.") for c in ("ARM", "GEO", "KGZ", "TJK", "TKM", "UZB")],
        notes="Agreement signed in December 2012; implemented 2013-2017 as a public-private partnership with LUKOIL. Peer reviews: Kyrgyzstan by Armenia (2014), Tajikistan by Azerbaijan, Azerbaijan by Russia and Kazakhstan (Baku, September 2015). Russian pilot regions: Khanty-Mansi, Perm, Kalmykia. Code from a third-party copy of the ILO project page (may cover both phases)."),
    "Partnerships for Youth Employment in the CIS, Phase II": dict(
        id="yep-cis-phase-2", status="",
        notes="Agreement between the Director-General and LUKOIL signed in Moscow on 23 May 2017; six Russian pilot regions. INFERRED: terminated in 2022, when the Governing Body (June 2022) noted the termination of 'the public-private partnership project' with the Russian Federation."),
    "Reducing Poverty by Promoting Employment of Youth": dict(
        id="dfid-youth-informal-economy-central-asia-caucasus", status="", donors="DFID (United Kingdom)",
        notes="Presented in March 2004 by the ILO Subregional Office for Eastern Europe and Central Asia, with several ILO headquarters units; dates and status not stated."),
    "Sub-regional project on employability": dict(
        id="arm-youth-employability-skills-dutch", start="", status="", donors="Netherlands",
        countries=[("ARM", None, "Sub-regional project; the other countries are not stated.")],
        notes="Already launched when Armenia's first technical cooperation programme (2004-2006) was signed (about 2004; signing date not captured). Exact title not given: descriptive title."),
    "Promoting Labour Relations and Social Dialogue in Georgia": dict(
        id="geo-labour-relations-social-dialogue", end="", status="completed", donors="European Union",
        notes="Launched in Tbilisi on 2 February 2015 by the Government, the EU and the ILO; EUR 400,000 over 30 months (end about August 2017, INFERRED) plus EUR 600,000 under the EU's 'Human Rights for All' programme. Status INFERRED."),
    "Improved compliance with labour laws in Georgia": dict(
        id="geo-labour-law-compliance", start="2014", end="", status="completed",
        notes="Launch reported on 7 March 2014; a three-year project (end about 2017, INFERRED). Status INFERRED."),
    "Inclusive Labour Market(s) for Job Creation in Georgia": dict(
        id="geo-inclusive-labour-markets", status="completed", donors="Danida (Danish International Development Agency)",
        notes="Final evaluation in July 2023; administered by DWT/CO-Moscow; its closure coincided with Georgia's hand-over to DWT/CO-Budapest and the closure of the ILO's only premises in Georgia on 1 July 2023. Donor from a NORMLEX comment."),
    "Helping Protect Armenians' Rights Together": dict(
        id="arm-labour-rights-pilrat", title="Promoting Implementation of Labour Rights in Armenia Together (PILRAT)",
        status="ongoing", donors="U.S. Department of Labor",
        notes="Status as of November 2023. First titled 'Helping Protect Armenians' Rights Together' (renaming INFERRED from identical scope). CONFLICT on the budget: US$2.5 million (copy of the project page) against a US$2 million award (January 2021 news)."),
    "Support for Implementation of the Decent Work Country Programme": dict(
        id="uzb-dwcp-support", status="",
        notes="Launched in December 2014; overseen by the ILO office in Moscow, implementation office in Tashkent, sites in Jizzakh and Ferghana."),
    "Third Party Monitoring on Child and Forced Labour": dict(
        id="uzb-third-party-monitoring", start="2014-10", status="",
        donors="World Bank Multi-Donor Trust Fund (European Union, United States, Switzerland)",
        notes="Start is the World Bank-ILO memorandum of October 2014; monitoring of the cotton harvests from 2015, reports for 2015-2019. The ILO had already monitored the 2013 harvest."),
    "Employment-intensive infrastructure": dict(
        id="kgz-eiip-south-kyrgyzstan", status="", donors="", notes="Descriptive title (the source gives no formal title); started in 2011 with a cash-for-work phase."),
    "Transition from Informal to Formal Employment": dict(id="kgz-informal-to-formal", donors="", notes=""),
    "Enabling environment for sustainable and resilient enterprises": dict(
        id="kgz-resilient-enterprises-covid19", status="", donors="", notes="Project page of 2021. Partners: the JIA business association and the Federation of Trade Unions."),
    "Promoting just transitions": dict(
        id="kgz-just-transition", status="", donors="", notes="Known from a third-party copy of an ILO publication list (2023); status unclear."),
    "Enhancing disability-inclusiveness": dict(
        id="kgz-disability-inclusive-social-protection", status="", donors="",
        notes="Low confidence: only a project brief title on a third-party copy of the ILO Kyrgyzstan page (c.2021)."),
    "Integrated policy response on employment and social protection": dict(
        id="tjk-covid19-employment-social-protection", status="", donors="",
        notes="Partners: the ministries of labour and of health and social protection, the trade unions and the employers. Possibly linked to the National Strategy for Social Protection to 2040 adopted in December 2022 (INFERRED)."),
    "Increased Progress in Attaining SDGs": dict(id="aze-sdg-decent-work", status="", donors="", notes=""),
    "Self-employment project in Nakhchivan": dict(id="aze-self-employment-nakhchivan", donors="", notes="300 people trained."),
    "Pilot labour force survey project": dict(
        id="aze-labour-force-survey-pilot", donors="", notes="Implemented with UNDP. Descriptive title."),
    "Road reconstruction skills training": dict(id="aze-road-reconstruction-skills", donors="", notes="Descriptive title."),
}

ORIGINAL_PROJECTS = [
    # Projects named in the original documents and not in projects.csv.
    dict(project_id="siyb-kazakhstan", title="Start and Improve Your Business (SIYB) project in Kazakhstan", code="",
         start="", end="", status="", donors="", source_id=ORIG_KGZ, other_source_ids="",
         notes="UNVERIFIED: named only in the original Kyrgyzstan page, as the project with which the Kyrgyz SIYB pilot was run.",
         countries=[("KAZ", "")], themes=["enterprises"]),
    dict(project_id="proact-car-ongoing-2015", title="Combating Child Labour in Central Asia (phase on-going about 2015)", code="",
         start="", end="", status="ongoing", donors="", source_id=ORIG_TJK, other_source_ids="",
         notes="UNVERIFIED: the original Tajikistan page (2015 or later) lists 'Combating Child Labour in Central Asia' among on-going projects; by its dates it is not the 2008-2011 Phase II, and no other source describes this phase. Status as of that page.",
         countries=[("TJK", "")], themes=["child-labour"]),
]

DONORS_CLEAN = {
    # projects.csv `donors` -> donors (amounts and remarks go to notes)
    "not stated": "", "not stated (implemented with UNDP)": "",
    "European Union (European Commission)": "European Union (European Commission)",
    "LUKOIL (PJSC/PAO/OAO LUKOIL; public-private partnership)": "LUKOIL",
    "European Union (EUR 400,000 + EUR 600,000 under 'Human Rights for All')": "European Union",
}

STATUS_CLEAN = {"completed": "completed", "not stated": ""}

THEMES = [
    # (theme_id, name, description, source): a closed list of ILO areas of work. The source is the
    # original document that names the area (000: areas of work in Tajikistan and strategic
    # objectives; 003: fields of technical assistance) or, for the last two, an ILO page.
    ("labour-standards", "International labour standards", "Ratification, application and reporting on ILO Conventions; fundamental principles and rights at work.", ORIG_TJK),
    ("employers-workers-organisations", "Employers' and workers' organisations", "Capacity of employers' organisations and trade unions.", ORIG_TJK),
    ("employment", "Employment", "Employment policy and promotion, youth employment, employment services, employment-intensive investment.", ORIG_TJK),
    ("gender-equality", "Gender equality", "Equality of opportunity and treatment of women and men.", ORIG_TJK),
    ("hiv-aids", "HIV/AIDS and the world of work", "HIV and AIDS prevention and non-discrimination at the workplace.", ORIG_TJK),
    ("labour-migration", "Labour migration", "Governance of labour migration and protection of migrant workers.", ORIG_TJK),
    ("osh", "Occupational safety and health", "Safety and health at work.", ORIG_TJK),
    ("social-protection", "Social security and social protection", "Social security, social protection floors and their extension.", ORIG_TJK),
    ("child-labour", "Child labour", "Elimination of child labour, including its worst forms.", ORIG_TJK),
    ("social-dialogue", "Social dialogue", "Tripartism, collective bargaining, labour relations and dispute settlement.", ORIG_TJK),
    ("forced-labour-trafficking", "Forced labour and trafficking", "Abolition of forced labour and prevention of human trafficking.", ORIG_KGZ),
    ("skills", "Skills and vocational training", "Vocational training, skills development systems and recognition of qualifications.", ORIG_KGZ),
    ("enterprises", "Enterprises", "Enterprise development, small and medium-sized enterprises, entrepreneurship and cooperatives.", ORIG_KGZ),
    ("labour-inspection", "Labour administration and inspection", "Labour administration, labour inspection and compliance.", ORIG_KGZ),
    ("labour-law", "Labour law", "Labour law reform, enforcement and access to remedies.", ORIG_KGZ),
    ("labour-statistics", "Labour statistics", "Labour force surveys and labour market information.", ORIG_KGZ),
    ("working-conditions", "Working conditions and wages", "Working conditions, wages and minimum wage systems.", ORIG_KGZ),
    ("informal-economy", "Informal economy", "Transition from the informal to the formal economy.", "WCMS_887542"),
    ("green-jobs", "Green jobs and just transition", "Green jobs and a just transition to an environmentally sustainable economy.", "WCMS_917136"),
]

THEME_MAP = {
    # projects.csv `themes` phrase -> theme ids ([] = not an area of work: a place, a method, a topic)
    "CIS PES network": ["employment"], "COVID-19": [], "COVID-19 recovery": [], "DWCP implementation": [],
    "FPRW": ["labour-standards"], "Labour Code (2013 amendments)": ["labour-law"],
    "OSH and labour inspection/compliance": ["osh", "labour-inspection"], "PES capacity": ["employment"],
    "PES reform and training": ["employment"], "Rasht region": [], "SDG 8": ["employment"],
    "SDG target 8.7": ["child-labour", "forced-labour-trafficking"], "SIYB": ["enterprises"], "SME promotion": ["enterprises"],
    "SMEs": ["enterprises"], "TVET / skills development systems": ["skills"], "TVET governance": ["skills"],
    "access to judicial and non-judicial remedies": ["labour-law"], "capacity of constituents": [], "cash-for-work": ["employment"],
    "child labour": ["child-labour"], "child labour (WFCL)": ["child-labour"],
    "child labour and forced labour in cotton": ["child-labour", "forced-labour-trafficking"], "circular economy": ["green-jobs"],
    "cotton harvest": [], "disability inclusion": ["social-protection"], "dispute resolution": ["social-dialogue"],
    "earned regularisation": ["labour-migration"], "economic empowerment of families": [],
    "employers' and workers' organizations": ["employers-workers-organisations"], "employment": ["employment"],
    "employment creation": ["employment"], "employment policy": ["employment"], "employment services": ["employment"],
    "employment-intensive investment": ["employment"], "enterprise resilience": ["enterprises"],
    "entrepreneurship training": ["enterprises"], "extension of social protection": ["social-protection"],
    "fair recruitment": ["forced-labour-trafficking"], "feedback mechanism": [], "forced labour": ["forced-labour-trafficking"],
    "formalization": ["informal-economy"], "formalization and enabling environment for enterprises": ["informal-economy", "enterprises"],
    "green jobs": ["green-jobs"], "greening MSMEs": ["green-jobs", "enterprises"],
    "harmonized policies, legislation and administrative tools": ["labour-migration"], "human trafficking": ["forced-labour-trafficking"],
    "income generation": ["employment"], "informal economy": ["informal-economy"], "informality": ["informal-economy"],
    "infrastructure rehabilitation": [], "international labour standards": ["labour-standards"], "just transition": ["green-jobs"],
    "knowledge sharing on human resource development": ["skills"], "labour force survey": ["labour-statistics"],
    "labour inspection": ["labour-inspection"], "labour inspection (HLIB)": ["labour-inspection"],
    "labour law compliance": ["labour-law"], "labour law enforcement": ["labour-law", "labour-inspection"],
    "labour market analysis": ["labour-statistics"], "labour market forecasting": ["labour-statistics"],
    "labour market information": ["labour-statistics"], "labour migration": ["labour-migration"],
    "labour migration governance": ["labour-migration"], "labour migration management": ["labour-migration"],
    "labour migration strategy and regulation": ["labour-migration"], "labour relations": ["social-dialogue"],
    "labour statistics": ["labour-statistics"], "local economic development": ["employment"],
    "local economic development (LED)": ["employment"],
    "mainstreaming child labour and youth employment into national policy": ["child-labour", "employment"],
    "marginalized groups": [], "mediation": ["social-dialogue"], "microfinance linkage via employment service": ["employment"],
    "migrant workers' protection": ["labour-migration"], "migrant workers' rights": ["labour-migration"],
    "migrants' families": ["labour-migration"], "migration and development": ["labour-migration"],
    "minimum wage reform": ["working-conditions"], "mining and services sectors": [], "national employment strategies": ["employment"],
    "negotiation skills": ["social-dialogue"], "occupational safety and health": ["osh"], "peer learning": [], "peer reviews": [],
    "portability of qualifications": ["labour-migration", "skills"], "productive inclusion": ["employment"],
    "regional knowledge sharing": [], "rural infrastructure": [], "sectoral skills / occupational standards": ["skills"],
    "self-employment": ["employment"], "service models for persons with disabilities (design thinking)": ["social-protection"],
    "skills": ["skills"], "skills anticipation": ["skills"], "skills development": ["skills"], "skills development systems": ["skills"],
    "skills training": ["skills"], "small business development": ["enterprises"], "social dialogue": ["social-dialogue"],
    "social exclusion": ["social-protection"], "social partners' capacity": ["employers-workers-organisations"],
    "social protection": ["social-protection"], "social protection extension (maternity, unemployment)": ["social-protection"],
    "social protection floor": ["social-protection"], "social protection floors": ["social-protection"],
    "strategic compliance": ["labour-inspection"], "subregional knowledge sharing": [], "subregional networking": [], "tools": [],
    "trade union capacity (GTUC)": ["employers-workers-organisations"], "trafficking prevention": ["forced-labour-trafficking"],
    "tripartite commission": ["social-dialogue"], "tripartite consultation": ["social-dialogue"],
    "unemployment insurance research": ["social-protection"], "value chains": ["enterprises"],
    "vocational and pre-migration training": ["skills", "labour-migration"], "women left behind": ["gender-equality", "labour-migration"],
    "workers' organizations": ["employers-workers-organisations"], "working conditions": ["working-conditions"],
    "youth employability": ["employment", "skills"], "youth employment": ["employment"], "youth employment policies": ["employment"],
}


def _project_spec(title: str) -> dict:
    hits = [spec for key, spec in PROJECTS.items() if title.startswith(key)]
    if len(hits) != 1:
        raise KeyError(f"projects.csv: {len(hits)} PROJECTS entries for {title!r}")
    return hits[0]


def build_projects(ctx: Context):
    projects, countries, themes = [], [], []
    for row in ctx.raw["projects"]:
        spec = _project_spec(row["title"])
        pid = spec["id"]
        if row["source_url"]:
            source_id, others = ctx.follow(row, row["notes"])
        else:
            source_id, others = spec["source"], ""
        also = _resolve(ctx, spec.get("also", []))
        if source_id != cited_or_empty(ctx, row) and cited_or_empty(ctx, row):
            also.insert(0, cited_or_empty(ctx, row))
        start = spec.get("start", row["start"])
        end = spec.get("end", row["end"])
        for value in (start, end):
            if value and not is_partial_date(value):
                raise ValueError(f"projects.csv {pid}: unreadable date {value!r}: add an override")
        status = spec["status"] if "status" in spec else STATUS_CLEAN[row["status"]]
        donors = spec["donors"] if "donors" in spec else DONORS_CLEAN.get(row["donors"], row["donors"])
        projects.append({
            "project_id": pid, "title": spec.get("title", row["title"]), "code": row["code"],
            "start": start, "end": end, "status": status, "donors": donors, "source_id": source_id,
            "other_source_ids": ids(others, *[a for a in also if a != source_id]), "notes": spec["notes"],
        })
        if "countries" in spec:
            listed = spec["countries"]
        else:
            listed = [(c, None, "") for c in row["countries"].split(";")]
        for iso3, fragment, note in listed:
            if not re.fullmatch(r"[A-Z]{3}", iso3):
                raise ValueError(f"projects.csv {pid}: country {iso3!r} is not ISO3: add a `countries` entry")
            countries.append({"project_id": pid, "iso3": iso3,
                              "source_id": source_id if fragment is None else _resolve(ctx, [fragment])[0], "notes": note})
        theme_ids = []
        for phrase in split_list(row["themes"]):
            for theme in THEME_MAP[phrase]:
                if theme not in theme_ids:
                    theme_ids.append(theme)
        for theme in theme_ids:
            themes.append({"project_id": pid, "theme_id": theme, "source_id": source_id})
    for extra in ORIGINAL_PROJECTS:
        extra = dict(extra)
        listed, theme_ids = extra.pop("countries"), extra.pop("themes")
        projects.append(extra)
        countries += [{"project_id": extra["project_id"], "iso3": c, "source_id": extra["source_id"], "notes": n} for c, n in listed]
        themes += [{"project_id": extra["project_id"], "theme_id": t, "source_id": extra["source_id"]} for t in theme_ids]
    return projects, countries, themes


def cited_or_empty(ctx: Context, row: dict[str, str]) -> str:
    cited = ctx.cell_ids(row["source_url"])
    return cited[0] if cited else ""


def build_themes(ctx: Context) -> list[dict[str, str]]:
    return [{"theme_id": t, "name": n, "description": d, "source_id": _resolve(ctx, [s])[0]} for t, n, d, s in THEMES]


# --------------------------------------------------------------------------------------------
# Claims (ratification_summaries.csv, ratification_claims.csv, the original documents)
# --------------------------------------------------------------------------------------------

# One row per (source, metric): which source says what, as of when. `as_of` is the date the
# statement speaks for where the source gives it (else its publication date); approximate dates
# ("c.2018", "undated") stay empty and the note says what is known. `check` ties a value to the
# research table it comes from: ("summary", column) or ("claims", row index) -> the importer
# verifies that the number is there.
_RUS, _TJK, _KGZ, _KAZ = "Russian Federation", "Tajikistan", "Kyrgyzstan", "Kazakhstan"
KASIPODAQ = "kasipodaq.kz/2019/03/12"
CLAIMS = [
    # (iso3, metric, value, as_of, tag, source, statement, notes, check)
    ("", "conventions_adopted", "183", "2001-06", "kgz-page", ORIG_KGZ,
     "The ILO had adopted 183 Conventions as of June 2001.",
     "UNVERIFIED: not found in other archived pages. C184 was adopted on 21 June 2001, so 183 fits early June 2001; a UN Nepal page counts 184 Conventions for 1919-2001.", None),
    ("", "recommendations_adopted", "190", "2001-06", "kgz-page", ORIG_KGZ,
     "The ILO had adopted 190 Recommendations as of June 2001.",
     "UNVERIFIED: not found in other archived pages; the UN Nepal page counts 192 Recommendations for 1919-2001 (not checked).", None),
    ("", "conventions_adopted", "184", "2001", "un-nepal", "un-info-np-4398",
     "Between 1919 and 2001 the ILO adopted 184 Conventions.", "Page from when the ILO had 175 member States.", None),
    ("", "recommendations_adopted", "192", "2001", "un-nepal", "un-info-np-4398",
     "Between 1919 and 2001 the ILO adopted 192 Recommendations.", "", None),
    ("", "office_countries_covered", "10", "", "tjk-page", ORIG_TJK,
     "The ILO office in Moscow coordinates ILO work in ten countries: the Russian Federation, Tajikistan, Azerbaijan, Armenia, Belarus, Georgia, Kazakhstan, Kyrgyzstan, Turkmenistan and Uzbekistan.",
     "Page of 2015 or later (it mentions the DWCP signed on 24 June 2015); exact date unknown.", None),
    ("", "office_countries_covered", "10", "", "kgz-page", ORIG_KGZ,
     "The ILO office in Moscow covers ten CIS countries, Kyrgyzstan among them.",
     "Content of about 2001-2002; exact date unknown.", None),
    ("", "office_staff", "45", "", "kgz-page", ORIG_KGZ,
     "The ILO office in Moscow has about 45 staff, local correspondents in some countries included.",
     "UNVERIFIED; an approximate figure ('about'); content of about 2001-2002.", None),
    ("", "office_staff", "50", "2022-03", "geneva-solutions", "genevasolutions.news",
     "Around 50 people work at the ILO office in Moscow, the largest UN office in Russia.",
     "An approximate figure ('around'). Not a conflict with the 45 of about 2001: different dates.", None),
    # Tajikistan
    ("TJK", "member_since", "1993", "", "tjk-page", ORIG_TJK, "Tajikistan has been an ILO member since 1993.", "Page of 2015 or later.", None),
    ("TJK", "conventions_ratified", "50", "", "tjk-page", ORIG_TJK,
     "Tajikistan has ratified 50 ILO Conventions, all eight fundamental ones among them.", "Page of 2015 or later.", None),
    ("TJK", "fundamental_ratified", "8", "", "tjk-page", ORIG_TJK,
     "Tajikistan has ratified all eight fundamental Conventions.", "'All eight': the fundamental set before 2022. Page of 2015 or later.", None),
    ("TJK", "conventions_in_force", "50", "", "tjk-page", ORIG_TJK,
     "The 50 Conventions Tajikistan has ratified are all in force.", "Page of 2015 or later.", None),
    ("TJK", "member_since", "1993", "", "untj", "untj.org", "Tajikistan has been an ILO member since 1993.", "Undated page.", ("claims", 8)),
    ("TJK", "fundamental_ratified", "9", "", "trade-for-decent-work", "tradefordecentwork.ilo.org",
     "Tajikistan has ratified 9 of the 10 fundamental Conventions.", "Undated page of about 2024-2025 (it cites the 2024-2028 national action plan).", ("summary", "fundamental_ratified")),
    ("TJK", "governance_ratified", "3", "", "trade-for-decent-work", "tradefordecentwork.ilo.org",
     "Tajikistan has ratified 3 governance Conventions.", "Undated page of about 2024-2025.", ("summary", "governance_ratified")),
    ("TJK", "technical_ratified", "38", "", "trade-for-decent-work", "tradefordecentwork.ilo.org",
     "Tajikistan has ratified 38 technical Conventions.", "Undated page of about 2024-2025.", ("summary", "technical_ratified")),
    ("TJK", "conventions_ratified", "50", "", "trade-for-decent-work", "tradefordecentwork.ilo.org",
     "Tajikistan has ratified 50 Conventions in all.", "INFERRED total: the page gives only 9 + 3 + 38. Undated page of about 2024-2025.", ("summary", "conventions_ratified_total")),
    ("TJK", "conventions_ratified", "50", "2019-03-12", "kasipodaq-2019", KASIPODAQ,
     "In a comparison of CIS countries, Tajikistan has ratified 50 ILO Conventions.", "National trade-union federation of Kazakhstan (secondary).", ("claims", 3)),
    ("TJK", "fundamental_ratified", "8", "2020-03-04", "50forfreedom-2020", "50forfreedom.org/blog/news/tajikistan",
     "Tajikistan had already ratified all fundamental Conventions when it ratified the Forced Labour Protocol on 24 January 2020.", "'All': the eight fundamental Conventions before 2022.", None),
    ("TJK", "fundamental_ratified", "8", "2007-06-09", "ituc-2007", "webarchive.archive.unhcr.org",
     "The ITUC lists the eight core Conventions (29, 87, 98, 100, 105, 111, 138, 182) as ratified by Tajikistan.", "ITUC Annual Survey 2007.", None),
    # Kyrgyzstan
    ("KGZ", "conventions_ratified", "44", "", "kgz-page", ORIG_KGZ,
     "Kyrgyzstan has ratified 44 ILO Conventions, seven of the eight fundamental ones among them.",
     "UNVERIFIED: the likely archived page stops before any count. Content of about 2001-2002.", None),
    ("KGZ", "fundamental_ratified", "7", "", "kgz-page", ORIG_KGZ,
     "Kyrgyzstan has ratified seven of the eight fundamental Conventions.",
     "UNVERIFIED; content of about 2001-2002. ITUC surveys of 2007-2010 list all eight.", None),
    ("KGZ", "conventions_ratified", "53", "2019-03-12", "kasipodaq-2019", KASIPODAQ,
     "In a comparison of CIS countries, Kyrgyzstan has ratified 53 ILO Conventions.", "National trade-union federation of Kazakhstan (secondary).", ("claims", 2)),
    ("KGZ", "fundamental_ratified", "8", "2007-06-09", "ituc-2007", "4c52ca24c,",
     "The ITUC lists the eight core Conventions as ratified by Kyrgyzstan.", "ITUC Annual Survey 2007; the 2008 and 2009 surveys say the same.", None),
    ("KGZ", "fundamental_ratified", "8", "2010-06-09", "ituc-2010", "4c4fec6e28",
     "The ITUC lists the eight core Conventions as ratified by Kyrgyzstan.", "ITUC Annual Survey 2010.", None),
    # Kazakhstan
    ("KAZ", "conventions_ratified", "24", "2019-03-12", "kasipodaq-2019", KASIPODAQ,
     "Kazakhstan has ratified 24 of the 189 existing ILO Conventions.", "National trade-union federation (secondary).", ("claims", 0)),
    ("KAZ", "fundamental_ratified", "8", "2019-03-12", "kasipodaq-2019", KASIPODAQ,
     "Eight of the Conventions Kazakhstan has ratified are fundamental.", "National trade-union federation (secondary).", ("claims", 0)),
    ("KAZ", "member_since", "1993", "", "mfa", "mfa.gov.kz/en/geneva",
     "Kazakhstan became an ILO member in 1993.", "Undated page of about 2014-2015.", ("claims", 17)),
    # Russian Federation
    ("RUS", "conventions_ratified", "75", "2019-03-12", "kasipodaq-2019", KASIPODAQ,
     "In a comparison of CIS countries, Russia has ratified 75 ILO Conventions.", "National trade-union federation of Kazakhstan (secondary).", ("claims", 1)),
    ("RUS", "fundamental_ratified", "8", "2019-01-17", "mission-geneva-2019", "geneva.mid.ru",
     "The Russian Federation is party to all eight fundamental Conventions.", "Said when depositing the P029 ratification; the fundamental set before 2022.", ("claims", 18)),
    # Belarus
    ("BLR", "conventions_ratified", "49", "2019-03-12", "kasipodaq-2019", KASIPODAQ,
     "In a comparison of CIS countries, Belarus has ratified 49 ILO Conventions.",
     "CONFLICT: NORMLEX and the Belarus mission in Geneva give 51. National trade-union federation of Kazakhstan (secondary).", ("claims", 4)),
    ("BLR", "member_since", "1954", "", "mission-geneva", "geneva.mfa.gov.by",
     "Belarus has been an ILO member since 1954.", "Undated page (between 2011 and 2019: it counts 187 Conventions adopted).", ("claims", 6)),
    ("BLR", "conventions_ratified", "51", "", "mission-geneva", "geneva.mfa.gov.by",
     "Belarus has ratified 51 ILO Conventions, eight fundamental ones among them.", "Undated page (between 2011 and 2019).", ("claims", 6)),
    ("BLR", "fundamental_ratified", "8", "", "mission-geneva", "geneva.mfa.gov.by",
     "Belarus has ratified eight fundamental Conventions.", "The fundamental set before 2022 (NORMLEX now counts 9 of 10). Undated page (between 2011 and 2019).", ("claims", 6)),
    ("BLR", "conventions_ratified", "51", "", "normlex", "P11200_COUNTRY_ID%3A103154",
     "Belarus has ratified 51 Conventions.", "NORMLEX page after June 2022 (ten fundamental Conventions listed); exact date not visible.", ("summary", "conventions_ratified_total")),
    ("BLR", "fundamental_ratified", "9", "", "normlex", "P11200_COUNTRY_ID%3A103154",
     "Belarus has ratified 9 of the 10 fundamental Conventions.", "NORMLEX page after June 2022.", ("summary", "fundamental_ratified")),
    ("BLR", "governance_ratified", "3", "", "normlex", "P11200_COUNTRY_ID%3A103154",
     "Belarus has ratified 3 of the 4 governance Conventions.", "NORMLEX page after June 2022.", ("summary", "governance_ratified")),
    ("BLR", "technical_ratified", "39", "", "normlex", "P11200_COUNTRY_ID%3A103154",
     "Belarus has ratified 39 of the 177 technical Conventions.", "NORMLEX page after June 2022.", ("summary", "technical_ratified")),
    ("BLR", "conventions_in_force", "42", "", "normlex", "P11200_COUNTRY_ID%3A103154",
     "Of the Conventions Belarus has ratified, 42 are in force, 6 denounced and 2 abrogated.",
     "42 + 6 + 2 = 50, not 51: one instrument is not accounted for in the page's summary line. NORMLEX page after June 2022.", ("summary", "conventions_in_force")),
    # Armenia
    ("ARM", "conventions_ratified", "29", "2019-03-12", "kasipodaq-2019", KASIPODAQ,
     "In a comparison of CIS countries, Armenia has ratified 29 ILO Conventions.", "National trade-union federation of Kazakhstan (secondary).", ("claims", 5)),
    ("ARM", "fundamental_ratified", "8", "", "ituc", "ituc-csi.org/serious-workers-rights",
     "Armenia has ratified all eight core labour standards Conventions.", "ITUC report of about 2010 (it mentions an agreement signed in 2009).", ("claims", 33)),
    # Azerbaijan
    ("AZE", "member_since", "1992", "", "un-azerbaijan", "unazerbaijan.org/en/un_agencies",
     "Azerbaijan joined the ILO in 1992.", "Undated page.", ("claims", 29)),
    ("AZE", "conventions_ratified", "58", "", "un-azerbaijan", "unazerbaijan.org/en/un_agencies",
     "Azerbaijan has ratified 58 ILO Conventions.", "Undated page.", ("claims", 29)),
    ("AZE", "conventions_ratified", "57", "", "sebra", "sebra.az",
     "Azerbaijan has ratified 57 ILO Conventions, eight fundamental and four priority (governance) ones among them.",
     "A training provider's page of about 2018 (it mentions a December 2017 training).", ("claims", 30)),
    ("AZE", "fundamental_ratified", "8", "", "sebra", "sebra.az",
     "Azerbaijan has ratified eight fundamental Conventions.", "About 2018; the fundamental set before 2022 (C155, ratified in 2023, is now fundamental).", ("claims", 30)),
    ("AZE", "governance_ratified", "4", "", "sebra", "sebra.az",
     "Azerbaijan has ratified four priority (governance) Conventions.", "About 2018.", ("claims", 30)),
    ("AZE", "conventions_ratified", "59", "2025-01-19", "trend-2025", "trend.az/azerbaijan/society/3995184",
     "Azerbaijan has ratified 59 ILO Conventions.", "A trade-union leader quoted by Trend.", ("claims", 31)),
    # Georgia
    ("GEO", "fundamental_ratified", "8", "2009", "ituc-2009", "lastradainternational.org",
     "Georgia has ratified all eight core labour standards Conventions.", "ITUC report for the WTO trade policy review (2009).", ("claims", 35)),
    ("GEO", "member_since", "1993-06-22", "", "normlex", "P11110_COUNTRY_ID%3A102639",
     "Georgia has been an ILO member since 22 June 1993.", "NORMLEX country profile of about 2025.", ("claims", 36)),
    # Turkmenistan
    ("TKM", "member_since", "1993", "", "ashgabat", "ashgabat.in/?p=63328",
     "Turkmenistan became an ILO member in 1993.", "Undated page.", ("claims", 24)),
    ("TKM", "member_since", "1993-09", "", "comparemela", "comparemela.com",
     "Turkmenistan has been a full ILO member since September 1993.", "Undated (an online ceremony on 14 April with the then Director-General).", ("claims", 25)),
    ("TKM", "conventions_ratified", "10", "", "comparemela", "comparemela.com",
     "Turkmenistan has ratified 10 ILO Conventions, 8 of them fundamental.", "Undated (at the deposit of C122).", ("claims", 25)),
    ("TKM", "fundamental_ratified", "8", "", "comparemela", "comparemela.com",
     "Eight of the Conventions Turkmenistan has ratified are fundamental.", "Undated (at the deposit of C122).", ("claims", 25)),
    ("TKM", "member_since", "1994", "2020-02-21", "trend-2020", "trend.az/business/economy/3195428",
     "Turkmenistan has been an ILO member since 1994.", "CONFLICT: other sources give 1993.", ("claims", 26)),
    ("TKM", "conventions_ratified", "11", "2024-05-13", "ashgabat-2024", "ashgabat.in/2024/05/13",
     "Turkmenistan has joined 11 ILO Conventions.", "A headline.", ("claims", 27)),
    # Uzbekistan
    ("UZB", "member_since", "1992", "", "ministry", "old.mehnat.uz",
     "Uzbekistan has been an ILO member since 1992.", "Page of about 2014-2016.", ("claims", 19)),
    ("UZB", "conventions_ratified", "14", "", "ministry", "old.mehnat.uz",
     "Uzbekistan has ratified 14 ILO Conventions.",
     "OUTDATED: later ratifications found (C087 2016; C081, C129, C144 and P029 in 2019). Page of about 2014-2016 (it cites a May 2014 resolution).", ("claims", 19)),
]

METRIC_SUBJECTS = {
    "conventions_ratified": "Conventions ratified by {name}", "fundamental_ratified": "Fundamental Conventions ratified by {name}",
    "governance_ratified": "Governance Conventions ratified by {name}", "technical_ratified": "Technical Conventions ratified by {name}",
    "conventions_in_force": "Conventions in force for {name}", "member_since": "ILO membership of {name}",
    "conventions_adopted": "Conventions adopted by the ILO", "recommendations_adopted": "Recommendations adopted by the ILO",
    "office_countries_covered": "Countries covered by the ILO office in Moscow", "office_staff": "Staff of the ILO office in Moscow",
}


def build_claims(ctx: Context, countries: list[dict[str, str]]) -> list[dict[str, str]]:
    names = {c["iso3"]: c["name"] for c in countries}
    summaries = {r["iso3"]: r for r in ctx.raw["ratification_summaries"]}
    claim_rows = ctx.raw["ratification_claims"]
    rows = []
    for iso3, metric, value, as_of, tag, source, statement, notes, check in CLAIMS:
        if check and check[0] == "summary" and summaries[iso3][check[1]] != value:
            raise ValueError(f"claim {iso3} {metric}: {value} is not ratification_summaries.csv {check[1]}")
        if check and check[0] == "claims":
            row = claim_rows[check[1]]
            text = (row["statement"] + " " + row["date_or_as_of"]).lower()
            words = {"4": "four", "8": "eight", "1993-09": "september 1993"}
            if row["iso3"] != iso3 or (value.split("-")[0] not in re.findall(r"\d+", text) and words.get(value, "?") not in text):
                raise ValueError(f"claim {iso3} {metric}: {value} not in ratification_claims.csv row {check[1]}")
        prefix = iso3.lower() if iso3 else "ilo"
        rows.append({
            "claim_id": f"{prefix}-{metric.replace('_', '-')}-{tag}", "iso3": iso3,
            "subject": METRIC_SUBJECTS[metric].format(name=names.get(iso3, "")), "metric": metric, "value": value,
            "as_of": as_of, "statement": statement, "source_id": _resolve(ctx, [source])[0] if source != "un-info-np-4398" else source,
            "notes": notes,
        })
    return rows


# --------------------------------------------------------------------------------------------
# Writing the tables
# --------------------------------------------------------------------------------------------


def build_all(sources_dir: Path) -> dict[str, list[dict[str, str]]]:
    ctx = Context(sources_dir)
    countries = build_countries(ctx)
    programmes, priorities = build_programmes(ctx)
    projects, project_countries, project_themes = build_projects(ctx)
    return {
        "sources": build_sources(ctx),
        "countries": countries,
        "offices": build_offices(ctx),
        "office_events": build_office_events(ctx),
        "office_coverage": build_office_coverage(ctx),
        "conventions": build_conventions(ctx),
        "recommendations": build_recommendations(ctx),
        "ratifications": build_ratifications(ctx),
        "programmes": programmes,
        "programme_priorities": priorities,
        "projects": projects,
        "project_countries": project_countries,
        "themes": build_themes(ctx),
        "project_themes": project_themes,
        "claims": build_claims(ctx, countries),
    }


def _sort_key(schema: dict):
    key = schema["primaryKey"]
    types = {f["name"]: f["type"] for f in schema["fields"]}
    return lambda row: tuple(int(row[k]) if types[k] == "integer" else row[k] for k in key)


def write_table(path: Path, schema: dict, rows: list[dict[str, str]]) -> None:
    fields = [f["name"] for f in schema["fields"]]
    for row in rows:
        if set(row) != set(fields):
            raise ValueError(f"{path.name}: row fields {sorted(row)} differ from the schema {fields}")
        for field in schema["fields"]:
            value = row[field["name"]] = (row[field["name"]] or "").strip()
            if value and field.get("constraints", {}).get("pattern", "").startswith("^[0-9]{4}(-"):
                parse_partial(value)  # raises on an impossible calendar date
    rows = sorted(rows, key=_sort_key(schema))
    keys = [tuple(r[k] for k in schema["primaryKey"]) for r in rows]
    if len(keys) != len(set(keys)):
        raise ValueError(f"{path.name}: duplicate primary key")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(rows)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", type=Path, required=True, help="the research notes folder (shared/sources)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the package root (default: this repository)")


def run(args: argparse.Namespace) -> int:
    sources_dir, root = Path(args.sources), Path(args.root)
    if not (sources_dir / "conventions.csv").is_file():
        print(f"import_sources: {sources_dir} does not look like the research notes folder (no conventions.csv)", file=sys.stderr)
        return 2
    try:
        tables = build_all(sources_dir)
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            schema = json.loads((root / resource["schema"]).read_text(encoding="utf-8"))
            write_table(root / resource["path"], schema, tables[resource["name"]])
    except (KeyError, ValueError, OSError) as error:
        print(f"import_sources: {error}", file=sys.stderr)
        return 1
    for name, rows in tables.items():
        print(f"{name}: {len(rows)} rows")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ilo_data.import_sources", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
