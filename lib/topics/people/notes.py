"""What the People supported and Participants pages write beside their figures, marked for
translation (lib/text/i18n's N_) and translated where they are shown."""

from lib.text.i18n import N_

KINDS_APART = N_(
    "Refugees supported directly, people trained, citizens informed and people engaged to "
    "prepare action plans are different kinds of people, so they are shown apart and never "
    "added together."
)
PERIODS = N_(
    "Periods are written as the reports give them. Where a report does not state the "
    "year (“January – April, year not stated”), the figure is not placed on a calendar. "
    "Lighter, hatched bars marked ≈ are approximate."
)
WITHOUT_NUMBER = N_(
    "The selected projects report these without a number; the table says what they report."
)
CITY_PARTS = N_(
    "Coloured parts: participants from each city, as the report breaks them down. Grey: the "
    "report gives the number but not where people came from, so it is not assigned to a "
    "city. Hover over a bar for the report's sentence."
)
CITY_FILTER_PART = N_(
    "With a city filter, an event broken down by city shows only the part from the selected cities."
)
