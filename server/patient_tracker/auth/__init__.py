"""API keys: creation, listing, revocation, and the request-time lookup."""
