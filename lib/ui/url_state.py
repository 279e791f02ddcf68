"""The view's filters as URL parameters and back; defaults are left out, bad values refused."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from lib.query.filters import Filters
from lib.text.escape import md
from lib.text.i18n import N_, tr

# URL parameter -> Filters field, for the list-valued filters (comma-separated in the URL)
LIST_PARAMS = {
    "country": "countries",
    "city": "cities",
    "funder": "funders",
    "programme": "programmes",
    "project": "projects",
}
# What each list parameter names, in the reader's words: a notice never shows "city" on a
# Bulgarian page. The same words as the search boxes' (lib/ui/search_select.py).
PARAM_WORDS = {
    "country": N_("countries"),
    "city": N_("cities"),
    "funder": N_("funders"),
    "programme": N_("programmes"),
    "project": N_("projects"),
}
MAX_PARAM_LENGTH = 500
# Parameters other parts of the dashboard read (the language, the project shown, presentation
# mode, the timeline's zoom): not filters, but not unknown either. Keep in step with
# lib/ui/language.py, lib/ui/presenting.py, lib/ui/project_choice.py, lib/ui/timeline_zoom.py
# and the presentation page.
OTHER_PARAMS = ("lang", "show", "present", "slide", "zoom")
KNOWN_PARAMS = frozenset((*LIST_PARAMS, "from", "to", *OTHER_PARAMS))
SHOWN_LENGTH = 40  # a refused value is echoed cut to this many characters


def filters_from_params(
    params: Mapping[str, Sequence[str]],
    options: Mapping[str, Sequence[str]],
    year_bounds: tuple[int, int] | None,
    language: str = "en",
) -> tuple[Filters, list[str]]:
    """Filters from URL parameters (each key may repeat), and a notice for each value refused.

    `options` maps each Filters list field to its allowed ids.
    """
    notices: list[str] = []
    strangers = [name for name in params if name not in KNOWN_PARAMS]
    if strangers:
        notices.append(
            tr(
                language,
                "Ignored {names} in the link: the dashboard has no such setting.",
                names=", ".join(_shown(name) for name in strangers[:5]),
            )
        )
    chosen: dict[str, tuple[str, ...]] = {}
    for param, field in LIST_PARAMS.items():
        values = _split(params.get(param, []), param, notices, language)
        allowed = set(options[field])
        unknown = [value for value in values if value not in allowed]
        if unknown:
            shown = ", ".join(_shown(value, language) for value in unknown[:5])
            notices.append(
                tr(
                    language,
                    "Ignored {values} from the link: not among the dashboard's {what}.",
                    values=shown,
                    what=tr(language, PARAM_WORDS[param]),
                )
            )
        chosen[field] = tuple(dict.fromkeys(v for v in values if v in allowed))
    years = _years(params, year_bounds, notices, language)
    return Filters(**chosen, years=years), notices


def params_from_filters(filters: Filters) -> dict[str, str]:
    """URL parameters for the filters, leaving out everything at its default."""
    params = {
        param: ",".join(getattr(filters, field))
        for param, field in LIST_PARAMS.items()
        if getattr(filters, field)
    }
    if filters.years is not None:
        params["from"], params["to"] = str(filters.years[0]), str(filters.years[1])
    return params


def _shown(value: str, language: str = "en") -> str:
    """A refused value as inert text: white space made single spaces, cut short, and every
    character markdown would act on escaped, so a link can put no markup on the page."""
    value = " ".join(value.split())
    if len(value) > SHOWN_LENGTH:
        value = value[: SHOWN_LENGTH - 1] + "…"
    return f"'{md(value)}'" if value else tr(language, "(an empty value)")


def _split(raw: Sequence[str], param: str, notices: list[str], language: str) -> list[str]:
    if len(raw) > 1:
        notices.append(
            tr(
                language,
                "The link gives {param} {n} times; the values were combined.",
                param=param,
                n=len(raw),
            )
        )
    values: list[str] = []
    for text in raw:
        if len(text) > MAX_PARAM_LENGTH:
            notices.append(
                tr(
                    language,
                    "Ignored {param} {value} from the link: the value is too long "
                    "({length} characters).",
                    param=param,
                    value=_shown(text, language),
                    length=len(text),
                )
            )
            continue
        values += [value.strip() for value in text.split(",") if value.strip()]
    return values


def _years(
    params: Mapping[str, Sequence[str]],
    bounds: tuple[int, int] | None,
    notices: list[str],
    language: str = "en",
) -> tuple[int, int] | None:
    raw_from, raw_to = params.get("from", []), params.get("to", [])
    if not raw_from and not raw_to:
        return None
    if len(raw_from) > 1 or len(raw_to) > 1:
        notices.append(
            tr(language, "Ignored the years in the link: it gives from or to more than once.")
        )
        return None
    if bounds is None:
        notices.append(tr(language, "Ignored the years in the link: no project states a year."))
        return None
    written = [text.strip() for text in (*raw_from, *raw_to)]
    if not all(re.fullmatch(r"[0-9]{4}", text) for text in written):
        notices.append(
            tr(
                language,
                "Ignored the years {values} in the link: from and to must be years like 2018.",
                values=", ".join(_shown(text, language) for text in written),
            )
        )
        return None
    low = int(raw_from[0]) if raw_from else bounds[0]
    high = int(raw_to[0]) if raw_to else bounds[1]
    if not (bounds[0] <= low <= high <= bounds[1]):
        notices.append(
            tr(
                language,
                "Ignored the years in the link: they must lie between {low} and {high}.",
                low=bounds[0],
                high=bounds[1],
            )
        )
        return None
    return (low, high) if (low, high) != bounds else None
