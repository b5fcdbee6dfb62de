"""Speed speech up with its pitch kept (libavfilter ``atempo`` through PyAV).

A transcription API billed per second bills a faster copy for fewer seconds; whether the
words survive is measured in ``bench/speech_quality.py`` before any default is chosen.
"""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

from debrief.services.audio.decode import SAMPLE_RATE_HZ

_CHUNK_SAMPLES = 16_000
MIN_TEMPO, MAX_TEMPO = 0.5, 2.0  # atempo's range in one filter instance


def change_tempo(samples: np.ndarray, tempo: float) -> np.ndarray:
    """16 kHz mono float32 samples played ``tempo`` times faster, same pitch."""
    if tempo == 1.0 or len(samples) == 0:
        return samples
    if not MIN_TEMPO <= tempo <= MAX_TEMPO:
        raise ValueError(f"tempo must lie in [{MIN_TEMPO}, {MAX_TEMPO}], not {tempo}")
    graph = av.filter.Graph()
    source = graph.add_abuffer(
        format="flt",
        sample_rate=SAMPLE_RATE_HZ,
        layout="mono",
        time_base=Fraction(1, SAMPLE_RATE_HZ),
    )
    atempo = graph.add("atempo", f"{tempo:g}")
    sink = graph.add("abuffersink")
    source.link_to(atempo)
    atempo.link_to(sink)
    graph.configure()
    out: list[np.ndarray] = []

    def pull() -> None:
        while True:
            try:
                frame = graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            out.append(frame.to_ndarray().reshape(-1))

    for start in range(0, len(samples), _CHUNK_SAMPLES):
        chunk = np.ascontiguousarray(samples[start : start + _CHUNK_SAMPLES], dtype=np.float32)
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = SAMPLE_RATE_HZ
        frame.pts = start
        frame.time_base = Fraction(1, SAMPLE_RATE_HZ)
        graph.push(frame)
        pull()
    graph.push(None)
    pull()
    return np.concatenate(out).astype(np.float32) if out else samples[:0]
