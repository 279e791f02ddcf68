"""Who the dashboard is for: the public site sees published projects and no small counts of
vulnerable people; the board sees everything. Applied once, right after loading, so no page,
chart, download or export downstream ever holds what the public may not see.

Rules (data/README.md, "Audiences"):
- Public: projects with `published: false` are dropped, with their figures, and every report,
  organisation, programme and place that only they refer to.
- Public: a figure of an indicator marked `vulnerable: true` below `small_count_threshold`
  (settings.yaml) loses its value and its quote (which states the number); its precision
  becomes `suppressed` and `fewer_than` holds the threshold: it is shown as "fewer than N".
  The quoted sentence is blanked out of the report's text as well.
- Parts and wholes: where a reported whole has exactly one suppressed cell among its parts,
  the smallest other part is withheld too (`suppressed` with no `fewer_than`, shown as
  "withheld"), so the small one cannot be found by subtraction.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Literal

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.text.i18n import tr
from lib.text.vocabulary import code_words

Audience = Literal["public", "board"]
AUDIENCES: tuple[Audience, ...] = ("public", "board")
# Fail closed: a deployment that forgets to set the variable shows the public view.
DEFAULT_AUDIENCE: Audience = "public"
ENV_VARIABLE = "DASHBOARD_AUDIENCE"

SUPPRESSED = "suppressed"
WITHHELD_WORDS = "withheld (it would reveal a small count)"
WITHHELD_QUOTE = "(The sentence is withheld: it states a small count of vulnerable people.)"
REDACTED_TEXT = "[…withheld: a small count of vulnerable people…]"


def audience_from_env() -> tuple[Audience, str | None]:
    """(audience, the unknown value DASHBOARD_AUDIENCE held, if it held one)."""
    raw = os.environ.get(ENV_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_AUDIENCE, None
    if raw.lower() in AUDIENCES:
        return raw.lower(), None  # type: ignore[return-value]
    return DEFAULT_AUDIENCE, raw


def suppressed_words(fewer_than: object, language: str = "en") -> str:
    """'fewer than 5' for a suppressed small count, 'withheld …' for its complement."""
    if fewer_than is None or pd.isna(fewer_than):
        return tr(language, WITHHELD_WORDS)
    return tr(language, "fewer than {number}", number=int(fewer_than))


def is_suppressed(precision: object) -> bool:
    return precision == SUPPRESSED


def precision_words(precision: str, fewer_than: object, language: str = "en") -> str:
    """A figure's precision for a table or file: 'approximate', 'not reported', 'fewer than 5'."""
    if is_suppressed(precision):
        return suppressed_words(fewer_than, language)
    return code_words(precision, language)


def for_audience(portfolio: Portfolio, audience: Audience) -> Portfolio:
    """The portfolio as `audience` may see it; a new object, the loaded one is not changed."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; choose one of {', '.join(AUDIENCES)}")
    if audience == "board":
        return dataclasses.replace(portfolio, fingerprint=f"{portfolio.fingerprint}-board")
    values = portfolio.values
    projects = {pid: p for pid, p in portfolio.projects.items() if p.published}
    values = values[values["project"].isin(set(projects))].reset_index(drop=True)
    values, redacted = _suppress(portfolio, values)
    kept = _referenced(portfolio, projects, values)
    texts = {
        sid: _redact(text, redacted.get(sid, []))
        for sid, text in portfolio.source_texts.items()
        if sid in kept["sources"]
    }
    return dataclasses.replace(
        portfolio,
        projects=projects,
        values=values,
        source_texts=texts,
        sources=_only(portfolio.sources, kept["sources"]),
        places=_only(portfolio.places, kept["places"]),
        organisations=_only(portfolio.organisations, kept["organisations"]),
        programmes=_only(portfolio.programmes, kept["programmes"]),
        fingerprint=f"{portfolio.fingerprint}-public",
    )


def _only(entries: dict, ids: set[str]) -> dict:
    return {key: entry for key, entry in entries.items() if key in ids}


def _suppress(portfolio: Portfolio, values: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Small counts of vulnerable people, and one complement per group, made unreadable."""
    threshold = portfolio.settings.small_count_threshold
    vulnerable = {code for code, i in portfolio.indicators.items() if i.vulnerable}
    values = values.copy()
    small = values["indicator"].isin(vulnerable) & values["value"].notna()
    small &= values["value"].fillna(threshold) < threshold
    hidden = small | _complements(values, small)
    redacted: dict[str, list[str]] = {}
    for index in values.index[hidden]:
        redacted.setdefault(values.at[index, "source"], []).append(values.at[index, "quote"])
    values.loc[hidden, "value"] = pd.NA
    values.loc[hidden, "precision"] = SUPPRESSED
    values.loc[small, "fewer_than"] = threshold
    # A sentence that states a hidden count is withheld from every figure quoting it: one
    # sentence often gives all the cities ("300 from Kumanovo … 3 from Gevgelija").
    spoken: dict[str, list[str]] = {}
    for source, quotes in redacted.items():
        spoken[source] = [" ".join(quote.split()) for quote in quotes]
    mentioning = values["source"].isin(set(spoken))  # only their figures need a look
    for index in values.index[mentioning]:
        quote = " ".join(str(values.at[index, "quote"]).split())
        if any(quote in said or said in quote for said in spoken[values.at[index, "source"]]):
            values.at[index, "quote"] = WITHHELD_QUOTE
    return values, redacted


