"""What the Map page writes beside the map, marked for translation (lib/text/i18n's N_) and
translated where it is shown. A plural (ntr's pair) stays on the page: pybabel extracts it
as one entry only there."""

from lib.text.i18n import N_

NO_COORDINATES = N_(
    "None of the places these projects name has coordinates, so there is nothing to map."
)
ALT = N_("Map of the partner cities of the selected projects and the links between them")
HOW_TO_MOVE = N_(
    "Drag to move, scroll or pinch to zoom; hover over a dot or a line for its projects, "
    "figures and sources. Country outlines: Natural Earth, no map service used."
)
