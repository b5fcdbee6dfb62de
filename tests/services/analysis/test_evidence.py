"""Evidence-backed analysis: quotes are kept only where the candidate said them, timed from
the transcript's segments; a model's invented quotes are dropped and counted, in the same
single call per session."""

from __future__ import annotations

from debrief.models import AnswerAnalysis, Transcript
from debrief.services.analysis.evidence import locate_quotes, words
from debrief.services.analysis.reply import SESSION_SCHEMA_NAME
from tests.fakes import FakeOpenAIServer, Fault
from tests.services.analysis.conftest import build_session, run_analysis

SEGMENTS = [
    {"start": 0.0, "end": 4.2, "text": " On project alpha, I led the backend work."},
    {"start": 4.2, "end": 9.8, "text": " We measured first, then changed the queue design."},
    {"start": 9.8, "end": 13.0, "text": " And the error rate fell by half."},
]
TEXT = "".join(s["text"] for s in SEGMENTS).strip()
FABRICATED = ("I single-handedly tripled revenue", "we shipped it to ten million users")


def test_a_quote_matches_across_case_spacing_and_punctuation_with_its_segments_times() -> None:
    located = locate_quotes(
        ["then CHANGED   the queue design and the error rate"], transcript=TEXT, segments=SEGMENTS
    )
    assert located.dropped == 0
    [evidence] = located.kept
    assert evidence.quote == "then CHANGED the queue design and the error rate"
    assert (evidence.start, evidence.end) == (4.2, 13.0)  # second segment to third


def test_paraphrases_inventions_and_partial_words_are_dropped_and_counted() -> None:
    located = locate_quotes(
        [
            "I led the backend work",  # said
            "I led the frontend work",  # paraphrase
            "error rate fell by a half",  # a word added
            "alph",  # part of a word is not a word
            "",
            *FABRICATED,
        ],
        transcript=TEXT,
        segments=SEGMENTS,
    )
    assert [e.quote for e in located.kept] == ["I led the backend work"]
    assert located.dropped == 6


def test_without_segments_a_quote_is_kept_untimed() -> None:
    located = locate_quotes(["the error rate fell"], transcript=TEXT, segments=[])
    assert [(e.start, e.end) for e in located.kept] == [(None, None)]


async def test_fabricated_quotes_from_the_model_are_dropped_and_kept_ones_are_in_transcripts(
    runtime, fake_openai: FakeOpenAIServer
) -> None:
    built = await build_session(3)
    for transcript in await Transcript.filter(recording_id__in=[r.id for r in built.recordings]):
        # Several segments, so a quote's times come from where it is.
        said = transcript.text.split()
        thirds = [said[: len(said) // 3], said[len(said) // 3 : 2 * len(said) // 3]]
        thirds.append(said[2 * len(said) // 3 :])
        transcript.segments = [
            {"start": 10.0 * i, "end": 10.0 * i + 9.5, "text": " " + " ".join(part)}
            for i, part in enumerate(thirds)
        ]
        await transcript.save(update_fields=["segments"])
    fake_openai.script("chat.completions", [Fault.fabricated_quotes(*FABRICATED)])

    await run_analysis(runtime, built.session)

    calls = [
        c
        for c in fake_openai.calls_to("chat.completions")
        if c.summary["schema_name"] == SESSION_SCHEMA_NAME
    ]
    assert len(calls) == 1  # evidence costs no extra call
    transcripts = {
        t.recording_id: t  # type: ignore[attr-defined]
        for t in await Transcript.filter(recording_id__in=[r.id for r in built.recordings])
    }
    for recording in built.recordings:
        analysis = await AnswerAnalysis.get(recording_id=recording.id)
        transcript = transcripts[recording.id]
        assert analysis.evidence, "the fake quotes each transcript; those quotes are kept"
        assert analysis.evidence_dropped == len(FABRICATED)
        said = " ".join(words(transcript.text))
        for evidence in analysis.evidence:
            assert " ".join(words(evidence["quote"])) in said
            assert evidence["quote"] not in FABRICATED
            segment_starts = {s["start"] for s in transcript.segments}
            segment_ends = {s["end"] for s in transcript.segments}
            assert evidence["start"] in segment_starts and evidence["end"] in segment_ends
            assert evidence["start"] < evidence["end"]
