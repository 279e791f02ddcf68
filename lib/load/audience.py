"""Who the dashboard is for: the public site sees published projects and no small counts of
vulnerable people; the board sees everything. Applied once, right after loading, so no page,
chart, download or export downstream ever holds what the public may not see.

Rules (data/README.md, "Audiences"):
- Public: projects with `published: false` are dropped, with their figures, and every report,
  organisation, programme and place that only they refer to.
- Public: a figure of an indicator marked `vulnerable: true` below `small_count_threshold`
  (settings.yaml) loses its value and its quote (which states the number); its precision
  becomes `suppressed` and `fewer_than` holds the threshold: it is shown as "fewer than N".
  Its sentence is withheld from the report's text and from every translation of the report,
  and so is any quote that runs into it (lib/load/withheld_sentences.py).
- Parts and wholes: where a reported whole has exactly one suppressed cell among its parts,
  the smallest other part is withheld too (`suppressed` with no `fewer_than`, shown as
  "withheld"), so the small one cannot be found by subtraction.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.load.withheld_sentences import redacted, touches, translation_families, withheld_spans
from lib.model.membership import is_in
from lib.model.packed import ChangedView
from lib.model.portfolio import Portfolio
from lib.model.projects import ProjectParts, Projects
from lib.model.sources import only_sources, source_column, source_table
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
    every = Projects.held(portfolio.projects)
    rows = every.parts.projects
    shown = rows["published"].to_numpy(dtype=bool)
    published = rows.loc[shown, "id"].tolist()
    values = values[is_in(values["project"], published)].reset_index(drop=True)
    values, spans = _suppress(portfolio, values)
    # with every project published, the public parts are the same frames, not a copy
    parts = every.parts if shown.all() else every.parts.only(published)
    kept = _referenced(portfolio, parts, values)
    texts = ChangedView(
        portfolio.source_texts,
        kept["sources"].to_pylist(),
        lambda sid, text: redacted(text, spans.get(sid, []), REDACTED_TEXT),
    )
    quoted = _QuotesWithheld(portfolio.source_texts, spans)
    return dataclasses.replace(
        portfolio,
        projects=every.only(
            published, quoted.of if spans else None, quoted.parts(parts) if spans else parts
        ),
        values=values,
        source_texts=texts,
        sources=only_sources(portfolio.sources, kept["sources"]),
        places=_only(portfolio.places, kept["places"]),
        organisations=quoted.all(_only(portfolio.organisations, kept["organisations"])),
        programmes=quoted.all(_only(portfolio.programmes, kept["programmes"])),
        fingerprint=f"{portfolio.fingerprint}-public",
    )


def _only(entries: dict, ids: set[str]) -> dict:
    return {key: entry for key, entry in entries.items() if key in ids}


def _suppress(portfolio: Portfolio, values: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Small counts of vulnerable people, and one complement per group, made unreadable;
    with the withheld sentences of each report (report id -> spans)."""
    threshold = portfolio.settings.small_count_threshold
    vulnerable = {code for code, i in portfolio.indicators.items() if i.vulnerable}
    values = values.copy()
    small = pd.Series(is_in(values["indicator"], vulnerable), index=values.index)
    small &= values["value"].notna()
    small &= values["value"].fillna(threshold) < threshold
    hidden = small | _complements(values, small)
    if not hidden.any():
        return values, {}
    rows = values[hidden]
    numbers = [None if pd.isna(n) else int(n) for n in rows["value"]]
    ids, originals = (source_column(portfolio.sources, name) for name in ("id", "translation_of"))
    families = translation_families(dict(zip(ids, originals, strict=True)))
    texts = portfolio.source_texts
    hidden_quotes = zip(rows["source"], rows["quote"], numbers, strict=True)
    spans = withheld_spans(texts, hidden_quotes, families)
    values.loc[hidden, "value"] = pd.NA
    values.loc[hidden, "precision"] = SUPPRESSED
    values.loc[small, "fewer_than"] = threshold
    values.loc[hidden, "quote"] = WITHHELD_QUOTE
    # Any other figure whose quote runs into a withheld sentence: one sentence often gives
    # all the cities ("300 from Kumanovo … 3 from Gevgelija"), or a quote runs on into it.
    for index in values.index[values["source"].isin(set(spans)) & ~hidden]:
        source = values.at[index, "source"]
        if touches(texts.get(source), values.at[index, "quote"], spans[source]):
            values.at[index, "quote"] = WITHHELD_QUOTE
    return values, spans


