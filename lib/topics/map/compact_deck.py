"""The one place the map leans on how pydeck and Streamlit work inside, and why.

pydeck writes a Deck's JSON indented by two spaces, a line a value (`json.dumps(...,
indent=2)`, with no option to turn it off), which makes every coordinate of the country outlines
a line: the bundled data's map is 354 KB that way and 68 KB without, and a portfolio's is
larger still, sent to every visitor's phone on every rerun. `st.pydeck_chart` takes only a
Deck and asks it for `to_json()` on every rerun. So the Deck the map page draws gives its JSON
without indentation, worked out once (it is never changed after it is built).

tests/test_page_map.py fails if either library changes what this relies on: pydeck's JSON
must still parse to the same map, and the JSON Streamlit sends must still be this one.
"""

from __future__ import annotations

import json

import pydeck as pdk


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation, made on the first request and then reused."""

    def to_json(self) -> str:
        if getattr(self, "_compact_json", None) is None:
            indented = json.loads(super().to_json())
            self._compact_json = json.dumps(indented, separators=(",", ":"), ensure_ascii=False)
        return self._compact_json
