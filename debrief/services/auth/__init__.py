"""Who is calling and what they may see: API keys, upload tokens, the principal cache, access."""
