"""Chat calls and tokens per session: debrief's batched analysis vs one call per recording
(the original design), for sessions of 3, 8 and 20 answers (neither asking for evidence).

Both designs send the same instructions and, per answer, the same question, rubric, speech
metrics and transcript; they differ only in batching. The per-recording baseline gets no
session verdict at all (the original design had none), so it is the cheaper side of the
comparison. Token counts are the fake OpenAI server's ``usage`` (about four characters a
token, counting the messages and the json_schema, as the real API puts both in the model's
context). Rubrics are generated once per interview (shown apart: one call amortised over every
candidate); the sessions use a rubric of realistic length.

A second table measures evidence-backed analysis: the same batched call with and without
transcript quotes asked for (the instruction, the schema's ``evidence`` array, and the quotes
in the reply), and how many of the fake model's quotes were found in the transcripts.

Run: .venv/bin/python bench/analysis.py [--messages-only]  (the latter: schema not counted)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from debrief.config import Settings  # noqa: E402
from debrief.services.analysis import (  # noqa: E402
    AnalysisOutcome,
    AnswerSource,
    ChatClient,
    QuestionSource,
    SessionAnalyzer,
    SessionSource,
    compute_speech_metrics,
)
from debrief.services.analysis.keys import sha256_text  # noqa: E402
from debrief.services.analysis.prompt import AnswerBrief, ref_for, session_messages  # noqa: E402
from debrief.services.analysis.reply import (  # noqa: E402
    SESSION_SCHEMA_NAME,
    batch_schema,
    parse_batch_reply,
)
from debrief.services.analysis.rubrics import generate_rubrics  # noqa: E402
from tests.fakes import FakeOpenAIServer  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SIZES = (3, 8, 20)
WORDS_PER_MINUTE = 145.0  # a typical speaking pace, for the metrics' speech seconds
# What a model asked for "three to five criteria, at most 60 words" writes (the fake's own
# rubrics are eight words, too short to be fair to the baseline).
RUBRIC = (
    "Names a concrete situation and the candidate's own role. Explains the options weighed "
    "and why one was chosen. Gives a measurable outcome. Says what they would do differently. "
    "Weak answers stay generic or describe only the team's work."
)
QUESTIONS = (
    "Tell us about your experience building backend services.",
    "Describe a disagreement in your team and how it was resolved.",
    "Tell us about a failure and what you learned from it.",
    "How would you approach a slow API endpoint?",
    "What is the system you are proudest of, and why?",
    "How do you decide what to test?",
    "Describe a time you changed your mind about a technical decision.",
    "How do you keep a database schema migration safe?",
    "Tell us about a time you helped a colleague grow.",
    "How do you estimate a project you have never done before?",
)


@dataclass
class Tally:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    quotes_kept: int = 0
    quotes_dropped: int = 0

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens


def transcripts(long: bool) -> list[str]:
    """The fixtures' reference transcripts; ``long`` joins them into ~2-minute answers."""
    texts = [
        p.read_text().strip()
        for p in [FIXTURES / "jfk.txt", *sorted((FIXTURES / "answers").glob("*.txt"))]
    ]
    if not long:
        return texts
    return [" ".join(texts[(i + j) % len(texts)] for j in range(6)) for i in range(len(texts))]


def build_source(count: int, texts: list[str], rubrics: dict[int, str]) -> SessionSource:
    questions = []
    for i in range(count):
        rubric = rubrics.get(i + 1)
        text = f"{QUESTIONS[i % len(QUESTIONS)]} (part {i // len(QUESTIONS) + 1})"
        questions.append(
            QuestionSource(
                uuid.uuid4(), i + 1, text, 120, rubric, sha256_text(rubric) if rubric else None
            )
        )
    answers = []
    for i, question in enumerate(questions):
        text = texts[i % len(texts)]
        speech_s = len(text.split()) / WORDS_PER_MINUTE * 60
        answers.append(
            AnswerSource(
                recording_id=uuid.uuid4(),
                question=question,
                transcribed=True,
                transcript_text=text,
                transcript_segments=[],
                duration_s=speech_s + 3.0,
                speech_s=speech_s,
                speech_segments=[[1.0, 1.0 + speech_s]],
            )
        )
    return SessionSource(uuid.uuid4(), uuid.uuid4(), "Backend engineer", questions, answers)


async def batched(analyzer: SessionAnalyzer, source: SessionSource) -> Tally:
    outcome = AnalysisOutcome()
    await analyzer.analyze(source, outcome)
    return Tally(
        outcome.calls,
        outcome.prompt_tokens,
        outcome.completion_tokens,
        outcome.quotes_kept,
        outcome.quotes_dropped,
    )


