"""`DeferJob`: how a job asks the runner to run it again later instead of holding a worker."""

from __future__ import annotations


class DeferJob(Exception):
    """Control flow: run this job again in ``defer_s`` seconds (becomes ``arq.Retry``).

    ``failure_class`` names what went wrong (an OpenAI failure class, say), for the Job row.
    """

    def __init__(self, *, defer_s: float, failure_class: str, reason: str) -> None:
        self.defer_s = defer_s
        self.failure_class = failure_class
        self.reason = reason
        super().__init__(f"defer {defer_s:g} s after {failure_class}: {reason}")
