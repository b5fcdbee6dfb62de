"""Helpers with no domain: coalescing, caches, SQL marks and counters, periodic tasks.

Imports nothing from debrief except configuration; every room may import it.
"""