async def per_recording(chat: ChatClient, source: SessionSource) -> Tally:
    """The original design: the same prompt parts, one call per answer, no session verdict."""
    tally = Tally()
    for answer in source.answers:
        question = answer.question
        brief = AnswerBrief(
            ref=ref_for(question.position),
            position=question.position,
            question_text=question.text,
            time_limit_s=question.time_limit_s,
            rubric=question.rubric,
            transcript=answer.transcript_text or "",
            metrics=compute_speech_metrics(
                text=answer.transcript_text or "",
                speech_s=answer.speech_s,
                speech_segments=answer.speech_segments,
                duration_s=answer.duration_s,
                time_limit_s=question.time_limit_s,
            ),
        )
        messages = session_messages(
            title=source.interview_title,
            answers=[brief],
            digests=[],
            with_session=False,
            with_evidence=False,  # the original design had no evidence either
        )
        done = await chat.complete(
            messages,
            schema_name=SESSION_SCHEMA_NAME,
            schema=batch_schema([brief.ref], with_session=False, with_evidence=False),
            parse=lambda c, ref=brief.ref: parse_batch_reply(c, [ref], with_session=False),
        )
        tally.calls += done.calls
        tally.prompt_tokens += done.prompt_tokens
        tally.completion_tokens += done.completion_tokens
    return tally


async def main(*, schema_in_prompt_tokens: bool) -> None:
    with FakeOpenAIServer(
        transcribe_with="digest", schema_in_prompt_tokens=schema_in_prompt_tokens
    ) as fake:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            openai_api_key=SecretStr("sk-bench"),
            openai_base_url=fake.base_url,
        )
        chat = ChatClient(settings)
        analyzer = SessionAnalyzer(settings, chat=chat)  # evidence asked for (the default)
        # Batching is compared like for like: neither side asks for evidence.
        plain = SessionAnalyzer(settings.model_copy(update={"analysis_evidence": False}), chat=chat)
        # Rubrics: one call for every question of the interview, paid once.
        blank = build_source(max(SIZES), transcripts(False), {})
        made = await generate_rubrics(
            chat, title="Backend engineer", questions=blank.questions, allow_defer=False
        )
        by_position = {q.position: RUBRIC for q in blank.questions}
        print(
            f"rubrics for {len(blank.questions)} questions: {made.calls} call, "
            f"{made.prompt_tokens + made.completion_tokens} tokens, once per interview\n"
        )
        header = (
            f"{'answers':>7} {'answer length':<14}{'batched calls':>14}{'tokens (p+c)':>16}"
            f"{'per-rec calls':>15}{'tokens (p+c)':>16}{'batched/per-rec':>17}"
        )
        print(header)
        print("-" * len(header))
        for long in (False, True):
            for count in SIZES:
                source = build_source(count, transcripts(long), by_position)
                ours = await batched(plain, source)
                theirs = await per_recording(chat, source)
                print(
                    f"{count:>7} {'~2 min' if long else 'fixtures':<14}{ours.calls:>14}"
                    f"{f'{ours.prompt_tokens}+{ours.completion_tokens}':>16}"
                    f"{theirs.calls:>15}"
                    f"{f'{theirs.prompt_tokens}+{theirs.completion_tokens}':>16}"
                    f"{ours.total / theirs.total:>16.0%}"
                )
        header = (
            f"\n{'answers':>7} {'answer length':<14}{'no evidence (p+c)':>19}"
            f"{'with evidence (p+c)':>21}{'change':>9}{'quotes kept/dropped':>21}"
        )
        print(header)
        print("-" * (len(header) - 1))
        for long in (False, True):
            for count in SIZES:
                source = build_source(count, transcripts(long), by_position)
                without = await batched(plain, source)
                with_quotes = await batched(analyzer, source)
                change = with_quotes.total / without.total - 1
                print(
                    f"{count:>7} {'~2 min' if long else 'fixtures':<14}"
                    f"{f'{without.prompt_tokens}+{without.completion_tokens}':>19}"
                    f"{f'{with_quotes.prompt_tokens}+{with_quotes.completion_tokens}':>21}"
                    f"{change:>+9.1%}"
                    f"{f'{with_quotes.quotes_kept}/{with_quotes.quotes_dropped}':>21}"
                )
        counted = "messages and json_schema" if schema_in_prompt_tokens else "messages only"
        print(f"\nprompt tokens count {counted}; budget per call {settings.analysis_token_budget}")
        await chat.aclose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages-only", action="store_true", help="do not count the schema")
    args = parser.parse_args()
    asyncio.run(main(schema_in_prompt_tokens=not args.messages_only))
