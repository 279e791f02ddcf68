"""Text from the data shown as text: inert in Streamlit's markdown, whatever it contains."""

from __future__ import annotations

import re

# Every character CommonMark or Streamlit gives a meaning to: emphasis, links and images,
# headings, lists, tables, HTML, LaTeX ($), colour directives (:red[...]), emoji shortcodes.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def md(text: object) -> str:
    """`text` escaped so st.markdown shows it literally: no link, image, HTML, maths or colour."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")
