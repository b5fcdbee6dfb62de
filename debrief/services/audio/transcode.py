"""Write Ogg/Opus: encode 16 kHz mono samples, or move Opus packets from WebM without loss."""

from __future__ import annotations

import struct
from pathlib import Path

import av
import numpy as np

from debrief.services.audio.decode import SAMPLE_RATE_HZ
from debrief.services.audio.probe import AudioProbe, open_audio

OPUS_INPUT_RATE_HZ = 48_000  # what an Opus decoder always produces
# "voip" tunes libopus for speech intelligibility; 60 ms frames spend fewer bytes on framing.
OPUS_ENCODER_OPTIONS = {"application": "voip", "frame_duration": "60"}
# An Opus upload may run this much over the target and still be kept as it is: VBR and Ogg
# framing make our own output measure a few percent over its nominal bitrate.
AS_IS_BITRATE_TOLERANCE = 1.1
# What the web client asks of MediaRecorder, so that the browser's own Opus is stored as it is.
# Chromium's WebM/Opus on the labelled set (bench/browser_quality.py, 1,810 words): asking 12,
# 14 or 16 kbps gave pooled WER 0.264, 0.272, 0.271 against 0.238 for the original, at 1,338,
# 1,836 and 2,028 B/s: more bitrate bought no accuracy (the capture path costs the points), so
# the recorder asks the cheapest, all of it kept as it is (bench/browser_recording.py: 12.6 kbps).
RECORDER_BITRATE_BPS = 12_000
_FRAME_SAMPLES = 960 * 4
# Bit-exact muxing fixes the Ogg stream serial (random otherwise), so the same audio always
# gives the same bytes and sha256: the key that lets a transcript be reused without a call.
OGG_MUXER_OPTIONS = {"fflags": "+bitexact"}


def encode_opus(samples: np.ndarray, path: Path, *, bitrate_bps: int) -> None:
    """Encode 16 kHz mono float32 samples to an Ogg/Opus file."""
    with av.open(str(path), "w", format="ogg", options=dict(OGG_MUXER_OPTIONS)) as container:
        stream = container.add_stream(
            "libopus", rate=SAMPLE_RATE_HZ, options=dict(OPUS_ENCODER_OPTIONS)
        )
        stream.bit_rate = bitrate_bps
        stream.layout = "mono"
        stream.format = "flt"
        for start in range(0, len(samples), _FRAME_SAMPLES):
            chunk = np.ascontiguousarray(samples[start : start + _FRAME_SAMPLES]).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
            frame.sample_rate = SAMPLE_RATE_HZ
            frame.pts = start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def remux_opus_to_ogg(source: Path, path: Path) -> None:
    """Copy the Opus packets of a WebM/Matroska file into Ogg, without re-encoding."""
    with (
        open_audio(source) as (inp, in_stream, _),
        av.open(str(path), "w", "ogg", options=dict(OGG_MUXER_OPTIONS)) as out,
    ):
        out_stream = out.add_stream_from_template(in_stream)
        for packet in inp.demux(in_stream):
            if packet.dts is None:  # the empty flush packet
                continue
            packet.stream = out_stream
            out.mux(packet)


def can_store_as_is(probe: AudioProbe, *, duration_s: float, bitrate_bps: int) -> bool:
    """True for mono Opus at or under the target bitrate: re-encoding would only lose quality."""
    # Whole-file bitrate, container overhead included: what storing it as it is costs.
    file_bitrate_bps = probe.size_bytes * 8 / duration_s
    return (
        probe.codec == "opus"
        and probe.channels == 1
        and probe.stream_count == 1
        and probe.container in ("ogg", "webm", "matroska")
        and file_bitrate_bps <= bitrate_bps * AS_IS_BITRATE_TOLERANCE
    )


def opus_input_rate_hz(extradata: bytes | None) -> int:
    """The sample rate recorded in an OpusHead (the source's rate before Opus encoding)."""
    if extradata and len(extradata) >= 16 and extradata[:8] == b"OpusHead":
        (rate,) = struct.unpack_from("<I", extradata, 12)
        if rate:
            return int(rate)
    return OPUS_INPUT_RATE_HZ
