"""A session's analysis: local metrics for every answer, always; with a chat model, rubrics
generated once per question and one structured call for the whole session (split only past
the token budget), never paying twice for an answer already analysed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from uuid import UUID

from debrief.config import Settings
from debrief.metrics import ANALYSIS_QUOTES as QUOTES
from debrief.services.analysis.batching import (
    COMPLETION_TOKENS_PER_ANSWER,
    COMPLETION_TOKENS_SESSION,
    plan_batches,
    share_tokens,
)
from debrief.services.analysis.client import PROVIDER, ChatClient
from debrief.services.analysis.digests import answer_states, session_digests
from debrief.services.analysis.evidence import locate_quotes
from debrief.services.analysis.keys import answer_cache_key, session_cache_key, sha256_text
from debrief.services.analysis.local import local_answer_verdict, local_session_verdict
from debrief.services.analysis.metrics import SpeechMetrics, compute_speech_metrics
from debrief.services.analysis.prompt import (
    AnswerBrief,
    answer_block,
    estimate_tokens,
    question_block,
    ref_for,
    session_messages,
)
from debrief.services.analysis.records import (
    AnalysisOutcome,
    AnswerSource,
    AnswerVerdict,
    QuestionSource,
    SessionSource,
    SessionVerdict,
)
from debrief.services.analysis.reply import SESSION_SCHEMA_NAME, batch_schema, parse_batch_reply
from debrief.services.analysis.rubrics import generate_rubrics
from debrief.services.costs import CostLedger
from debrief.services.costs.budget import BUDGET_REASON
from debrief.services.openai.circuit import CircuitBreaker

ReuseLookup = Callable[[Sequence[str]], Awaitable[dict[str, AnswerVerdict]]]
NO_TRANSCRIPT_NOTE = "Transcription failed, so the answer was not assessed."


class SessionAnalyzer:
    """Built once per process; ``chat`` is None when no model is configured (metrics only)."""

    def __init__(self, settings: Settings, *, chat: ChatClient | None) -> None:
        self.chat = chat
        self.model = settings.openai_chat_model
        self.budget_tokens = settings.analysis_token_budget
        self.with_evidence = settings.analysis_evidence
        self.variant = "" if self.with_evidence else "-no-evidence"

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        ledger: CostLedger | None = None,
        circuit: CircuitBreaker | None = None,
    ) -> SessionAnalyzer:
        chat = (
            ChatClient(settings, ledger=ledger, circuit=circuit)
            if settings.openai_enabled
            else None
        )
        return cls(settings, chat=chat)

    async def aclose(self) -> None:
        if self.chat is not None:
            await self.chat.aclose()

    @property
    def circuit(self) -> CircuitBreaker | None:
        return self.chat.circuit if self.chat is not None else None

    async def analyze(
        self,
        source: SessionSource,
        outcome: AnalysisOutcome,
        *,
        reuse: ReuseLookup | None = None,
        allow_defer: bool = True,
        openai_allowed: Callable[[], Awaitable[bool]] | None = None,
    ) -> None:
        """Fill ``outcome``; on an error it holds what was done so far (the caller stores it).

        ``openai_allowed`` is asked before each model call (the daily budget); a no keeps the
        local metrics for what is left, with ``outcome.local_reason`` = ``budget``."""
        metrics = {a.recording_id: _metrics(a) for a in source.answers}
        outcome.metrics.update({rid: m.as_dict() for rid, m in metrics.items()})
        usable = [a for a in source.answers if a.transcribed and (a.transcript_text or "").strip()]
        chat = self.chat
        if chat is not None and usable and not await _allowed(openai_allowed, outcome):
            chat = None
        judged = {a.recording_id for a in usable} if chat is not None else set()
        for answer in source.answers:
            if answer.recording_id not in judged:  # by its figures alone
                outcome.answers[answer.recording_id] = local_answer_verdict(
                    answer.recording_id,
                    outcome.metrics[answer.recording_id],
                    note=None if answer.transcribed else NO_TRANSCRIPT_NOTE,
                )
        if chat is None or not usable:  # the figures are the whole analysis
            outcome.session = local_session_verdict(
                len(source.questions), list(outcome.metrics.values())
            )
            return
        questions = await self._with_rubrics(chat, source, outcome, allow_defer)
        briefs: dict[UUID, AnswerBrief] = {}
        keys: dict[UUID, str] = {}
        for answer in usable:
            rid, question = answer.recording_id, questions[answer.question.id]
            text = (answer.transcript_text or "").strip()
            keys[rid] = answer_cache_key(
                model=self.model,
                rubric_sha256=question.rubric_sha256,
                question_text=question.text,
                transcript_text=text,
                variant=self.variant,
            )
            briefs[rid] = AnswerBrief(
                ref=ref_for(question.position),
                position=question.position,
                question_text=question.text,
                time_limit_s=question.time_limit_s,
                rubric=question.rubric,
                transcript=text,
                metrics=metrics[rid],
            )
        outcome.answers.update(await self._reused(source, keys, outcome, reuse))
        session_key = session_cache_key(
            model=self.model, answer_states=answer_states(source, keys), variant=self.variant
        )
        pending = [briefs[rid] for rid in briefs if rid not in outcome.answers]
        if not pending and source.stored is not None and source.stored.cache_key == session_key:
            outcome.session = source.stored
            return
        batches = plan_batches(
            pending,
            cost=lambda batch, final: self._cost(source, questions, batch, final, outcome),
            budget_tokens=self.budget_tokens,
        )
        ids = {brief.ref: rid for rid, brief in briefs.items()}
        for index, batch in enumerate(batches):
            final = index == len(batches) - 1
            if index > 0 and not await _allowed(openai_allowed, outcome):  # the rest, local
                for brief in (b for rest in batches[index:] for b in rest):
                    rid = ids[brief.ref]
                    outcome.answers[rid] = local_answer_verdict(rid, outcome.metrics[rid])
                outcome.session = local_session_verdict(
                    len(source.questions), list(outcome.metrics.values())
                )
                return
            await self._call(
                chat, source, questions, batch, final, outcome,
                ids=ids, keys=keys, session_key=session_key, allow_defer=allow_defer,
            )  # fmt: skip

    async def _with_rubrics(
        self, chat: ChatClient, source: SessionSource, outcome: AnalysisOutcome, allow_defer: bool
    ) -> dict[UUID, QuestionSource]:
        """Every question of the interview with a rubric, generating the missing ones."""
        questions = {q.id: q for q in source.questions}
        missing = [q for q in source.questions if not q.rubric]
        if missing:
            completed = await generate_rubrics(
                chat, title=source.interview_title, questions=missing, allow_defer=allow_defer
            )
            outcome.rubrics.update(completed.value)
            outcome.add_usage(
                calls=completed.calls,
                prompt_tokens=completed.prompt_tokens,
                completion_tokens=completed.completion_tokens,
            )
            for qid, rubric in completed.value.items():
                questions[qid] = replace(
                    questions[qid], rubric=rubric, rubric_sha256=sha256_text(rubric)
                )
        return questions

    async def _reused(
        self,
        source: SessionSource,
        keys: dict[UUID, str],
        outcome: AnalysisOutcome,
        reuse: ReuseLookup | None,
    ) -> dict[UUID, AnswerVerdict]:
        """Answers whose analysis exists: on this recording, or on another one of the
        organisation with the same key (same question, rubric and transcript)."""
        found: dict[UUID, AnswerVerdict] = {}
        for answer in source.answers:
            key, stored = keys.get(answer.recording_id), answer.stored
            if key is not None and stored is not None and stored.cache_key == key:
                found[answer.recording_id] = replace(
                    stored, metrics=outcome.metrics[answer.recording_id]
                )
        wanted = {key: rid for rid, key in keys.items() if rid not in found}
        if wanted and reuse is not None:
            for key, verdict in (await reuse(list(wanted))).items():
                rid = wanted[key]
                found[rid] = replace(
                    verdict,
                    recording_id=rid,
                    metrics=outcome.metrics[rid],
                    prompt_tokens=0,
                    completion_tokens=0,
                )
        return found

    def _cost(
        self,
        source: SessionSource,
        questions: dict[UUID, QuestionSource],
        batch: Sequence[AnswerBrief],
        final: bool,
        outcome: AnalysisOutcome,
    ) -> int:
        """Estimated tokens of a call, its reply reserved."""
        digests = session_digests(source, questions, batch, outcome, estimate=True) if final else []
        messages = session_messages(
            title=source.interview_title,
            answers=batch,
            digests=digests,
            with_session=final,
            with_evidence=self.with_evidence,
        )
        schema = batch_schema(
            [b.ref for b in batch], with_session=final, with_evidence=self.with_evidence
        )
        reply = COMPLETION_TOKENS_PER_ANSWER * len(batch)
        return estimate_tokens(messages, schema) + reply + (COMPLETION_TOKENS_SESSION * final)

    async def _call(
        self,
        chat: ChatClient,
        source: SessionSource,
        questions: dict[UUID, QuestionSource],
        batch: Sequence[AnswerBrief],
        final: bool,
        outcome: AnalysisOutcome,
        *,
        ids: dict[str, UUID],
        keys: dict[UUID, str],
        session_key: str,
        allow_defer: bool,
    ) -> None:
        """One call; its answers (and the session verdict, if last) go into ``outcome``."""
        refs = [b.ref for b in batch]
        digests = (
            session_digests(source, questions, batch, outcome, estimate=False) if final else []
        )
        messages = session_messages(
            title=source.interview_title,
            answers=batch,
            digests=digests,
            with_session=final,
            with_evidence=self.with_evidence,
        )
        completed = await chat.complete(
            messages,
            schema_name=SESSION_SCHEMA_NAME,
            schema=batch_schema(refs, with_session=final, with_evidence=self.with_evidence),
            parse=lambda content: parse_batch_reply(content, refs, with_session=final),
            allow_defer=allow_defer,
        )
        outcome.add_usage(
            calls=completed.calls,
            prompt_tokens=completed.prompt_tokens,
            completion_tokens=completed.completion_tokens,
        )
        reply = completed.value
        by_ref = {a.recording_id: a for a in reply.answers}
        # Tokens are shared out by size: prompt by each answer's part of the prompt (the rest,
        # instructions and digests, to the session verdict), completion by each reply item.
        blocks = [len(question_block(b)) + len(answer_block(b)) for b in batch]
        shared = sum(len(m["content"]) for m in messages) - sum(blocks)
        prompt = share_tokens(completed.prompt_tokens, [*blocks, shared if final else 0])
        sizes = [len(by_ref[b.ref].model_dump_json()) for b in batch]
        session_size = len(reply.session.model_dump_json()) if reply.session else 0
        completion = share_tokens(completed.completion_tokens, [*sizes, session_size])
        sources = {a.recording_id: a for a in source.answers}
        for i, brief in enumerate(batch):
            item, rid = by_ref[brief.ref], ids[brief.ref]
            located = locate_quotes(
                item.evidence,
                transcript=brief.transcript,
                segments=sources[rid].transcript_segments,
            )
            outcome.quotes_kept += len(located.kept)
            outcome.quotes_dropped += located.dropped
            QUOTES.labels("kept").inc(len(located.kept))
            QUOTES.labels("dropped").inc(located.dropped)
            outcome.answers[rid] = AnswerVerdict(
                recording_id=rid,
                metrics=outcome.metrics[rid],
                provider=PROVIDER,
                model=self.model,
                score=float(item.score),
                summary=item.summary,
                strengths=tuple(item.strengths),
                concerns=tuple(item.concerns),
                cache_key=keys[rid],
                prompt_tokens=prompt[i],
                completion_tokens=completion[i],
                evidence=located.kept,
                evidence_dropped=located.dropped,
            )
        if final and reply.session is not None:
            outcome.session = SessionVerdict(
                provider=PROVIDER,
                model=self.model,
                score=round(reply.session.score, 2),
                summary=reply.session.summary,
                recommendation=reply.session.recommendation,
                cache_key=session_key,
                prompt_tokens=prompt[-1],
                completion_tokens=completion[-1],
            )


async def _allowed(
    openai_allowed: Callable[[], Awaitable[bool]] | None, outcome: AnalysisOutcome
) -> bool:
    if openai_allowed is None or await openai_allowed():
        return True
    outcome.local_reason = BUDGET_REASON
    return False


def _metrics(answer: AnswerSource) -> SpeechMetrics:
    return compute_speech_metrics(
        text=answer.transcript_text or "",
        transcript_segments=answer.transcript_segments,
        speech_s=answer.speech_s,
        speech_segments=answer.speech_segments,
        duration_s=answer.duration_s,
        time_limit_s=answer.question.time_limit_s,
    )
