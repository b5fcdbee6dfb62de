"""Storing an answer: the uploaded body spooled to disk, validated, compacted, stored, committed."""
