"""`debrief serve | worker | migrate | keys | lifecycle | retention | webhooks | storage`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import uvicorn
from arq.worker import Worker
from tortoise import Tortoise

from debrief.app import create_app
from debrief.config import Settings, get_settings
from debrief.db import run_migrations, tortoise_config
from debrief.errors import NotFoundError
from debrief.jobs.runner import run_job
from debrief.jobs.worker import worker_options, worker_queues
from debrief.logging import configure_logging
from debrief.models import Organization
from debrief.runtime import Runtime, open_runtime
from debrief.services.auth.credentials import create_api_key
from debrief.services.auth.keys import list_api_keys, revoke_api_key
from debrief.services.lifecycle import archive
from debrief.services.lifecycle import rules as lifecycle
from debrief.services.lifecycle.rules import (
    bands_from_prices,
    format_bands,
    format_plan,
    plan_from_database,
)
from debrief.services.queue.dispatch import ArqDispatcher
from debrief.services.retention.sweep import sweep_retention
from debrief.services.storage.orphans import sweep_orphans
from debrief.services.unit_of_work import unit_of_work
from debrief.services.webhooks import endpoints
from debrief.services.webhooks.delivery import redeliver
from debrief.services.webhooks.events import webhook_id


async def _with_orm(settings: Settings, work: Callable[[], Awaitable[None]]) -> None:
    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        await work()
    finally:
        await Tortoise.close_connections()


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> None:
    asyncio.run(run_migrations(settings))
    print("migrations applied")


def cmd_keys_create(args: argparse.Namespace, settings: Settings) -> None:
    async def work() -> None:
        key = await create_api_key(args.org, label=args.name, expires_in_days=args.expires_in_days)
        print(f"API key for organisation {args.org!r} (shown once; store it safely):")
        print(key)

    asyncio.run(_with_orm(settings, work))


def cmd_keys_list(args: argparse.Namespace, settings: Settings) -> None:

    def when(moment: datetime | None) -> str:
        return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"

    async def work() -> None:
        keys = await list_api_keys(args.org)
        print(f"{'id':36}  {'label':20}  {'prefix':8}  {'created':16}  {'last used':16}  "
              f"{'expires':16}  state")  # fmt: skip
        for key in keys:
            print(
                f"{key.id!s:36}  {(key.label or '-')[:20]:20}  {key.prefix:8}  "
                f"{when(key.created_at):16}  {when(key.last_used_at):16}  "
                f"{when(key.expires_at):16}  {key.state}"
            )

    asyncio.run(_with_orm(settings, work))


def cmd_keys_revoke(args: argparse.Namespace, settings: Settings) -> None:

    async def work() -> None:
        try:
            revoked_at = await revoke_api_key(args.key_id)
        except NotFoundError as error:
            print(error, file=sys.stderr)
            raise SystemExit(1) from error
        print(f"revoked {args.key_id} at {revoked_at:%Y-%m-%d %H:%M:%S} UTC")

    asyncio.run(_with_orm(settings, work))


def cmd_serve(args: argparse.Namespace, settings: Settings) -> None:
    asyncio.run(run_migrations(settings))
    app = create_app(settings)  # configures structured logging; uvicorn's loggers join it
    # uvicorn's access log follows DEBRIEF_LOG_LEVEL too: at WARNING it is off (and a flood of
    # refused requests no longer costs a formatted log line each).
    level = settings.log_level.lower()
    uvicorn.run(app, host=args.host, port=args.port, log_level=level, log_config=None)


def cmd_worker(args: argparse.Namespace, settings: Settings) -> None:
    if not settings.redis_url:
        sys.exit("debrief worker needs DEBRIEF_REDIS_URL (without it, jobs run inline in serve).")

    configure_logging(level=settings.log_level, json=settings.log_json)
    asyncio.run(run_migrations(settings))
    if args.queue is not None:
        Worker(**worker_options(settings, queue=args.queue, burst=args.burst)).run()
        return
    queues = worker_queues(settings)
    if len(queues) == 1:
        Worker(**worker_options(settings, queue_name=queues[0], burst=args.burst)).run()
        return

    async def serve_every_queue() -> None:  # one process, one arq worker per queue
        workers = [
            Worker(**worker_options(settings, queue_name=name, burst=args.burst)) for name in queues
        ]
        try:
            await asyncio.gather(*(worker.main() for worker in workers))
        finally:
            await asyncio.gather(*(worker.close() for worker in workers))

    asyncio.run(serve_every_queue())


async def _with_runtime(settings: Settings, work: Callable[[Runtime], Awaitable[None]]) -> None:
    async def inner() -> None:
        async with open_runtime(settings, run_job=run_job) as runtime:
            await work(runtime)

    await _with_orm(settings, inner)


def cmd_lifecycle_plan(args: argparse.Namespace, settings: Settings) -> None:
    async def work() -> None:
        print(format_plan(await plan_from_database(settings, now=datetime.now(UTC))))
        print(format_bands(await bands_from_prices(settings)))

    asyncio.run(_with_orm(settings, work))


def cmd_lifecycle_apply(args: argparse.Namespace, settings: Settings) -> None:
    async def work(runtime: Runtime) -> None:
        bands = await lifecycle.bands_from_prices(settings)  # prices, not today's objects
        expiry_days = await lifecycle.longest_retention_days(settings.retention_days)
        rules = lifecycle.lifecycle_rules(bands, expiry_days=expiry_days)
        try:
            applied = await lifecycle.apply_lifecycle(runtime.storage, rules, dry_run=args.dry_run)
        except lifecycle.LifecycleUnsupported:
            if not args.dry_run:
                raise
            print(json.dumps({"Rules": rules}, indent=2))
            print("(local storage: these rules only take effect on an S3 bucket)")
            return
        if args.dry_run:
            print(json.dumps(applied.configuration, indent=2))
        verb = "would change" if args.dry_run else "changed"
        print(f"bucket lifecycle: {verb if applied.changed else 'already up to date'}")

    try:
        asyncio.run(_with_runtime(settings, work))
    except lifecycle.LifecycleUnsupported as error:
        sys.exit(error.message)


def cmd_lifecycle_sync(args: argparse.Namespace, settings: Settings) -> None:
    async def work(runtime: Runtime) -> None:
        report = await archive.sync_with_bucket_rules(
            runtime.storage, url_cache=runtime.url_cache, now=datetime.now(UTC)
        )
        print(f"storage classes: {report.checked} checked, {report.changed} changed")

    try:
        asyncio.run(_with_runtime(settings, work))
    except lifecycle.LifecycleUnsupported as error:
        sys.exit(error.message)


def cmd_retention_sweep(args: argparse.Namespace, settings: Settings) -> None:
    async def work(runtime: Runtime) -> None:
        report = await sweep_retention(
            runtime.storage,
            runtime.cache,
            now=datetime.now(UTC),
            dry_run=args.dry_run,
            url_cache=runtime.url_cache,
            default_retention_days=settings.retention_days,
            dispatcher=runtime.dispatcher,
        )
        for session_id in report.session_ids:
            print(f"{'would erase' if args.dry_run else 'erased'} session {session_id}")
        print(
            f"{'would remove' if args.dry_run else 'removed'}: {report.sessions} sessions, "
            f"{report.recordings} recordings, {report.objects} objects, "
            f"{report.transcripts} transcripts, {report.analyses} analyses"
        )
        if report.failed:
            print(f"{report.failed} sessions failed (see the log); the next sweep retries them")

    asyncio.run(_with_runtime(settings, work))


def cmd_storage_sweep_orphans(args: argparse.Namespace, settings: Settings) -> None:
    """Objects older than a day that no row names: listed (``--dry-run``) or deleted."""

    async def work(runtime: Runtime) -> None:
        report = await sweep_orphans(
            runtime.storage,
            now=datetime.now(UTC),
            min_age_s=settings.orphan_min_age_s,
            dry_run=args.dry_run,
        )
        for key in report.keys:
            print(f"{'would delete' if args.dry_run else 'deleted'} {key}")
        print(f"{report.listed} objects listed, {report.orphans} orphans, {report.deleted} deleted")

    asyncio.run(_with_runtime(settings, work))


def cmd_webhooks_list(args: argparse.Namespace, settings: Settings) -> None:

    async def work() -> None:
        organization = await Organization.filter(name=args.org).first()
        if organization is None:
            sys.exit(f"no organisation named {args.org!r}")
        for endpoint in await endpoints.list_endpoints(organization.id):
            state = "enabled"
            if endpoint.disabled_at is not None:
                state = (
                    f"disabled {endpoint.disabled_at:%Y-%m-%d %H:%M} ({endpoint.disabled_reason})"
                )
            print(f"endpoint {endpoint.id} {endpoint.url}")
            print(f"  events: {', '.join(endpoint.events)}")
            print(f"  {state}")
            page = await endpoints.list_deliveries(endpoint, first=args.limit, after=None)
            for d in page.rows:
                code = d.last_response_code if d.last_response_code is not None else "-"
                due = f" next {d.next_attempt_at:%Y-%m-%d %H:%M:%S}" if d.next_attempt_at else ""
                print(
                    f"  delivery {d.id} {d.event.type} {d.status.value} attempts={d.attempts}"
                    f" last={code}{due} {webhook_id(d.event)}"
                )

    asyncio.run(_with_orm(settings, work))


def cmd_webhooks_redeliver(args: argparse.Namespace, settings: Settings) -> None:

    async def work(runtime: Runtime) -> None:
        workers = runtime.dispatcher if isinstance(runtime.dispatcher, ArqDispatcher) else None
        try:
            async with unit_of_work(runtime.storage, workers) as uow:
                delivery = await redeliver(uow, args.delivery_id)
        except (NotFoundError, ValueError):
            sys.exit(f"no webhook delivery {args.delivery_id}")
        if workers is not None:
            print(f"delivery {delivery.id}: queued for the workers")
            return
        # Embedded mode has no worker: make this attempt here; `debrief serve` resumes the rest.
        await run_job(runtime, uow.job_ids[-1])
        await delivery.refresh_from_db()
        print(f"delivery {delivery.id}: {delivery.status.value}, attempts {delivery.attempts}, "
              f"last response {delivery.last_response_code or delivery.last_error}")  # fmt: skip

    asyncio.run(_with_runtime(settings, work))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="debrief", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="run an arq worker")
    worker.add_argument("--burst", action="store_true", help="exit once the queue is empty")
    worker.add_argument(
        "--queue",
        choices=("transcription", "analysis", "housekeeping"),
        help="serve one kind of work's queue (see DEBRIEF_*_QUEUE_NAME); default: every queue",
    )
    worker.set_defaults(func=cmd_worker)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)

    keys = sub.add_parser("keys", help="interviewer API keys").add_subparsers(
        dest="keys_command", required=True
    )
    create = keys.add_parser("create", help="create a key; prints it alone on the last line")
    create.add_argument("--org", required=True)
    create.add_argument("--name", help="a label for the key (shown by `keys list`)")
    create.add_argument("--expires-in-days", type=float, help="refused after this many days")
    create.set_defaults(func=cmd_keys_create)
    listing = keys.add_parser("list", help="an organisation's keys (never the secrets)")
    listing.add_argument("--org", required=True)
    listing.set_defaults(func=cmd_keys_list)
    revoke = keys.add_parser("revoke", help="revoke a key by its id")
    revoke.add_argument("key_id")
    revoke.set_defaults(func=cmd_keys_revoke)

    lifecycle = sub.add_parser("lifecycle", help="storage lifecycle rules").add_subparsers(
        dest="lifecycle_command", required=True
    )
    lifecycle.add_parser(
        "plan", help="price each storage class against the stored objects"
    ).set_defaults(func=cmd_lifecycle_plan)
    apply = lifecycle.add_parser("apply", help="put the bucket's lifecycle rules")
    apply.add_argument("--dry-run", action="store_true", help="print the JSON, send nothing")
    apply.set_defaults(func=cmd_lifecycle_apply)
    lifecycle.add_parser(
        "sync", help="learn archived recordings' storage class from S3 (HEAD)"
    ).set_defaults(func=cmd_lifecycle_sync)

    retention = sub.add_parser("retention", help="retention of recordings").add_subparsers(
        dest="retention_command", required=True
    )
    sweep = retention.add_parser("sweep", help="erase sessions past their retention")
    sweep.add_argument("--dry-run", action="store_true", help="show what would go")
    sweep.set_defaults(func=cmd_retention_sweep)

    webhooks = sub.add_parser("webhooks", help="webhook endpoints and deliveries").add_subparsers(
        dest="webhooks_command", required=True
    )
    listing = webhooks.add_parser("list", help="an organisation's endpoints and deliveries")
    listing.add_argument("--org", required=True)
    listing.add_argument("--limit", type=int, default=20, help="deliveries per endpoint")
    listing.set_defaults(func=cmd_webhooks_list)
    again = webhooks.add_parser("redeliver", help="send a delivery again (same webhook-id)")
    again.add_argument("delivery_id")
    again.set_defaults(func=cmd_webhooks_redeliver)
    # storage (issue 14): objects no row names
    storage = sub.add_parser("storage", help="stored objects").add_subparsers(
        dest="storage_command", required=True
    )
    orphans = storage.add_parser(
        "sweep-orphans", help="delete objects older than a day that no recording row names"
    )
    orphans.add_argument("--dry-run", action="store_true", help="list them, delete nothing")
    orphans.set_defaults(func=cmd_storage_sweep_orphans)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    args.func(args, get_settings())


if __name__ == "__main__":
    main()
