"""Where a webhook may be sent: public addresses only, checked after DNS resolution.

A hostname is resolved once per attempt and the request goes to the address that was checked
(the ``Host`` header and TLS server name stay the hostname's), so a DNS answer that changes
between check and connect (rebinding) cannot point a delivery at an internal service.
Private, loopback, link-local, multicast and reserved addresses are refused unless
``DEBRIEF_WEBHOOK_ALLOW_PRIVATE=true`` (tests, local setups).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import httpx

from debrief.errors import WebhookTargetRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    """A checked destination: the URL to connect to (host = the address) and the real host."""

    url: httpx.URL  # host replaced by the checked address
    host: str  # the TLS server name
    host_header: str  # host[:port] as the URL gave it
    address: IPAddress


def is_public(address: IPAddress) -> bool:
    """Reachable on the internet, not a private, loopback, link-local or special range."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def parse_url(url: str) -> httpx.URL:
    """An absolute http(s) URL with a host, else ``WebhookTargetRefused``."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise WebhookTargetRefused("The webhook URL is not a valid URL.") from error
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise WebhookTargetRefused("The webhook URL must be an absolute http or https URL.")
    if parsed.userinfo:
        raise WebhookTargetRefused("The webhook URL may not carry a user name or password.")
    return parsed


async def resolve_target(url: str, *, allow_private: bool) -> Target:
    """Resolve the URL's host and check every address it has; raise if one is not allowed."""
    parsed = parse_url(url)
    host = parsed.host
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except OSError as error:
            raise WebhookTargetRefused(f"The webhook host {host!r} does not resolve.") from error
        addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    if not allow_private:
        refused = [a for a in addresses if not is_public(a)]
        if refused:
            raise WebhookTargetRefused(
                f"The webhook host {host!r} resolves to a non-public address ({refused[0]})."
            )
    address = addresses[0]
    return Target(
        url=parsed.copy_with(host=str(address)),
        host=host,
        host_header=parsed.netloc.decode("ascii"),
        address=address,
    )
