"""lib/ui/widget_ids.py, the one module on Streamlit's private API: what it calls is still
there (an upgrade that removes it fails here), and outside a script run it does nothing.
Whether it still keeps the first filter change is tests/test_websocket_session.py's test."""

from __future__ import annotations

import inspect

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils import script_run_context

from lib.ui.widget_ids import entry_script_ids


def test_the_private_streamlit_api_it_calls_is_still_there() -> None:
    assert callable(script_run_context.get_script_run_ctx)
    run_with = script_run_context.ScriptRunContext.run_with_active_hash
    assert list(inspect.signature(run_with).parameters) == ["self", "page_hash"]
    assert isinstance(inspect.getattr_static(PagesManager, "main_script_hash"), property)


def test_widget_ids_helper_is_harmless_outside_a_script_run() -> None:
    with entry_script_ids():
        pass
