"""Audio: validate untrusted uploads, store them as compact Ogg/Opus, find and trim speech."""

from debrief.services.audio.decode import SAMPLE_RATE_HZ, probe_duration
from debrief.services.audio.prepare import PreparedAudio, prepare_audio, prepare_audio_async
from debrief.services.audio.speech import (
    TimeMap,
    TrimmedAudio,
    build_trimmed_copy,
    detect_speech,
    speech_seconds,
)

__all__ = [
    "SAMPLE_RATE_HZ",
    "PreparedAudio",
    "TimeMap",
    "TrimmedAudio",
    "build_trimmed_copy",
    "detect_speech",
    "prepare_audio",
    "prepare_audio_async",
    "probe_duration",
    "speech_seconds",
]
