"""The short-lived principal cache: bounded staleness, successes only."""

from __future__ import annotations

import uuid

from debrief.services.auth.credentials import Anonymous, Interviewer
from debrief.services.auth.principal_cache import PrincipalCache


def test_a_checked_credential_is_trusted_for_ttl_then_checked_again() -> None:
    now = [100.0]
    cache = PrincipalCache(5.0, clock=lambda: now[0])
    principal = Interviewer(uuid.uuid4(), uuid.uuid4())
    cache.put("Bearer dbk_x", principal)
    assert cache.get("Bearer dbk_x") == principal
    now[0] += 4.9
    assert cache.get("Bearer dbk_x") == principal
    cache.put("Bearer dbk_x", principal)  # does not extend the first expiry
    now[0] += 0.2
    assert cache.get("Bearer dbk_x") is None  # a revoked key is refused at most 5 s late


def test_failures_and_anonymous_callers_are_never_cached() -> None:
    cache = PrincipalCache(5.0)
    cache.put("Bearer dbk_bad", Anonymous("The credentials are not valid."))
    cache.put(None, Interviewer(uuid.uuid4(), uuid.uuid4()))
    assert cache.get("Bearer dbk_bad") is None
    assert cache.get(None) is None


def test_zero_ttl_disables_it() -> None:
    cache = PrincipalCache(0.0)
    cache.put("Bearer dbk_x", Interviewer(uuid.uuid4(), uuid.uuid4()))
    assert cache.get("Bearer dbk_x") is None
