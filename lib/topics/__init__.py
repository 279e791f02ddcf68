"""One package a dashboard topic: a pure `data.py` (tidy frames) and a pure `chart.py`."""
