"""Data exports (a candidate's access request): one ZIP per session, built by a job.

The ZIP holds every object the session has, byte for byte as stored (answers, and kept
originals), ``session.json`` (the session, its transcripts, analyses with their evidence,
speech metrics and reviews) and a README. It is stored under ``exports/``, which the bucket's
lifecycle rule expires after a day (``services/lifecycle/rules.py``); the expiry sweep removes
its row then, and the object on backends without lifecycle rules. The URL is signed like a
download's. Erasing the session erases its exports (``services/retention/erasure.py``).

Asking again for a session that has not changed since (same version) returns the export
already built: no second copy is paid for.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from uuid import UUID, uuid4

from debrief.config import Settings
from debrief.errors import ExportFailed, ExportNotReady
from debrief.kit.ids import require_uuid
from debrief.models import (
    AnswerAnalysis,
    ExportStatus,
    Interview,
    JobKind,
    Question,
    Recording,
    Review,
    Session,
    SessionExport,
)
from debrief.services.auth.access import require_interviewer
from debrief.services.auth.credentials import Principal
from debrief.services.object_keys import export_key
from debrief.services.queue.outbox import add_job
from debrief.services.reads.results import session_results
from debrief.services.reviews import summarise
from debrief.services.storage.backends import SignedUrl, StorageBackend
from debrief.services.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

EXPORT_EXPIRY_DAYS = 1
CONTENT_TYPE = "application/zip"
POLL_S = 0.1
MIN_URL_S = 60  # an export about to expire is built again rather than handed out


@dataclass(frozen=True)
class ExportLink:
    url: str
    expires_at: datetime
    size_bytes: int


async def request_export(
    uow: UnitOfWork, principal: Principal, session: Session, *, settings: Settings
) -> SessionExport:
    """The session's current export, or a new one queued in the caller's transaction."""
    require_interviewer(principal)
    now = datetime.now(UTC)
    latest = (
        await SessionExport.filter(
            session_id=session.id,
            session_version=session.version,
            expires_at__gt=now + timedelta(seconds=MIN_URL_S),
        )
        .exclude(status=ExportStatus.FAILED)
        .order_by("-created_at")
        .first()
    )
    if latest is not None:
        return latest
    export_id = uuid4()
    export = await SessionExport.create(
        id=export_id,
        session_id=session.id,
        session_version=session.version,
        storage_backend=uow.storage.name,
        object_key=export_key(session.id, export_id),
        expires_at=now + timedelta(seconds=settings.export_ttl_s),
    )
    await add_job(uow, JobKind.EXPORT, export.id)
    return export


async def wait_until_built(export_id: UUID, *, timeout_s: float) -> SessionExport:
    """The export once its job has built it; ExportFailed, or ExportNotReady past the wait."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while True:
        export = await SessionExport.filter(id=export_id).first()
        if export is None:
            raise ExportFailed("The session was erased while its export was being built.")
        if export.status == ExportStatus.READY:
            return export
        if export.status == ExportStatus.FAILED:
            raise ExportFailed(f"The export could not be built: {export.failure_reason}")
        if loop.time() >= deadline:
            raise ExportNotReady()
        await asyncio.sleep(POLL_S)


async def sign_export(
    export: SessionExport, *, storage: StorageBackend, base_url: str, settings: Settings
) -> ExportLink:
    """A signed URL for a built export, never outliving the export itself."""
    left_s = int((export.expires_at - datetime.now(UTC)).total_seconds())
    expires_in_s = max(1, min(settings.export_url_expires_s, left_s))
    signed: SignedUrl = await storage.sign_url(
        export.object_key, expires_in_s=expires_in_s, base_url=base_url
    )
    assert export.size_bytes is not None, "only a READY export is signed"
    return ExportLink(signed.url, signed.expires_at, export.size_bytes)


async def build_export(
    export: SessionExport, session: Session, *, storage: StorageBackend, settings: Settings
) -> None:
    """Write the ZIP and mark the export READY (the export job's work)."""
    settings.spool_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="export-", dir=settings.spool_dir))
    try:
        files = await _download_objects(session, storage=storage, work=work)
        document = await session_document(session, files=files)
        path = work / "export.zip"
        await asyncio.to_thread(_write_zip, path, files, document)
        size_bytes = path.stat().st_size
        content_sha256 = await asyncio.to_thread(_sha256, path)
        await storage.put_file(export.object_key, path, content_type=CONTENT_TYPE)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    updated = await SessionExport.filter(id=export.id, status=ExportStatus.PENDING).update(
        status=ExportStatus.READY, size_bytes=size_bytes, content_sha256=content_sha256
    )
    if not updated:  # erased (or swept) meanwhile: no object may outlive its row
        await storage.delete(export.object_key)


async def mark_failed(export_id: UUID, reason: str) -> None:
    await SessionExport.filter(id=export_id, status=ExportStatus.PENDING).update(
        status=ExportStatus.FAILED, failure_reason=reason[:2000]
    )


async def sweep_expired_exports(storage: StorageBackend, *, now: datetime | None = None) -> int:
    """Remove exports past their expiry: the object (S3's rule may have done it) and the row."""
    now = now or datetime.now(UTC)
    expired = await SessionExport.filter(expires_at__lte=now)
    for export in expired:
        await storage.delete(export.object_key)
        await export.delete()
    return len(expired)


