"""What ``Recording.downloadUrl`` answers: a signed link, or word that the object is archived."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry


@strawberry.type
class DownloadUrl:
    url: str
    expires_at: datetime


@strawberry.type
class ArchivedRecording:
    storage_class: str
    restore_status: str


DownloadUrlResult = Annotated[
    DownloadUrl | ArchivedRecording, strawberry.union("DownloadUrlResult")
]
