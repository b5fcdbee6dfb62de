"""Storage classes over time: which transitions pay for themselves, the bucket's rules, and
archived recordings (their class, restores)."""
