"""The original design, run for real against the same moto and fake OpenAI servers and
recorded by the same cost ledger: WAV at 8 kHz stored as uploaded, the whole recording sent
to whisper-1, one analysis call per recording, and on every result view a signed URL and a
download of every answer's audio."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

import httpx
from cost_workload import Workload, wav_8khz

from debrief.runtime import Runtime
from debrief.services.analysis import ChatClient, compute_speech_metrics
from debrief.services.analysis.prompt import AnswerBrief, ref_for, session_messages
from debrief.services.analysis.reply import SESSION_SCHEMA_NAME, batch_schema, parse_batch_reply
from debrief.services.costs import cost_scope
from debrief.services.transcription import OpenAITranscriber

TITLE = "Backend engineer"
QUESTIONS = (
    "Tell us about your experience building backend services.",
    "Describe a disagreement in your team and how it was resolved.",
    "Tell us about a failure and what you learned from it.",
    "How would you approach a slow API endpoint?",
    "What is the system you are proudest of, and why?",
    "How do you decide what to test?",
)


async def fetch_counted(runtime: Runtime, http: httpx.AsyncClient, url: str, key: str) -> int:
    """Download a signed URL as the reader's browser does; the storage bills the GET and the
    bytes, which the server never sees, so the client's count goes to the ledger."""
    response = await http.get(url)
    response.raise_for_status()
    runtime.ledger.record_storage_request("GetObject", key=key)
    runtime.ledger.record_bytes_downloaded(len(response.content), key=key)
    return len(response.content)


async def run_original(
    runtime: Runtime,
    workload: Workload,
    *,
    organization_id: uuid.UUID,
    views: int,
) -> None:
    """Every session of the workload through the original design."""
    transcriber = OpenAITranscriber(runtime.settings, model="whisper-1")
    chat = ChatClient(runtime.settings, ledger=runtime.ledger)
    work_dir = Path(tempfile.mkdtemp(prefix="original-", dir=runtime.settings.data_dir))
    async with httpx.AsyncClient() as http:
        for number in range(workload.sessions):
            session_id = uuid.uuid4()
            with cost_scope(organization_id=organization_id, session_id=session_id):
                keys = []
                for index, takes in enumerate(workload.takes(number)):
                    # A retake replaced the earlier object; every take was transcribed and
                    # analysed as it arrived (the original design had no notion of a final take).
                    key = ""
                    for answer in takes:
                        if key:
                            await runtime.storage.delete(key)
                        key = f"recordings/original/{session_id}/{uuid.uuid4()}.wav"
                        path = work_dir / "upload.wav"
                        path.write_bytes(wav_8khz(answer.data))
                        await runtime.storage.put_file(key, path, content_type="audio/wav")
                        # The worker fetched the WAV and sent all of it, silence included.
                        await runtime.storage.download_to(key, path)
                        heard = await transcriber.transcribe(path)
                        billed = heard.billed_seconds or 0.0
                        runtime.ledger.record_transcription(heard.model, billed)
                        question = QUESTIONS[index % len(QUESTIONS)]
                        await _analyse_one(chat, question, index + 1, heard.text, answer.duration_s)
                    keys.append(key)
                for _ in range(views):
                    for key in keys:
                        signed = await runtime.storage.sign_url(key, expires_in_s=600, base_url="")
                        await fetch_counted(runtime, http, signed.url, key)
    await transcriber.aclose()
    await chat.aclose()


async def _analyse_one(
    chat: ChatClient, question: str, position: int, transcript: str, duration_s: float
) -> None:
    """One chat call for one recording, with the same prompt parts debrief batches."""
    brief = AnswerBrief(
        ref=ref_for(position),
        position=position,
        question_text=question,
        time_limit_s=120,
        rubric=None,  # the original design had no rubrics: smaller prompts, cheaper for it
        transcript=transcript,
        metrics=compute_speech_metrics(text=transcript, duration_s=duration_s, time_limit_s=120),
    )
    await chat.complete(
        session_messages(title=TITLE, answers=[brief], digests=[], with_session=False),
        schema_name=SESSION_SCHEMA_NAME,
        schema=batch_schema([brief.ref], with_session=False),
        parse=lambda content: parse_batch_reply(content, [brief.ref], with_session=False),
        allow_defer=False,
    )
