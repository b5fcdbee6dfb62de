"""Session analysis end to end through the job runner, the real openai SDK and the fake server:
one call per session, splits past the budget, invalid replies, never paying twice."""

from __future__ import annotations

from debrief.config import Settings
from debrief.jobs.runner import run_job
from debrief.metrics import TOKENS
from debrief.models import (
    AnswerAnalysis,
    Job,
    JobKind,
    JobStatus,
    Question,
    Recording,
    RecordingStatus,
    Session,
    SessionAnalysis,
    Transcript,
)
from debrief.runtime import open_runtime
from debrief.services.analysis.reply import RUBRIC_SCHEMA_NAME, SESSION_SCHEMA_NAME
from tests.fakes import FakeOpenAIServer, Fault
from tests.services.analysis.conftest import CODEWORDS, build_session, run_analysis


def tokens_billed(direction: str) -> float:
    return TOKENS.labels("gpt-4o-mini", direction)._value.get()  # type: ignore[attr-defined]


def analysis_calls(fake: FakeOpenAIServer) -> list:
    return [
        c
        for c in fake.calls_to("chat.completions")
        if c.summary["schema_name"] == SESSION_SCHEMA_NAME
    ]


async def analyses_by_position(built) -> dict[int, AnswerAnalysis]:
    rows = {
        a.recording_id: a
        for a in await AnswerAnalysis.filter(recording_id__in=[r.id for r in built.recordings])
    }
    return {i + 1: rows[r.id] for i, r in enumerate(built.recordings) if r.id in rows}