class _QuotesWithheld:
    """Entries (projects and what they cite, organisations, programmes) with every quote
    that runs into a withheld sentence replaced; unchanged entries are the same objects."""

    def __init__(self, texts: dict[str, str], spans: dict) -> None:
        self.texts, self.spans = texts, spans

    def all(self, entries: dict) -> dict:
        return {key: self.of(entry) for key, entry in entries.items()} if self.spans else entries

    def parts(self, parts: ProjectParts) -> ProjectParts:
        """The projects' columns with what `of` does to their quotes: an event's, a link's
        and the quote of a project's dates (the columns that hold quotes)."""
        events, links, projects = parts.events.copy(), parts.links.copy(), parts.projects.copy()
        events["quote"] = self._column(events["source"], events["quote"])
        links["quote"] = self._column(links["source"], links["quote"])
        projects["dates_quote"] = self._column(projects["dates_source"], projects["dates_quote"])
        return dataclasses.replace(parts, events=events, links=links, projects=projects)

    def _column(self, sources: pd.Series, quotes: pd.Series) -> pd.Series:
        quotes = quotes.copy()
        for at in np.flatnonzero(is_in(sources, self.spans)):  # rows citing such a report
            source, quote = sources.iat[at], quotes.iat[at]
            if isinstance(quote, str) and touches(
                self.texts.get(source), quote, self.spans[source]
            ):
                quotes.iat[at] = WITHHELD_QUOTE
        return quotes

    def of(self, entry: Any) -> Any:
        if not self.spans:
            return entry
        update: dict[str, Any] = {}
        source, quote = getattr(entry, "source", None), getattr(entry, "quote", None)
        cited = isinstance(source, str) and isinstance(quote, str) and source in self.spans
        if cited and touches(self.texts.get(source), quote, self.spans[source]):
            update["quote"] = WITHHELD_QUOTE
        for name in ("places", "organisations", "funding", "links", "events", "notes"):
            items = getattr(entry, name, None)
            if isinstance(items, list):
                changed = [self.of(item) for item in items]
                if any(new is not old for new, old in zip(changed, items, strict=True)):
                    update[name] = changed
        dates_source = getattr(entry, "dates_source", None)
        if dates_source is not None and self.of(dates_source) is not dates_source:
            update["dates_source"] = self.of(dates_source)
        return entry.model_copy(update=update) if update else entry


def _follow(
    portfolio: Portfolio, sources: pa.Array, places: set, organisations: set, programmes: set
) -> pa.Array:
    """Add, in place, what the entries reach: a programme's funder, report and parent; an
    organisation's report and place; a report's publisher, the report it translates and its
    translations; give back the ids of the reports `sources` names and those reached, in the
    reports' order. Round by round, each round following what the last one added; the
    reports as a mask over their table, each report's original found once by position (one
    report at a time took a second of every start at 100,000 reports; a set of 100,000 ids
    made Arrow again for each look-up, 0.2 s)."""
    reports = source_table(portfolio.sources)
    ids, publishers = (reports[name].combine_chunks() for name in ("id", "publisher"))
    original = pc.index_in(reports["translation_of"].combine_chunks(), value_set=ids)
    original = pc.fill_null(original, -1).to_numpy(zero_copy_only=False)
    translated = original >= 0
    kept = np.zeros(len(ids), dtype=bool)
    added_reports = _mask(pc.is_in(ids, value_set=sources))
    found = {"programmes": programmes, "organisations": organisations}
    added = {kind: set(keys) for kind, keys in found.items()}
    while added_reports.any() or any(added.values()):
        kept |= added_reports
        reached: dict[str, set] = {kind: set() for kind in found}
        named: set = set()  # the reports the programmes and organisations name
        for programme in [portfolio.programmes[key] for key in added["programmes"]]:
            reached["organisations"].add(programme.funder)
            named.add(programme.source)
            reached["programmes"].add(programme.parent)
        for organisation in [portfolio.organisations[key] for key in added["organisations"]]:
            named.add(organisation.source)
            if organisation.place:
                places.add(organisation.place)
        reports_reached = np.zeros(len(ids), dtype=bool)
        if named:
            reports_reached |= _mask(pc.is_in(ids, value_set=pa.array(list(named), pa.string())))
        if added_reports.any():
            reports_reached[original[added_reports & translated]] = True  # what they translate
            reports_reached |= translated & added_reports[np.maximum(original, 0)]
            reached["organisations"].update(pc.unique(publishers.filter(added_reports)).to_pylist())
        added_reports = reports_reached & ~kept
        added = {
            kind: {key for key in reached[kind] if key and key not in found[kind]} for kind in found
        }
        for kind, keys in added.items():
            found[kind] |= keys
    return ids.filter(kept)


def _mask(found: pa.Array) -> np.ndarray:
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False)


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


def _ids(*columns: pd.Series) -> set[str]:
    """The distinct ids the columns name (a missing one is none)."""
    return {found for column in columns for found in column.dropna().unique().tolist()}


def _distinct_ids(*columns: pd.Series) -> pa.Array:
    """The distinct ids the columns name (a missing one is none), as Arrow texts: the
    reports' 100,000 ids are looked up in Arrow, never made Python texts and back."""
    arrays = [pa.array(column, from_pandas=True).cast(pa.string()) for column in columns]
    return pc.unique(pa.chunked_array(arrays, type=pa.string())).drop_null()


def _referenced(portfolio: Portfolio, parts: ProjectParts, values: pd.DataFrame) -> dict[str, Any]:
    """Ids of the reports (an Arrow array), places, organisations and programmes (sets) the
    kept projects (`parts`) and figures refer to, followed through organisations, programmes
    and publishers."""
    places = _ids(parts.places["place"], parts.links["from_place"], parts.links["to_place"])
    places |= _ids(parts.events["place"])
    organisations = _ids(parts.organisations["organisation"], parts.funding["funder"])
    programmes = _ids(parts.funding["programme"])
    places |= {place for place in _ids(values["place"]) if place}
    sources = _distinct_ids(parts.facts["source"], values["source"])
    sources = _follow(portfolio, sources, places, organisations, programmes)
    return {
        "sources": sources,
        "places": places,
        "organisations": organisations,
        "programmes": programmes,
    }
