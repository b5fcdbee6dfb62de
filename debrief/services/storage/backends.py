"""Object storage: a local folder with HMAC-signed URLs, or S3 through aioboto3.

Only this module talks to the storage backend. Every request it makes is counted by operation
(``debrief_storage_requests_total``); signing a URL is local and counted separately.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import shutil
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, unquote, urlencode, urlsplit

import aioboto3
from aiobotocore.config import AioConfig
from botocore.exceptions import ClientError

from debrief.config import Settings
from debrief.errors import NotFoundError, ObjectArchived, StorageError
from debrief.metrics import STORAGE_REQUESTS, STORAGE_URLS_SIGNED
from debrief.services.costs.ledger import CostLedger

ARCHIVE_CLASSES = frozenset({"GLACIER", "DEEP_ARCHIVE"})
_EXPIRES = re.compile(r"[0-9]{1,12}", re.ASCII)
_SIGNATURE = re.compile(r"[0-9a-f]{64}", re.ASCII)


@dataclass(frozen=True)
class SignedUrl:
    url: str
    expires_at: datetime


@dataclass(frozen=True)
class ObjectInfo:
    size_bytes: int
    storage_class: str
    restore_status: str | None  # None, "ongoing" or "restored"
    restore_expires_at: datetime | None = None  # when a restored copy of an archive goes away


@dataclass(frozen=True)
class StoredObject:
    """One object as a listing shows it."""

    key: str
    size_bytes: int
    last_modified: datetime


DELETE_BATCH = 1000  # S3's DeleteObjects takes at most 1,000 keys


class StorageBackend(Protocol):
    name: str
    ledger: CostLedger  # every request it makes is recorded there

    async def put_file(self, key: str, path: Path, *, content_type: str) -> None: ...
    async def download_to(self, key: str, dest: Path) -> None: ...
    async def delete(self, key: str) -> None: ...
    async def head(self, key: str) -> ObjectInfo | None: ...
    async def list_objects(self, prefix: str) -> list[StoredObject]: ...
    async def delete_many(self, keys: list[str]) -> int: ...
    async def sign_url(self, key: str, *, expires_in_s: int, base_url: str) -> SignedUrl: ...
    async def request_restore(self, key: str, *, days: int) -> None: ...
    async def check(self) -> None: ...
    async def aclose(self) -> None: ...


def _expires_at(expires_in_s: int) -> datetime:
    return datetime.fromtimestamp(int(time.time()) + expires_in_s, tz=UTC)


class LocalStorage:
    """Objects in a folder; URLs are HMAC-signed with expiry and served by the app."""

    name = "local"

    def __init__(self, root: Path, *, signing_key: bytes, ledger: CostLedger | None = None) -> None:
        self.root = root.resolve()
        self.ledger = ledger or CostLedger.disabled()
        self._key = signing_key
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise NotFoundError("No such object.")
        return path

    async def put_file(self, key: str, path: Path, *, content_type: str) -> None:
        STORAGE_REQUESTS.labels("PutObject").inc()
        self.ledger.record_storage_request("PutObject", key=key)
        target = self.path_for(key)

        def _copy() -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(target.suffix + ".part")
            shutil.copyfile(path, tmp)
            tmp.replace(target)

        await asyncio.to_thread(_copy)
        self.ledger.record_bytes_stored(target.stat().st_size, key=key)

    async def download_to(self, key: str, dest: Path) -> None:
        STORAGE_REQUESTS.labels("GetObject").inc()
        self.ledger.record_storage_request("GetObject", key=key)
        source = self.path_for(key)
        if not source.exists():
            raise NotFoundError("No such object.")
        await asyncio.to_thread(shutil.copyfile, source, dest)

    async def delete(self, key: str) -> None:
        STORAGE_REQUESTS.labels("DeleteObject").inc()
        self.ledger.record_storage_request("DeleteObject", key=key)
        path = self.path_for(key)
        if path.exists():
            self.ledger.record_bytes_deleted(path.stat().st_size, key=key)
        path.unlink(missing_ok=True)

    async def list_objects(self, prefix: str) -> list[StoredObject]:
        """Every object whose key starts with ``prefix`` (a folder walk; partial files
        of a write in progress are not objects yet)."""
        STORAGE_REQUESTS.labels("ListObjectsV2").inc()
        self.ledger.record_storage_request("ListObjectsV2")

        def _walk() -> list[StoredObject]:
            folder, _, _ = prefix.rpartition("/")
            base = self.path_for(folder) if folder else self.root
            if not base.is_dir():
                return []
            found = []
            for path in base.rglob("*"):
                key = path.relative_to(self.root).as_posix()
                if not key.startswith(prefix) or key.endswith(".part") or not path.is_file():
                    continue
                stat = path.stat()
                found.append(
                    StoredObject(key, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC))
                )
            return sorted(found, key=lambda o: o.key)

        return await asyncio.to_thread(_walk)

    async def delete_many(self, keys: list[str]) -> int:
        for key in keys:
            await self.delete(key)
        return len(keys)

    async def head(self, key: str) -> ObjectInfo | None:
        STORAGE_REQUESTS.labels("HeadObject").inc()
        self.ledger.record_storage_request("HeadObject", key=key)
        path = self.path_for(key)
        if not path.exists():
            return None
        return ObjectInfo(path.stat().st_size, "STANDARD", None)

    def signature(self, key: str, expires: int) -> str:
        message = f"{key}\n{expires}".encode("utf-8", "surrogatepass")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    async def sign_url(self, key: str, *, expires_in_s: int, base_url: str) -> SignedUrl:
        STORAGE_URLS_SIGNED.inc()
        self.ledger.record_url_signed(key=key)
        expires_at = _expires_at(expires_in_s)
        expires = int(expires_at.timestamp())
        query = urlencode({"expires": expires, "signature": self.signature(key, expires)})
        return SignedUrl(f"{base_url.rstrip('/')}/files/{quote(key)}?{query}", expires_at)

    def verify(self, key: str, *, expires: str, signature: str) -> bool:
        """True when the signature is ours and has not expired; any other bytes are False
        (``str.isdigit`` accepts "²" and ``compare_digest`` raises on non-ASCII text)."""
        if not _EXPIRES.fullmatch(expires) or int(expires) < time.time():
            return False
        if not _SIGNATURE.fullmatch(signature):
            return False
        return hmac.compare_digest(self.signature(key, int(expires)).encode(), signature.encode())

    async def request_restore(self, key: str, *, days: int) -> None:
        return None

    async def check(self) -> None:
        if not self.root.is_dir():
            raise StorageError(f"Storage folder {self.root} is missing.")

    async def aclose(self) -> None:
        return None


def _restore_expiry(restore: str | None) -> datetime | None:
    """The expiry-date of a completed restore (``Restore: ongoing-request="false", ...``)."""
    match = re.search(r'expiry-date="([^"]+)"', restore or "")
    return parsedate_to_datetime(match.group(1)) if match else None


def _count_s3_request(event_name: str, **_: Any) -> None:
    STORAGE_REQUESTS.labels(event_name.rsplit(".", 1)[-1]).inc()


def _request_object_key(url: str, bucket: str) -> str | None:
    """The object key a request addresses (path or virtual-host style), None for the bucket."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path.startswith(f"/{bucket}/"):
        return path[len(bucket) + 2 :] or None
    if (parts.hostname or "").startswith(f"{bucket}."):
        return path.lstrip("/") or None
    return None


