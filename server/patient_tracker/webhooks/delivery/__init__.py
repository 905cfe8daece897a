"""Webhook delivery: the worker in each server process, one attempt (`sender`), its
signature (`signing`), which URLs may be sent to (`ssrf`), the retry schedule, and which
integrations may still receive what (`access`). The outbox's SQL is `db.outbox`'s.
"""
