# The dashboard's image: one replica (Streamlit on port 8501). Built with uv from the lock file,
# run as a user without privileges. The snapshot is built when the container starts (the data
# may be a volume mounted then); compose.yaml and deploy/kubernetes.yaml build it once in a
# separate step instead, and start the replicas with DASHBOARD_SNAPSHOT_ONLY=1.
#   docker build -t impact-dashboard .
#   docker run -p 8501:8501 impact-dashboard
FROM python:3.11-slim-bookworm

ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never PYTHONUNBUFFERED=1
RUN pip install --no-cache-dir uv==0.13.9 \
    && useradd --create-home --uid 10001 dashboard

WORKDIR /app
# The dependencies first, in their own layer: a change of the code or data does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# lib/ compiled here, as `make venv` compiles it: the user the server runs as may not write
# /app, so each start compiled every module of lib again
RUN uv sync --frozen --no-dev \
    && .venv/bin/python -m compileall -q --invalidation-mode checked-hash lib \
    && mkdir -p /app/cache && chown dashboard /app/cache

ENV PATH=/app/.venv/bin:$PATH \
    DASHBOARD_DATA_DIR=/app/data \
    DASHBOARD_CACHE_DIR=/app/cache \
    DASHBOARD_AUDIENCE=public
USER dashboard
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
# A failed build leaves a snapshot published before (a volume on /app/cache) served; with none,
# the page says the data is being corrected and the log says why.
CMD ["sh", "-c", "dashboard-data build; export DASHBOARD_SNAPSHOT_ONLY=1; exec streamlit run dashboard.py --server.address 0.0.0.0 --server.port 8501 --server.fileWatcherType none"]
