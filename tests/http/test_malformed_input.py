"""Malformed input is a 4xx, never a 500: signatures and expiries of any bytes on ``/files``,
and request ids outside ``[A-Za-z0-9._-]{1,64}`` (replaced by a generated one)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from debrief.models import Job, Recording
from tests.conftest import ApiClient, fixture_path
from tests.support.lifecycle_seed import create_interview, download_link, seed_session


@pytest.mark.parametrize(
    ("expires", "signature"),
    [("²", "0" * 64), ("١٢٣٤٥٦٧٨٩٠", "0" * 64), ("9999999999", "é" * 64),
     ("9999999999", "\u0000"), ("-1", ""), ("9" * 400, "z")],
    ids=["superscript", "arabic-digits", "non-ascii-sig", "nul", "negative", "huge"],
)  # fmt: skip
async def test_odd_signatures_and_expiries_get_403(
    api: ApiClient, stack: str, expires: str, signature: str
) -> None:
    if stack != "sqlite-local":
        pytest.skip("/files serves the local backend only")
    key = await api.new_key()
    seeded = await seed_session(api, key, await create_interview(api, key, questions=1))
    url = (await download_link(api, key, seeded.recordings[0].id))["url"]
    path = url.split("?", 1)[0].removeprefix("http://testserver")
    response = await api.http.get(  # type: ignore[attr-defined]
        f"{path}?expires={quote(expires)}&signature={quote(signature)}"
    )
    assert response.status_code == 403, response.text


async def test_an_odd_request_id_is_replaced_and_the_upload_is_stored(api: ApiClient) -> None:
    key = await api.new_key()
    interview = await api.create_interview(key, questions=1)
    session, token = await api.start_session(key, interview["key"])
    response = await api.upload(
        token=token, session_id=session["id"], question_id=interview["questions"][0]["id"],
        content=fixture_path("answers/a1_experience.flac").read_bytes(),
        extra_headers={"X-Request-Id": "r" * 65 + " <script>"},
    )  # fmt: skip
    recording = response.json()["data"]["uploadRecording"]
    assert recording["__typename"] == "Recording", recording
    generated = response.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    assert (await Job.get(subject_id=recording["id"])).request_id == generated
    assert await Recording.filter(id=recording["id"]).exists()

    kept = await api.http.get("/healthz", headers={"X-Request-Id": "client-42.a_b"})  # type: ignore[attr-defined]
    assert kept.headers["x-request-id"] == "client-42.a_b"
