"""Sending one signed request to an endpoint: checked address, 10 s in all, no redirects."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx

from debrief.errors import WebhookTargetRefused
from debrief.services.webhooks.targets import resolve_target

USER_AGENT = "debrief-webhooks/1"


@dataclass(frozen=True)
class AttemptResult:
    """What one attempt got: a status code, or why there was none."""

    status_code: int | None
    error: str | None = None
    failure_class: str | None = None  # connection | timeout | server_error | permanent

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


class WebhookSender:
    """One HTTP client per process. Redirects are not followed (a 3xx is a failure), and the
    environment's proxies are ignored, so the address checked is the address called."""

    def __init__(self, *, timeout_s: float, allow_private: bool) -> None:
        self.timeout_s = timeout_s
        self.allow_private = allow_private
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s), follow_redirects=False, trust_env=False
        )

    async def send(self, url: str, *, headers: dict[str, str], body: str) -> AttemptResult:
        """POST ``body`` with the signature ``headers``; never raises for the receiver's faults."""
        try:
            async with asyncio.timeout(self.timeout_s):  # DNS, connect, send and reply together
                target = await resolve_target(url, allow_private=self.allow_private)
                request_headers = {
                    **headers,
                    "content-type": "application/json",
                    "user-agent": USER_AGENT,
                    "host": target.host_header,
                }
                extensions = {"sni_hostname": target.host} if target.url.scheme == "https" else {}
                async with self._client.stream(
                    "POST",
                    target.url,
                    content=body.encode(),
                    headers=request_headers,
                    extensions=extensions,
                ) as response:
                    code = response.status_code
        except WebhookTargetRefused as error:
            return AttemptResult(None, error.message, "permanent")
        except (TimeoutError, httpx.TimeoutException):
            return AttemptResult(None, f"no reply within {self.timeout_s:g} s", "timeout")
        except httpx.HTTPError as error:
            return AttemptResult(None, f"{type(error).__name__}: {error}"[:500], "connection")
        if 200 <= code < 300:
            return AttemptResult(code)
        return AttemptResult(code, f"HTTP {code}", "server_error")

    async def aclose(self) -> None:
        await self._client.aclose()
