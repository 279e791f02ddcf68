# Each target installs what it needs, so it works on a fresh Debian machine with Python 3.11.
# uv is run as a Python module so that it is found right after `pip install uv`. It installs
# compiled bytecode: PYTHONDONTWRITEBYTECODE is set on our machines, so imports would be slow.
UV := python3 -m uv
# What the browser tests need from Debian: the browser, fonts with Cyrillic, pdftoppm.
BROWSER_PACKAGES := chromium fonts-dejavu-core fonts-noto-core poppler-utils

.PHONY: run test lint validate venv browser-packages bench

run: venv
	$(UV) run --frozen streamlit run dashboard.py

test: venv browser-packages
	$(UV) run --frozen pytest

lint: venv
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

validate: venv
	$(UV) run --frozen dashboard-data validate

# Not a test: times the app on the bundled data and on synthetic portfolios of 1,000 and 10,000
# projects (several runs, medians), and writes bench/results.json and bench/results.md.
bench: venv browser-packages
	$(UV) run --frozen python bench/run.py

venv:
	$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode

browser-packages:
	@if ! dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 \
				$(BROWSER_PACKAGES); \
		else \
			echo "The browser tests need: sudo apt-get install $(BROWSER_PACKAGES)"; \
		fi; \
	fi
