"""What the Timeline page writes beside its chart and tables, marked for translation
(lib/text/i18n's N_) and translated where it is shown. Plurals (ntr's pairs) stay on the page:
pybabel extracts a pair as one entry only there."""

import pandas as pd

from lib.model.portfolio import Portfolio
from lib.query.limits import names_text
from lib.query.names import project_titles
from lib.text.escape import md
from lib.text.i18n import N_, tr
from lib.topics.timeline.data import projects_off_axis_ids

MARKS = N_(
    "◆ and solid bars: dates known to the day. Lighter, hatched bars: known only to the "
    "month (“month only”) or the year (“year only”), drawn across the whole month or "
    "year. Hover over a mark for the report's sentence."
)
NOTHING_DATED = N_(
    "No selected project states a date with a year: nothing is placed on the time axis."
)
OFF_AXIS = N_("Not on the axis, because no date with a year is stated: {names}.")
NO_YEAR = N_(
    "The reports give the month but not the year (“June, year not stated”), so these "
    "are not placed on the time axis: any year would be a guess."
)


def off_axis_note(portfolio: Portfolio, places: pd.DataFrame, language: str = "en") -> str:
    """The projects left off the axis, named ('' when every project is on it), from
    data.timeline_places' rows."""
    titles = project_titles(portfolio, language)
    off_axis = list(dict.fromkeys(titles[pid] for pid in projects_off_axis_ids(places)))
    if not off_axis:
        return ""
    names = md(names_text(off_axis, separator="; ", language=language))
    return tr(language, OFF_AXIS, names=names)
