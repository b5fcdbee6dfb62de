"""Why an analysis job gave up; the message becomes the session's failure reason."""

from __future__ import annotations

from debrief.errors import DebriefError


class AnalysisFailed(DebriefError):
    message = "The session could not be analysed; its speech metrics are kept."
    failure_class: str = "analysis_failed"

    def __init__(self, message: str | None = None, *, failure_class: str | None = None) -> None:
        super().__init__(message)
        if failure_class is not None:
            self.failure_class = failure_class


class AnalysisReplyInvalid(AnalysisFailed):
    message = "The model's reply was not a valid analysis."
    failure_class = "invalid_reply"


class AnalysisProviderFailed(AnalysisFailed):
    message = "The model provider could not analyse the session."
