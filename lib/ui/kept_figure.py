"""A chart a page keeps (lib/ui/view.py's `derived`) and draws again on every rerun.

Streamlit asks a plotly figure for its dict on every rerun, and plotly makes it afresh each
time: a deep copy, with every number array written out in base64, which was a sixth of a
10,000-project timeline's rerun. A kept figure is never changed after it is built, so its
dict is made once.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go


class KeptFigure(go.Figure):
    """A figure whose dict is worked out on the first request and then reused."""

    def to_dict(self) -> dict[str, Any]:
        if self.__dict__.get("_kept_dict") is None:
            self._kept_dict = super().to_dict()
        return self._kept_dict


def kept(figure: go.Figure) -> KeptFigure:
    """`figure`, to be kept unchanged and drawn on many reruns."""
    return KeptFigure(figure)
