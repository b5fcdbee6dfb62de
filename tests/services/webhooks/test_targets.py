"""Delivery targets: public addresses only, checked after DNS resolution, unless allowed."""

from __future__ import annotations

import pytest

from debrief.errors import WebhookTargetRefused
from debrief.services.webhooks.targets import resolve_target


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",  # loopback
        "http://localhost/hook",  # a name that resolves to loopback
        "http://10.1.2.3/hook",  # private
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data",  # link-local (cloud metadata)
        "http://[::1]/hook",
        "http://[fe80::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",  # IPv4-mapped loopback
        "http://0.0.0.0/hook",
        "http://100.64.0.1/hook",  # carrier-grade NAT
    ],
)
async def test_non_public_targets_are_refused(url: str) -> None:
    with pytest.raises(WebhookTargetRefused, match="non-public"):
        await resolve_target(url, allow_private=False)


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "/relative", "http://user:pw@example.com/", "not a url"]
)
async def test_malformed_urls_are_refused(url: str) -> None:
    with pytest.raises(WebhookTargetRefused):
        await resolve_target(url, allow_private=True)


async def test_the_request_goes_to_the_address_that_was_checked() -> None:
    target = await resolve_target("http://localhost:8081/h?x=1", allow_private=True)
    assert str(target.address) in ("127.0.0.1", "::1")
    assert target.url.host == str(target.address) and target.url.path == "/h"
    assert target.host == "localhost" and target.host_header == "localhost:8081"


async def test_a_public_address_passes() -> None:
    target = await resolve_target("https://8.8.8.8/hook", allow_private=False)
    assert str(target.url) == "https://8.8.8.8/hook"


async def test_an_unresolvable_host_is_refused() -> None:
    with pytest.raises(WebhookTargetRefused, match="does not resolve"):
        await resolve_target("http://no-such-host.invalid/hook", allow_private=True)
