"""The view's filters as URL parameters and back; defaults are left out, bad values refused."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from lib.filters import Filters

# URL parameter -> Filters field, for the list-valued filters (comma-separated in the URL)
LIST_PARAMS = {
    "country": "countries",
    "city": "cities",
    "funder": "funders",
    "programme": "programmes",
    "project": "projects",
}
MAX_PARAM_LENGTH = 500


def filters_from_params(
    params: Mapping[str, Sequence[str]],
    options: Mapping[str, Sequence[str]],
    year_bounds: tuple[int, int] | None,
) -> tuple[Filters, list[str]]:
    """Filters from URL parameters (each key may repeat), and a notice for each value refused.

    `options` maps each Filters list field to its allowed ids.
    """
    notices: list[str] = []
    chosen: dict[str, tuple[str, ...]] = {}
    for param, field in LIST_PARAMS.items():
        values = _split(params.get(param, []), param, notices)
        allowed = set(options[field])
        unknown = [value for value in values if value not in allowed]
        if unknown:
            shown = ", ".join(_shown(value) for value in unknown[:5])
            notices.append(f"Ignored {param} {shown} from the link: there is no such {param}.")
        chosen[field] = tuple(dict.fromkeys(v for v in values if v in allowed))
    years = _years(params, year_bounds, notices)
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


def _shown(value: str) -> str:
    """Echo a refused value only when it is plainly harmless text; never markup from a link."""
    return f"'{value}'" if re.fullmatch(r"[A-Za-z0-9-]{1,40}", value) else "(an unreadable value)"


def _split(raw: Sequence[str], param: str, notices: list[str]) -> list[str]:
    if len(raw) > 1:
        notices.append(f"The link gives {param} {len(raw)} times; the values were combined.")
    values: list[str] = []
    for text in raw:
        if len(text) > MAX_PARAM_LENGTH:
            notices.append(f"Ignored {param} from the link: the value is too long.")
            continue
        values += [value.strip() for value in text.split(",") if value.strip()]
    return values


def _years(
    params: Mapping[str, Sequence[str]], bounds: tuple[int, int] | None, notices: list[str]
) -> tuple[int, int] | None:
    raw_from, raw_to = params.get("from", []), params.get("to", [])
    if not raw_from and not raw_to:
        return None
    if bounds is None:
        notices.append("Ignored the years in the link: no project states a year.")
        return None
    try:
        low = int(raw_from[-1]) if raw_from else bounds[0]
        high = int(raw_to[-1]) if raw_to else bounds[1]
    except ValueError:
        notices.append("Ignored the years in the link: from and to must be years like 2018.")
        return None
    if not (bounds[0] <= low <= high <= bounds[1]):
        notices.append(
            f"Ignored the years in the link: they must lie between {bounds[0]} and {bounds[1]}."
        )
        return None
    return (low, high) if (low, high) != bounds else None
