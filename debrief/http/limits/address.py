"""The client's address: the peer, or what a trusted proxy says in ``X-Forwarded-For``."""

from __future__ import annotations

from collections.abc import Collection

from starlette.types import Scope


def client_address(scope: Scope, *, trusted_proxies: Collection[str]) -> str:
    """The peer address; behind a trusted proxy, the nearest untrusted ``X-Forwarded-For`` hop.

    Walking from the right stops a client from choosing its own address by sending a forged
    header: only hops the trusted proxies appended are believed.
    """
    peer = (scope.get("client") or ("unknown", 0))[0]
    if peer not in trusted_proxies:
        return peer
    forwarded = [
        value.decode("latin-1")
        for name, value in scope.get("headers", ())
        if name == b"x-forwarded-for"
    ]
    hops = [hop.strip() for value in forwarded for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted_proxies:
            return hop
    return peer
