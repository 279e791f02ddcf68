"""A chart a page keeps is sent as plotly would send it, and its dict is made only once."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io

from lib.ui.kept_figure import kept


def _figure() -> go.Figure:
    figure = go.Figure(go.Bar(x=["Shtip", "Strazhitsa"], y=[132, 127], name="Participants"))
    figure.update_layout(title="Participants by city", separators=", ")
    return figure


def test_a_kept_figure_is_sent_as_the_figure_itself_would_be():
    sent = plotly.io.to_json(kept(_figure()), validate=False)
    assert json.loads(sent) == json.loads(plotly.io.to_json(_figure(), validate=False))


def test_its_dict_is_made_once(monkeypatch):
    figure = kept(_figure())
    calls = []
    original = go.Figure.to_dict
    monkeypatch.setattr(go.Figure, "to_dict", lambda self: calls.append(1) or original(self))
    first, second = figure.to_dict(), figure.to_dict()
    assert first is second and len(calls) == 1
    assert first["data"][0]["y"] is not None and first["layout"]["title"]["text"] == (
        "Participants by city"
    )
