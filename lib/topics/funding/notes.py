"""What the Funding page writes under its chart, marked for translation (lib/text/i18n's N_)
and translated where it is shown."""

from lib.text.i18n import N_

COUNTS = N_(
    "Funders: {funders}; funding lines: {lines}; projects: {projects}. A project paid by two "
    "funders has one line for each."
)
READING = N_(
    "Read top to bottom: each funder, then the programme, strand and measure the report "
    "names, then the project. Bar length: {size}. Hover over a bar for the report's "
    "sentence."
)
BY_PROGRAMME = N_(
    "With {n} projects the chart stops at the programmes, each bar as long as its "
    "projects; the table below lists every funding line."
)
