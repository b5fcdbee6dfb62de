"""Bring an uploaded file to a private path on disk, counting bytes (never whole in memory)."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from debrief.config import Settings
from debrief.errors import UploadTooLarge

CHUNK_BYTES = 1 << 16


@asynccontextmanager
async def spooled_path(upload: Any, *, settings: Settings) -> AsyncIterator[Path]:
    """Yield a temporary file holding the upload; removed on exit."""
    settings.spool_dir.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=settings.spool_dir, prefix="upload-", delete=False)
    path = Path(handle.name)
    try:
        with handle:
            size = 0
            while chunk := await upload.read(CHUNK_BYTES):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    raise UploadTooLarge(
                        f"The upload exceeds the {settings.max_upload_bytes} byte limit."
                    )
                handle.write(chunk)
        yield path
    finally:
        path.unlink(missing_ok=True)
