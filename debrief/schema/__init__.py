"""Strawberry types, inputs, payload unions and errors: declarative, no business logic.

Imports no service; the root types that wire resolvers live in ``http/schema.py``."""
