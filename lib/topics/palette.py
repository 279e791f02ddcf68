"""Colours that readers with colour-blindness can tell apart (Okabe and Ito, 2008)."""

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermilion
    "#F0E442",  # yellow (use last: weak on white)
    "#000000",  # black
)
UNKNOWN_GREY = "#8C8C8C"  # for "not reported" and other absent values
