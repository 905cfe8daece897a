"""The webhooks wing: the event log over HTTP (`events`), the endpoints integrations
subscribe (`endpoints`), and their delivery (`delivery`). The outbox's SQL is `db.outbox`'s,
below the resource skeleton that writes it in every change's transaction (docs/design.md,
"Events and webhooks").
"""