def _complements(values: pd.DataFrame, small: pd.Series) -> pd.Series:
    """Where a reported whole has exactly one suppressed part, its smallest other part."""
    complement = pd.Series(False, index=values.index)
    if not (small & (values["breakdown"] != "")).any():
        return complement
    key = values["project"] + "|" + values["event"] + "|" + values["indicator"]
    key += "|" + values["period_start"].map(str) + "|" + values["period_end"].map(str)
    with_small_part = set(key[small & (values["breakdown"] != "")])
    for _, group in values[key.isin(with_small_part)].groupby(key, sort=False):
        wholes = group[(group["breakdown"] == "") & (group["place"] == "")]
        parts = group[group["breakdown"] != ""]
        hidden = small[parts.index]
        if wholes["value"].isna().all() or hidden.sum() != 1:
            continue
        others = parts[~hidden & parts["value"].notna()]
        if not others.empty:
            complement[others["value"].astype(int).idxmin()] = True
    return complement


def _redact(text: str, quotes: list[str]) -> str:
    """The report's text with each quoted sentence replaced, white space matched loosely as
    the validator matches quotes."""
    for quote in quotes:
        pattern = r"\s+".join(re.escape(word) for word in quote.split())
        text = re.sub(pattern, REDACTED_TEXT, text)
    return text


def _referenced(portfolio: Portfolio, projects: dict, values: pd.DataFrame) -> dict[str, set]:
    """Ids of the reports, places, organisations and programmes the kept projects and
    figures refer to, followed through organisations, programmes and publishers."""
    sources, places, organisations, programmes = set(), set(), set(), set()
    for project in projects.values():
        cited = [*project.places, *project.organisations, *project.funding, *project.links]
        cited += [*project.events, *project.notes]
        cited += [c for c in (project.dates_source, project.status_source) if c is not None]
        sources |= {entry.source for entry in cited}
        places |= {entry.place for entry in project.places}
        places |= {p for link in project.links for p in (link.from_place, link.to_place)}
        places |= {event.place for event in project.events if event.place}
        organisations |= {entry.organisation for entry in project.organisations}
        organisations |= {funding.funder for funding in project.funding}
        programmes |= {funding.programme for funding in project.funding if funding.programme}
    sources |= set(values["source"])
    places |= {place for place in values["place"] if place}
    while True:  # until nothing new is reached: parents, funders, publishers, their sources
        before = (len(sources), len(places), len(organisations), len(programmes))
        for pid in list(programmes):
            programme = portfolio.programmes[pid]
            organisations.add(programme.funder)
            sources.add(programme.source)
            if programme.parent:
                programmes.add(programme.parent)
        for oid in list(organisations):
            organisation = portfolio.organisations[oid]
            sources.add(organisation.source)
            if organisation.place:
                places.add(organisation.place)
        for sid, source in portfolio.sources.items():
            if source.translation_of in sources:
                sources.add(sid)  # the same report in another language
        for sid in list(sources):
            source = portfolio.sources[sid]
            if source.translation_of:
                sources.add(source.translation_of)
            if source.publisher:
                organisations.add(source.publisher)
        if before == (len(sources), len(places), len(organisations), len(programmes)):
            break
    return {
        "sources": sources,
        "places": places,
        "organisations": organisations,
        "programmes": programmes,
    }