async def test_eight_answers_make_one_call_and_each_result_lands_on_its_recording(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(8)
    billed = tokens_billed("prompt"), tokens_billed("completion")
    await run_analysis(runtime, built.session)

    calls = fake_openai.calls_to("chat.completions")
    assert len(calls) == 1 and calls[0].status == 200
    assert calls[0].summary["recording_ids"] == [f"Q{i}" for i in range(1, 9)]
    session = await Session.get(id=built.session.id)
    assert session.status == "COMPLETE" and session.failure_reason is None
    by_position = await analyses_by_position(built)
    assert sorted(by_position) == list(range(1, 9))
    for position, row in by_position.items():
        own = CODEWORDS[position - 1]
        text = " ".join([row.summary or "", *row.strengths, *row.concerns]).lower()
        assert own in text, (own, text)  # drawn from its own answer, not a neighbour's
        assert not any(w in text for w in CODEWORDS if w != own), text
        assert 1 <= row.score <= 5 and row.provider == "openai" and row.model == "gpt-4o-mini"
        assert row.metrics["words_per_minute"] == 120.0  # 60 words in 30 s of speech
        assert row.prompt_tokens > 0 and row.completion_tokens > 0
    verdict = await SessionAnalysis.get(session_id=built.session.id)
    assert verdict.summary and verdict.recommendation and 1 <= verdict.score <= 5
    # Token usage is shared out without loss: the rows add up to what the provider billed.
    rows = [*by_position.values(), verdict]
    assert sum(r.prompt_tokens for r in rows) == tokens_billed("prompt") - billed[0]
    assert sum(r.completion_tokens for r in rows) == tokens_billed("completion") - billed[1]


async def test_a_session_over_the_token_budget_is_split_and_each_answer_analysed_once(
    settings: Settings, db: None, fake_openai: FakeOpenAIServer
) -> None:
    small = settings.model_copy(update={"analysis_token_budget": 2_500})
    async with open_runtime(small, run_job=run_job) as runtime:
        built = await build_session(8, words_per_answer=150)
        await run_analysis(runtime, built.session)

    calls = analysis_calls(fake_openai)
    assert len(calls) >= 2
    sent = [rid for call in calls for rid in call.summary["recording_ids"]]
    assert sorted(sent) == sorted(f"Q{i}" for i in range(1, 9))  # each answer exactly once
    by_position = await analyses_by_position(built)
    assert len(by_position) == 8 and all(r.provider == "openai" for r in by_position.values())
    verdict = await SessionAnalysis.get(session_id=built.session.id)
    assert verdict.provider == "openai" and verdict.summary
    assert (await Session.get(id=built.session.id)).status == "COMPLETE"


async def test_an_invalid_reply_is_retried_once_then_completes_on_local_metrics_with_reason(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(3)
    fake_openai.script("chat.completions", [Fault.invalid_json(), Fault.invalid_json()])
    job = await run_analysis(runtime, built.session)

    assert len(fake_openai.calls_to("chat.completions")) == 2
    assert job.status == JobStatus.DONE and job.failure_class == "invalid_reply"
    session = await Session.get(id=built.session.id)
    assert session.status == "COMPLETE"
    assert "not a valid analysis" in session.failure_reason
    assert "local speech metrics" in session.failure_reason
    assert (await SessionAnalysis.get(session_id=built.session.id)).provider == "local"
    by_position = await analyses_by_position(built)
    assert len(by_position) == 3
    for row in by_position.values():
        assert row.provider == "local" and row.score is None
        assert row.metrics["word_count"] == 60 and row.metrics["words_per_minute"] == 120.0


async def test_a_rejected_key_completes_the_session_on_local_metrics_and_says_why(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(2)
    fake_openai.script("chat.completions", [Fault.unauthorized()])
    job = await run_analysis(runtime, built.session)

    assert len(fake_openai.calls_to("chat.completions")) == 1  # permanent: no retry
    assert job.failure_class == "permanent"
    session = await Session.get(id=built.session.id)
    assert session.status == "COMPLETE" and "permanent" in session.failure_reason
    assert "sk-" not in session.failure_reason and "sk-" not in (job.last_error or "")
    verdict = await SessionAnalysis.get(session_id=built.session.id)
    assert verdict.provider == "local" and verdict.summary
    rows = (await analyses_by_position(built)).values()
    assert len(rows) == 2 and all(r.metrics["word_count"] == 60 for r in rows)


async def test_answers_without_a_transcript_are_not_sent(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(2)
    await Transcript.filter(recording_id__in=[r.id for r in built.recordings]).delete()
    await Recording.filter(session_id=built.session.id).update(status=RecordingStatus.FAILED)
    await run_analysis(runtime, built.session)

    assert fake_openai.calls == []
    assert (await Session.get(id=built.session.id)).status == "COMPLETE"
    for row in (await analyses_by_position(built)).values():
        assert row.provider == "local" and "Transcription failed" in row.summary


async def test_one_invalid_reply_is_recovered_by_the_retry(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(2)
    fake_openai.script("chat.completions", [Fault.invalid_json()])
    await run_analysis(runtime, built.session)
    assert len(fake_openai.calls_to("chat.completions")) == 2
    assert (await Session.get(id=built.session.id)).status == "COMPLETE"
    assert all(r.provider == "openai" for r in (await analyses_by_position(built)).values())


async def test_reanalysis_with_nothing_changed_makes_no_call(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(4)
    await run_analysis(runtime, built.session)
    before = {p: (r.score, r.summary) for p, r in (await analyses_by_position(built)).items()}
    fake_openai.reset()

    job = await run_analysis(runtime, built.session, force=True)

    assert job.status == JobStatus.DONE
    assert fake_openai.calls == []
    after = {p: (r.score, r.summary) for p, r in (await analyses_by_position(built)).items()}
    assert after == before
    assert (await Session.get(id=built.session.id)).status == "COMPLETE"


async def test_an_edited_rubric_sends_only_that_answer_again(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(4)
    await run_analysis(runtime, built.session)
    fake_openai.reset()
    third = built.questions[2]
    await Question.filter(id=third.id).update(
        rubric="Quantifies the outcome.", rubric_sha256="x" * 64
    )

    await run_analysis(runtime, built.session, force=True)

    calls = analysis_calls(fake_openai)
    assert len(calls) == 1 and calls[0].summary["recording_ids"] == ["Q3"]
    assert len(await analyses_by_position(built)) == 4
    assert (await Session.get(id=built.session.id)).status == "COMPLETE"


async def test_rubrics_are_generated_once_per_question_and_reused(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    first = await build_session(3, rubrics=False)
    await run_analysis(runtime, first.session)
    interview = await first.session.interview
    second = await build_session(3, interview=interview)
    await run_analysis(runtime, second.session)

    calls = fake_openai.calls_to("chat.completions")
    assert [c.summary["schema_name"] for c in calls] == [
        RUBRIC_SCHEMA_NAME,  # once, for both candidates
        SESSION_SCHEMA_NAME,
        SESSION_SCHEMA_NAME,
    ]
    # The second candidate gave the same answers: they are not sent again, only the
    # earlier verdicts for this session's summary.
    assert calls[2].summary["recording_ids"] == []
    questions = await Question.filter(interview=interview)
    assert all(q.rubric and q.rubric_source == "generated" for q in questions)


async def test_a_rate_limit_defers_the_job_and_the_rerun_completes(
    runtime, fake_openai: FakeOpenAIServer
) -> None:

    built = await build_session(2)
    fake_openai.script("chat.completions", [Fault.rate_limited(retry_after_s=7)])
    job = await Job.create(kind=JobKind.ANALYZE, subject_id=built.session.id)
    assert await run_job(runtime, job.id) == 7.0
    assert (await Session.get(id=built.session.id)).status == "ANALYZING"
    assert await run_job(runtime, job.id) is None
    assert (await Session.get(id=built.session.id)).status == "COMPLETE"


async def test_without_a_model_the_analysis_is_the_metrics(
    settings: Settings, db: None, fake_openai: FakeOpenAIServer
) -> None:
    local = settings.model_copy(update={"openai_api_key": None})
    async with open_runtime(local, run_job=run_job) as runtime:
        built = await build_session(3, rubrics=False)
        await run_analysis(runtime, built.session)

    assert fake_openai.calls == []
    for row in (await analyses_by_position(built)).values():
        assert row.provider == "local" and row.score is None and row.model is None
        assert row.metrics["words_per_minute"] == 120.0
        assert "120 words per minute" in row.summary
    verdict = await SessionAnalysis.get(session_id=built.session.id)
    assert verdict.provider == "local" and "3 of 3 questions answered" in verdict.summary
    assert all(
        q.rubric is None for q in await Question.filter(interview_id=built.session.interview_id)
    )
    assert (await Session.get(id=built.session.id)).status == "COMPLETE"
