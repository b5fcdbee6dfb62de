"""Cached reads that are never stale: fresh caller and version checks, the response cache, and
a session's results as plain data."""
