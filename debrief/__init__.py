"""debrief: asynchronous interview backend."""
