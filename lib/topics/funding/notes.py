"""What the Funding page writes under its chart, marked for translation (lib/text/i18n's N_)
and translated where it is shown."""

from lib.text.i18n import N_

COUNTS = N_(
    "Funders: {funders}; funding lines: {lines}; projects: {projects}. A project paid by two "
    "funders has one line for each."
)
READING = N_(
    "Read left to right: funder, then the programme, strand and measure the report names, "
    "then the project. Block size: {size}. Hover over a block for the report's sentence."
)
BY_PROGRAMME = N_(
    "With {n} projects the chart stops at the programmes, each block sized by its "
    "projects; the table below lists every funding line."
)
