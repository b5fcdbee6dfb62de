"""Loopback fakes of third-party services, so tests use real clients without the internet."""

from .openai_server import Call, FakeOpenAIServer, Fault

__all__ = ["Call", "FakeOpenAIServer", "Fault"]
