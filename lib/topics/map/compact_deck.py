"""The one place the map leans on how pydeck and Streamlit work inside, and why.

pydeck writes a Deck's JSON indented by two spaces, a line a value (`json.dumps(...,
indent=2)`, with no option to turn it off), which makes every coordinate of the country outlines
a line: the bundled data's map is 354 KB that way and 68 KB without, and a portfolio's is
larger still, sent to every visitor's phone on every rerun. An indented dump also runs in
Python, not in the json module's C encoder: a portfolio's 600 KB took 40 ms, and as long again
to read back and write compact. `st.pydeck_chart` takes only a Deck and asks it for
`to_json()` on every rerun. So the Deck the map page draws writes its JSON once, compact, with
the function pydeck's own `to_json` turns its objects into JSON with (`default_serialize`,
public in pydeck.bindings.json_tools), and keys sorted as pydeck sorts them.

It is written by orjson, not by the json module: the same text (keys sorted by their code
points, UTF-8 left as it is, no spaces), in a quarter of the time. A deck of 1,800 cities at
100,000 projects (1.5 MB) took 18 ms of every filter change with the json module's C encoder,
4.7 ms with orjson; the decks of the bundled data, 10,000 and 100,000 projects in three
languages came out the same, character for character.

The page keeps a WrittenDeck: the JSON alone, and what Streamlit reads from the Deck beside it
(its tooltip and size, given to pydeck again). A deck's records of its cities (1,800 at 100,000
projects: a dict and three tuples each, their tooltips' texts) were kept with each filter's
results for nothing once written, and the cyclic collector walked them in each full round.

tests/test_page_map.py fails if either library changes what this relies on: this JSON must be
pydeck's, character for character once pydeck's indentation is taken out, and the JSON
Streamlit sends must be this one.
"""

from __future__ import annotations

from typing import Any

import orjson
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

# numpy's numbers written as numbers, as the json module writes numpy's floats (float's kin)
_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_SERIALIZE_NUMPY


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation, made on the first request and then reused."""

    def to_json(self) -> str:
        if getattr(self, "_compact_json", None) is None:
            written = orjson.dumps(self, default=default_serialize, option=_OPTIONS)
            self._compact_json = written.decode()
        return self._compact_json


class WrittenDeck(pdk.Deck):
    """A deck's JSON, `text`, with no layers: `kwargs` are the Deck's other settings."""

    def __init__(self, text: str, **kwargs: Any) -> None:
        super().__init__(layers=[], **kwargs)
        self._text = text

    def to_json(self) -> str:
        return self._text