class S3Storage:
    """S3 or any S3-compatible store. Presigning is local: it makes no request."""

    name = "s3"

    def __init__(self, settings: Settings, *, ledger: CostLedger | None = None) -> None:
        self.bucket = settings.s3_bucket
        self.ledger = ledger or CostLedger.disabled()
        self._settings = settings
        self._stack = AsyncExitStack()
        self._client: Any = None

    async def start(self) -> S3Storage:
        s = self._settings
        session = aioboto3.Session(
            aws_access_key_id=s.s3_access_key_id,
            aws_secret_access_key=(
                s.s3_secret_access_key.get_secret_value() if s.s3_secret_access_key else None
            ),
            region_name=s.s3_region,
        )
        config = AioConfig(
            signature_version="s3v4",
            s3={"addressing_style": s.s3_addressing_style},
            retries={"max_attempts": 3, "mode": "standard"},
        )
        self._client = await self._stack.enter_async_context(
            session.client("s3", endpoint_url=s.s3_endpoint_url, config=config)
        )
        self._client.meta.events.register("before-send.s3.*", _count_s3_request)
        self._client.meta.events.register("before-send.s3.*", self._record_request)
        return self

    def _record_request(self, event_name: str, request: Any = None, **_: Any) -> None:
        """Every attempt S3 bills, attributed through the key it addresses (no plumbing)."""
        key = _request_object_key(request.url, self.bucket) if request is not None else None
        headers = getattr(request, "headers", None) or {}
        self.ledger.record_storage_request(
            event_name.rsplit(".", 1)[-1], headers.get("x-amz-storage-class"), key=key
        )

    @property
    def client(self) -> Any:
        assert self._client is not None, "S3Storage.start() must be awaited before use"
        return self._client

    async def ensure_bucket(self) -> None:
        try:
            await self.client.head_bucket(Bucket=self.bucket)
        except ClientError:
            await self.client.create_bucket(Bucket=self.bucket)

    async def put_file(self, key: str, path: Path, *, content_type: str) -> None:
        with path.open("rb") as body:
            await self.client.put_object(
                Bucket=self.bucket, Key=key, Body=body, ContentType=content_type
            )
        self.ledger.record_bytes_stored(path.stat().st_size, key=key)

    async def download_to(self, key: str, dest: Path) -> None:
        try:
            response = await self.client.get_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code")
            if code == "InvalidObjectState":
                raise ObjectArchived() from error
            if code in {"NoSuchKey", "404"}:
                raise NotFoundError("No such object.") from error
            raise StorageError(str(error)) from error
        body = response["Body"]
        try:
            with dest.open("wb") as out:
                while chunk := await body.read(1 << 16):
                    out.write(chunk)
        finally:
            body.close()

    async def delete(self, key: str) -> None:
        await self.client.delete_object(Bucket=self.bucket, Key=key)
        self.ledger.record_bytes_deleted(None, key=key)  # size: from its stored event

    async def list_objects(self, prefix: str) -> list[StoredObject]:
        """Every object under ``prefix``, page by page (1,000 keys a request)."""
        found: list[StoredObject] = []
        paginator = self.client.get_paginator("list_objects_v2")
        async for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                found.append(StoredObject(item["Key"], item["Size"], item["LastModified"]))
        return found

    async def delete_many(self, keys: list[str]) -> int:
        """Batched deletes (DeleteObjects, 1,000 keys a request); an error on any key raises."""
        for start in range(0, len(keys), DELETE_BATCH):
            batch = keys[start : start + DELETE_BATCH]
            response = await self.client.delete_objects(
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True},
            )
            if errors := response.get("Errors"):
                raise StorageError(f"{len(errors)} objects could not be deleted.")
            for key in batch:
                self.ledger.record_bytes_deleted(None, key=key)
        return len(keys)

    async def head(self, key: str) -> ObjectInfo | None:
        try:
            response = await self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise StorageError(str(error)) from error
        restore = response.get("Restore")
        restore_status = None
        if restore:
            restore_status = "ongoing" if 'ongoing-request="true"' in restore else "restored"
        return ObjectInfo(
            response["ContentLength"],
            response.get("StorageClass", "STANDARD"),
            restore_status,
            _restore_expiry(restore),
        )

    async def sign_url(self, key: str, *, expires_in_s: int, base_url: str) -> SignedUrl:
        """Presign a GET locally (SigV4): no request reaches S3."""
        STORAGE_URLS_SIGNED.inc()
        self.ledger.record_url_signed(key=key)
        url = await self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=expires_in_s
        )
        return SignedUrl(url, _expires_at(expires_in_s))

    async def request_restore(self, key: str, *, days: int) -> None:
        await self.client.restore_object(
            Bucket=self.bucket,
            Key=key,
            RestoreRequest={"Days": days, "GlacierJobParameters": {"Tier": "Standard"}},
        )

    async def put_lifecycle(self, configuration: dict[str, Any]) -> None:
        await self.client.put_bucket_lifecycle_configuration(
            Bucket=self.bucket, LifecycleConfiguration=configuration
        )

    async def get_lifecycle(self) -> dict[str, Any] | None:
        try:
            response = await self.client.get_bucket_lifecycle_configuration(Bucket=self.bucket)
        except ClientError as error:
            if "NoSuchLifecycleConfiguration" in str(error):
                return None
            raise
        return {"Rules": response.get("Rules", [])}

    async def check(self) -> None:
        await self.client.head_bucket(Bucket=self.bucket)

    async def aclose(self) -> None:
        await self._stack.aclose()


async def open_storage(settings: Settings, *, ledger: CostLedger | None = None) -> StorageBackend:
    """Build the configured backend (the caller closes it with ``aclose``)."""
    if settings.storage == "s3":
        storage = await S3Storage(settings, ledger=ledger).start()
        await storage.ensure_bucket()
        return storage
    return LocalStorage(settings.recordings_dir, signing_key=settings.signing_key, ledger=ledger)
