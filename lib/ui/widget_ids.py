"""Give the widgets dashboard.py draws (the sidebar) the same ids from a session's first run on.

Streamlit 1.67 runs the entry script's first run of a session under another script hash than
every later run, and a widget's id includes that hash. The browser answers the first run with
the ids it was sent, so the server, now drawing the widgets under other ids, dropped the first
change a visitor made: the first city chosen after opening the dashboard was lost. Drawing the
widgets under the entry script's own hash keeps their ids the same in every run.

This is the one module that uses Streamlit's private API (`script_run_context`), and it stays
because no public one does the job: an explicit widget `key` does not help, since Streamlit
adds the active script hash to a widget's id even when it has a key (checked on 1.67: without
this module, tests/test_websocket_session.py's first filter change is dropped). That test
fails if an upgrade breaks the behaviour, and tests/test_widget_ids.py if it removes what this
module calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


@contextmanager
def entry_script_ids() -> Iterator[None]:
    """Within this block, widgets get the ids they will have in every run of the session."""
    context = get_script_run_ctx()
    if context is None:  # not in a script run (a plain import, a unit test)
        yield
        return
    with context.run_with_active_hash(context.pages_manager.main_script_hash):
        yield
