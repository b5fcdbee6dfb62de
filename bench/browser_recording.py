"""What headless Chromium's MediaRecorder writes for speech, per requested Opus bitrate.

The fake microphone plays the fixture answers; each bitrate records the same seconds in its
own page, at once. For each file: bytes per second of answer (WebM container included), and
whether debrief keeps it as it is (remux, no second encode) under its as-is tolerance. The
client asks for `RECORDER_BITRATE_BPS`; this table is how that number and the tolerance in
`services/audio/transcode.py` were chosen.

Run: .venv/bin/python bench/browser_recording.py [--seconds 8]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import http.server
import sys
import tempfile
import threading
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from debrief.config import Settings  # noqa: E402
from debrief.services.audio.probe import open_audio  # noqa: E402
from debrief.services.audio.transcode import (  # noqa: E402
    RECORDER_BITRATE_BPS,
    can_store_as_is,
)
from tests.support.browser import CHROMIUM, chromium_args, fake_microphone_wav  # noqa: E402

BITRATES_BPS = sorted({8_000, 10_000, 12_000, RECORDER_BITRATE_BPS, 14_000, 16_000, 24_000})
RECORD_JS = """async ([bitrate, ms]) => {
  const stream = await navigator.mediaDevices.getUserMedia({audio: {channelCount: 1}});
  const options = {mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: bitrate};
  const rec = new MediaRecorder(stream, options);
  const chunks = [];
  rec.ondataavailable = (e) => chunks.push(e.data);
  const done = new Promise((r) => (rec.onstop = r));
  const t0 = performance.now();
  rec.start();
  await new Promise((r) => setTimeout(r, ms));
  rec.stop();
  await done;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let s = ''; for (const b of bytes) s += String.fromCharCode(b);
  return [btoa(s), (performance.now() - t0) / 1000];
}"""


def serve_blank_page() -> tuple[http.server.HTTPServer, str]:
    """getUserMedia needs a secure context: any page on 127.0.0.1 is one."""
    handler = http.server.SimpleHTTPRequestHandler
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


async def record_at(wav: Path, url: str, bitrates_bps: list[int], seconds: float) -> list[bytes]:
    """The WebM bytes Chromium records from ``wav`` (its fake microphone) at each bitrate,
    one page each, all at once (``url``: a page on 127.0.0.1, as getUserMedia needs)."""
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=chromium_args(wav))
        pages = [await browser.new_page() for _ in bitrates_bps]
        for page in pages:
            await page.goto(url)
        results = await asyncio.gather(
            *(
                page.evaluate(RECORD_JS, [bps, int(seconds * 1000)])
                for page, bps in zip(pages, bitrates_bps, strict=True)
            )
        )
        await browser.close()
    return [base64.b64decode(encoded) for encoded, _ in results]


async def measure(seconds: float) -> list[tuple[int, float, int, bool, int, int]]:
    work = Path(tempfile.mkdtemp(prefix="debrief-bench-"))
    wav = fake_microphone_wav(work / "microphone.wav")
    server, url = serve_blank_page()
    target_bps = Settings().opus_bitrate_bps
    rows = []
    try:
        recordings = await record_at(wav, url, BITRATES_BPS, seconds)
    finally:
        server.shutdown()
    for bps, recording in zip(BITRATES_BPS, recordings, strict=True):
        path = work / f"rec-{bps}.webm"
        path.write_bytes(recording)
        with open_audio(path) as (container, stream, probe):
            duration_s = sum(float(f.samples) / f.sample_rate for f in container.decode(stream))
        as_is = can_store_as_is(probe, duration_s=duration_s, bitrate_bps=target_bps)
        rows.append((bps, duration_s, probe.size_bytes, as_is, probe.channels, target_bps))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    rows = asyncio.run(measure(args.seconds))
    print(f"Chromium MediaRecorder, audio/webm;codecs=opus, {args.seconds:g} s of speech each")
    print(f"server target {rows[0][5]} bps; the client asks for {RECORDER_BITRATE_BPS} bps\n")
    print("| requested bps | seconds | bytes | B/s | file kbps | channels | stored as is |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
    for bps, duration_s, size, as_is, channels, _ in rows:
        per_s = size / duration_s
        print(
            f"| {bps} | {duration_s:.2f} | {size} | {per_s:.0f} | {per_s * 8 / 1000:.1f} "
            f"| {channels} | {'yes' if as_is else 'no'} |"
        )


if __name__ == "__main__":
    main()
