"""Webhooks: endpoints per organisation, events written in the transaction of the change they
report (``emit_event``), signed per Standard Webhooks and delivered by a job that retries for
days. May import models, kit, the outbox and the unit of work."""

from debrief.services.webhooks.events import EVENT_TYPES, EventType, emit_event

__all__ = ["EVENT_TYPES", "EventType", "emit_event"]
