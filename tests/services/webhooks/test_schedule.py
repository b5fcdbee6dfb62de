"""The retry schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then every 12 h up to 3 days."""

from __future__ import annotations

from debrief.config import Settings
from debrief.services.webhooks.schedule import RetrySchedule


def test_the_default_schedule_spans_three_days() -> None:
    schedule = RetrySchedule.from_settings(Settings(_env_file=None))  # type: ignore[call-arg]
    delays, elapsed, attempts = [], 0.0, 1
    while (delay := schedule.next_delay_s(attempts, elapsed_s=elapsed)) is not None:
        delays.append(delay)
        elapsed += delay
        attempts += 1
    assert delays[:6] == [5, 300, 1800, 7200, 18000, 36000]
    assert set(delays[6:-1]) == {43200}
    assert elapsed == 3 * 24 * 3600  # the last attempt lands on the 3-day mark, then it stops
    assert attempts <= schedule.max_attempts()
