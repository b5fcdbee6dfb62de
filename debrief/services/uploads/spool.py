"""Bring an uploaded file to a private path on disk, counting and hashing its bytes as they
stream (never whole in memory)."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from debrief.config import Settings
from debrief.errors import UploadTooLarge

CHUNK_BYTES = 1 << 16


@dataclass(frozen=True)
class SpooledUpload:
    """The uploaded bytes on disk: where, how many, and their sha256 (what an idempotency
    key is bound to)."""

    path: Path
    size_bytes: int
    sha256: str


@asynccontextmanager
async def spooled_upload(upload: Any, *, settings: Settings) -> AsyncIterator[SpooledUpload]:
    """Yield a temporary file holding the upload, with its size and sha256; removed on exit."""
    settings.spool_dir.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=settings.spool_dir, prefix="upload-", delete=False)
    path = Path(handle.name)
    digest = hashlib.sha256()
    try:
        with handle:
            size = 0
            while chunk := await upload.read(CHUNK_BYTES):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    raise UploadTooLarge(
                        f"The upload exceeds the {settings.max_upload_bytes} byte limit."
                    )
                digest.update(chunk)
                handle.write(chunk)
        yield SpooledUpload(path, size, digest.hexdigest())
    finally:
        path.unlink(missing_ok=True)


@asynccontextmanager
async def spooled_path(upload: Any, *, settings: Settings) -> AsyncIterator[Path]:
    """Yield a temporary file holding the upload; removed on exit."""
    async with spooled_upload(upload, settings=settings) as spooled:
        yield spooled.path
