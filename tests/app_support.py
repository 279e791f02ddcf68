"""What the AppTest tests share: open the app on a page, set a sidebar filter, read a chart."""

from __future__ import annotations

import base64

import numpy as np
from fixture_data import ROOT
from streamlit.testing.v1 import AppTest

# The pages the dashboard's navigation lists. pages/presentation/app.py is not one of them: a
# link with `?present=1` opens it alone (tests/test_board_pack.py, tests/test_audience.py).
DASHBOARD_PAGES = sorted(
    str(path.relative_to(ROOT))
    for path in (ROOT / "pages").glob("*/app.py")
    if path.parent.name != "presentation"
)


def open_app(page: str | None = None) -> AppTest:
    """The whole app (router, sidebar, data check), switched to `page` like
    "pages/funding/app.py" when given."""
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    if page is not None:
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def set_filter(app: AppTest, name: str, value: object) -> None:
    """Choose a sidebar filter the way a user does: through its widget, which must be there."""
    key = f"filter.{name}"
    widgets = [w for w in (*app.multiselect, *app.slider) if w.key == key]
    assert widgets, f"no sidebar widget {key}: the page ran without the router"
    widgets[0].set_value(value).run()
    assert not app.exception, [e.value for e in app.exception]


def numbers(array: object) -> list[float]:
    """A Plotly array from a figure or a chart spec: a list, or plotly 7's packed base64."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)
