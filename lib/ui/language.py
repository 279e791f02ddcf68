"""The reader's language: chosen in the sidebar, kept in the URL as `?lang=bg`, and with no
`lang` in the URL taken from the browser's language, else English."""

from __future__ import annotations

import streamlit as st

from lib.model.languages import LANGUAGE_CODES, LANGUAGE_NAMES, SOURCE_LANGUAGE
from lib.text.i18n import tr
from lib.ui.widget_ids import entry_script_ids

KEY = "view.language"  # the language select box's session-state key
PARAM = "lang"
# "Language · Език · Јазик": the box's label in every language, since it is how a reader who
# cannot read the current one finds theirs. Written once; its widget id must never change.
LABEL = " · ".join(tr(code, "Language") for code in LANGUAGE_CODES)


def browser_language(locale: str | None) -> str:
    """'bg' for a browser set to 'bg-BG', 'mk' for 'mk', English for any language we lack."""
    code = (locale or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGE_CODES else SOURCE_LANGUAGE


def language_from_param(raw: list[str], fallback: str) -> tuple[str, bool]:
    """The language a `lang` URL parameter asks for, and whether it was refused (then
    `fallback`: the parameter names no language the dashboard has)."""
    if not raw:
        return fallback, False
    value = raw[-1].strip().lower()
    return (value, False) if value in LANGUAGE_CODES else (fallback, True)


def _browser_default() -> str:
    try:
        return browser_language(st.context.locale)
    except Exception:  # AppTest and bare scripts have no browser behind them
        return SOURCE_LANGUAGE


def language_picker() -> str:
    """Draw the language select box at the top of the sidebar and return the language."""
    default = _browser_default()
    if KEY not in st.session_state:
        language, refused = language_from_param(st.query_params.get_all(PARAM), default)
        st.session_state[KEY] = language
        st.session_state[KEY + ".refused"] = refused
    with entry_script_ids(), st.sidebar:  # its id must not change after the first run
        language = st.selectbox(
            LABEL,
            LANGUAGE_CODES,
            format_func=LANGUAGE_NAMES.__getitem__,
            key=KEY,
        )
        if st.session_state.get(KEY + ".refused"):
            st.warning(
                tr(
                    language,
                    "Ignored the language in the link: it must be one of {codes}.",
                    codes=", ".join(LANGUAGE_CODES),
                )
            )
    _write_url(language, default)
    return language


def _write_url(language: str, default: str) -> None:
    """Keep `lang` in the URL unless the browser would choose the same language without it."""
    if language == default:
        if PARAM in st.query_params:
            del st.query_params[PARAM]
    elif st.query_params.get(PARAM) != language:
        st.query_params[PARAM] = language


def current_language() -> str:
    """The language of this run, as the sidebar holds it."""
    return st.session_state.get(KEY, SOURCE_LANGUAGE)