async def session_export_keys(session_id: UUID) -> list[str]:
    """Every export object a session may have (erasure deletes them)."""
    keys = await SessionExport.filter(session_id=session_id).values_list("object_key", flat=True)
    return [str(k) for k in keys]


# --- what goes in the ZIP


@dataclass(frozen=True)
class ExportedFile:
    recording_id: UUID
    role: str  # "recording" (as stored) or "original" (as uploaded, when kept)
    name: str  # path inside the ZIP
    path: Path  # where it was downloaded to
    object_key: str
    size_bytes: int
    content_sha256: str


async def _download_objects(
    session: Session, *, storage: StorageBackend, work: Path
) -> list[ExportedFile]:
    recordings = await Recording.filter(session_id=session.id).order_by("created_at", "id")
    positions = dict(
        await Question.filter(interview_id=session.interview_id).values_list("id", "position")
    )
    files = []
    for recording in recordings:
        stem = f"q{positions[recording.question_id]:02d}-{recording.id}"
        objects = [("recording", "recordings", recording.object_key)]
        if recording.original_object_key:
            objects.append(("original", "originals", recording.original_object_key))
        for role, folder, key in objects:
            suffix = PurePosixPath(key).suffix
            dest = work / f"{role}-{recording.id}{suffix}"
            await storage.download_to(key, dest)
            files.append(
                ExportedFile(
                    recording_id=recording.id,
                    role=role,
                    name=f"{folder}/{stem}{suffix}",
                    path=dest,
                    object_key=key,
                    size_bytes=dest.stat().st_size,
                    content_sha256=await asyncio.to_thread(_sha256, dest),
                )
            )
    return files


async def session_document(session: Session, *, files: list[ExportedFile]) -> dict[str, Any]:
    """session.json: the interviewer's view of the session, reviews and evidence included."""
    await session.refresh_from_db()
    data = await session_results(session)
    interview = await Interview.get(id=session.interview_id)
    recording_ids = [require_uuid(r["id"]) for r in data["recordings"]]
    analyses = {
        a.recording_id: a for a in await AnswerAnalysis.filter(recording_id__in=recording_ids)
    }
    reviews = await Review.filter(session_id=session.id).order_by("created_at", "id")
    by_recording: dict[UUID, list[dict[str, Any]]] = {}
    for review in reviews:
        if review.recording_id is not None:
            by_recording.setdefault(review.recording_id, []).append(_review(review))
    for recording in data["recordings"]:
        rid = require_uuid(recording["id"])
        analysis = analyses.get(rid)
        if recording["analysis"] is not None and analysis is not None:
            recording["analysis"]["evidence"] = list(analysis.evidence or [])
        recording["reviews"] = by_recording.get(rid, [])
        recording["files"] = [
            {"name": f.name, "role": f.role, "sizeBytes": f.size_bytes, "sha256": f.content_sha256}
            for f in files
            if f.recording_id == rid
        ]
    summary = summarise(reviews)
    data.update(
        {
            "interview": {"key": interview.key, "title": interview.title},
            "candidateEmail": session.candidate_email,
            "expiresAt": session.expires_at.isoformat() if session.expires_at else None,
            "reviews": [_review(r) for r in reviews if r.recording_id is None],
            "reviewSummary": {
                "averageRating": summary.average_rating,
                "decisions": [
                    {"decision": d.decision.value, "count": d.count} for d in summary.decisions
                ],
            },
            "exportedAt": datetime.now(UTC).isoformat(),
        }
    )
    return data


def _review(review: Review) -> dict[str, Any]:
    return {
        "id": str(review.id),
        "reviewer": review.reviewer,
        "rating": review.rating,
        "decision": review.decision.value if review.decision else None,
        "comment": review.comment,
        "createdAt": review.created_at.isoformat(),
    }


README = """\
debrief data export
===================

Session {session_id} of the interview "{title}" ({key}), exported {exported_at}.

session.json  the session as debrief holds it: the candidate's name and e-mail, each answer's
              question, transcript (with timed segments), analysis (score, summary,
              strengths, concerns, quotes from the transcript as evidence, speech metrics)
              and the reviewers' ratings, comments and decisions.
recordings/   every answer exactly as stored (Opus audio in Ogg), named q<question>-<id>.
originals/    the files as uploaded, when the interview kept them.

Files and their SHA-256:
{listing}
"""


def _write_zip(path: Path, files: list[ExportedFile], document: dict[str, Any]) -> None:
    listing = "\n".join(f"  {f.content_sha256}  {f.name}" for f in files) or "  (no recordings)"
    readme = README.format(
        session_id=document["id"],
        title=document["interview"]["title"],
        key=document["interview"]["key"],
        exported_at=document["exportedAt"],
        listing=listing,
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("README.txt", readme, compress_type=zipfile.ZIP_DEFLATED)
        body = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
        archive.writestr("session.json", body, compress_type=zipfile.ZIP_DEFLATED)
        for f in files:  # audio is compressed already: stored as is
            archive.write(f.path, f.name, compress_type=zipfile.ZIP_STORED)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            digest.update(chunk)
    return digest.hexdigest()
