"""The circuit breaker: open after a permanent failure, closed again after the cooldown."""

from __future__ import annotations

from debrief.config import Settings
from debrief.services.transcription import CircuitBreaker
from tests.services.transcription.support import ManualClock


def test_opens_for_the_cooldown_then_lets_calls_through() -> None:
    clock = ManualClock()
    circuit = CircuitBreaker(60.0, clock=clock)
    assert not circuit.is_open() and circuit.reason is None

    circuit.open("permanent: 401 invalid_api_key")
    clock.advance(59.9)
    assert circuit.is_open()
    assert circuit.reason == "permanent: 401 invalid_api_key"
    assert 0 < circuit.remaining_s <= 0.1 + 1e-9

    clock.advance(0.2)
    assert not circuit.is_open() and circuit.reason is None and circuit.remaining_s == 0


def test_close_forgets_a_failure_at_once() -> None:
    circuit = CircuitBreaker(60.0, clock=ManualClock())
    circuit.open("permanent")
    circuit.close()
    assert not circuit.is_open()


def test_reopening_restarts_the_cooldown() -> None:
    clock = ManualClock()
    circuit = CircuitBreaker(60.0, clock=clock)
    circuit.open("first")
    clock.advance(50)
    circuit.open("second")
    clock.advance(50)
    assert circuit.is_open() and circuit.reason == "second"


def test_cooldown_comes_from_settings() -> None:
    settings = Settings(_env_file=None, openai_circuit_cooldown_s=42.0)
    assert CircuitBreaker.from_settings(settings).cooldown_s == 42.0
