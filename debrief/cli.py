"""`debrief serve | worker | migrate | keys | lifecycle | retention`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable

from debrief.config import Settings, get_settings


async def _with_orm(settings: Settings, work: Callable[[], Awaitable[None]]) -> None:
    from tortoise import Tortoise

    from debrief.db import run_migrations, tortoise_config

    await run_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        await work()
    finally:
        await Tortoise.close_connections()


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> None:
    from debrief.db import run_migrations

    asyncio.run(run_migrations(settings))
    print("migrations applied")


def cmd_keys_create(args: argparse.Namespace, settings: Settings) -> None:
    from debrief.services.auth import create_api_key

    async def work() -> None:
        key = await create_api_key(args.org)
        print(f"API key for organisation {args.org!r} (shown once; store it safely):")
        print(key)

    asyncio.run(_with_orm(settings, work))


def cmd_serve(args: argparse.Namespace, settings: Settings) -> None:
    import uvicorn

    from debrief.app import create_app
    from debrief.db import run_migrations

    asyncio.run(run_migrations(settings))
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")


def cmd_worker(args: argparse.Namespace, settings: Settings) -> None:
    if not settings.redis_url:
        sys.exit("debrief worker needs DEBRIEF_REDIS_URL (without it, jobs run inline in serve).")
    from arq.worker import run_worker

    from debrief.db import run_migrations
    from debrief.jobs.worker import WorkerSettings

    asyncio.run(run_migrations(settings))
    run_worker(WorkerSettings)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="debrief", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    sub.add_parser("worker", help="run an arq worker").set_defaults(func=cmd_worker)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)

    keys = sub.add_parser("keys", help="interviewer API keys").add_subparsers(
        dest="keys_command", required=True
    )
    create = keys.add_parser("create", help="create a key; prints it alone on the last line")
    create.add_argument("--org", required=True)
    create.set_defaults(func=cmd_keys_create)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    args.func(args, get_settings())


if __name__ == "__main__":
    main()
