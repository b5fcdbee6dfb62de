"""Limits at the HTTP edge: body size before parsing, document limits before execution, and
rate limits per caller. May import services (auth, costs) and kit, never resolvers."""
