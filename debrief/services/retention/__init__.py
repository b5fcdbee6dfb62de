"""Forgetting: erasure of one session, and the retention sweep that erases expired ones."""
