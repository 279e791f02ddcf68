# Each target installs what it needs, so it works on a fresh Debian machine with Python 3.11.
# uv is run as a Python module so that it is found right after `pip install uv`. It installs
# compiled bytecode: PYTHONDONTWRITEBYTECODE is set on our machines, so imports would be slow.
# The project's own modules (lib/, installed editable: left as source by uv) are compiled too:
# each server process compiled them again on import, 0.1-0.14 s of CPU at every start. A
# compiled module is checked against its source's hash when imported, so an edited file is
# never run from its old bytecode.
UV := python3 -m uv
# What the browser tests need from Debian: the browser, fonts with Cyrillic, pdftoppm.
BROWSER_PACKAGES := chromium fonts-dejavu-core fonts-noto-core poppler-utils
# What `make serve` (and its browser test) needs from Debian: the proxy in front of the replicas.
SERVE_PACKAGES := nginx
# `make serve`: how many replicas (default: one a core) and nginx's port.
REPLICAS ?= $(shell nproc)
SERVE_PORT ?= 8080

.PHONY: run serve test lint validate venv browser-packages serve-packages bench load-test \
	translations

run: venv
	$(UV) run --frozen streamlit run dashboard.py

# Several replicas behind nginx on one port (deploy/serve.py; README, "Deployment"): the
# snapshot is built once, then REPLICAS processes serve it.
serve: venv serve-packages
	$(UV) run --frozen python deploy/serve.py --replicas $(REPLICAS) --port $(SERVE_PORT)

test: venv browser-packages serve-packages
	$(UV) run --frozen pytest

lint: venv
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	PYTHONPATH=. $(UV) run --frozen lint-imports --no-cache

validate: venv
	$(UV) run --frozen dashboard-data validate

# Not a test: times the app on the bundled data and on synthetic portfolios of 1,000 and 10,000
# projects (several runs, medians), and writes bench/results.json and bench/results.md.
bench: venv browser-packages
	$(UV) run --frozen python bench/run.py

# Not a test: the site of `make serve` with 1 and $(REPLICAS) replicas, 50, 200 and 500 sessions
# through nginx, every figure checked; writes bench/load_results.json and .md.
load-test: venv serve-packages
	$(UV) run --frozen python bench/load_test.py --replicas $(REPLICAS)

# Finds every interface string in the code (tr, ntr, N_) and the indicators' descriptions,
# writes locale/dashboard.pot (without source locations: adding a page adds its own strings
# and rewrites no other line), and merges it into locale/{bg,mk}/LC_MESSAGES/dashboard.po: new
# strings come in empty, changed ones fuzzy, for a translator to fill in (Poedit, Weblate, a text
# editor). The app reads the .po files themselves; there is nothing to compile.
translations: venv
	PYTHONPATH=. $(UV) run --frozen pybabel -q extract -F babel.cfg --no-default-keywords \
		-k tr:2 -k ntr:2,3 -k N_ --add-comments=Translators: --sort-by-file --no-location -w 100 \
		--project=impact-dashboard -o locale/dashboard.pot .
	$(UV) run --frozen pybabel -q update -i locale/dashboard.pot -d locale -D dashboard -w 100 \
		--ignore-obsolete --no-fuzzy-matching --ignore-pot-creation-date

venv:
	$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode
	$(UV) run --frozen python -m compileall -q --invalidation-mode checked-hash lib

# Installs Debian packages when missing: as root (a fresh CI machine), else says what to run.
define debian-packages
	@if ! dpkg -s $(1) >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 $(1); \
		else \
			echo "This needs: sudo apt-get install $(1)"; \
		fi; \
	fi
endef

browser-packages:
	$(call debian-packages,$(BROWSER_PACKAGES))

serve-packages:
	$(call debian-packages,$(SERVE_PACKAGES))
