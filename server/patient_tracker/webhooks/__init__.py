"""Webhook delivery (docs/design.md, "Events and webhooks").

- `signing`: the Standard Webhooks headers of a delivery, one signature per secret in use.
- `ssrf`: which endpoint URLs and addresses the server may send to, checked when an endpoint is
  saved and again, on fresh DNS answers, at every delivery.
- `schedule`: when a failed delivery is retried, when it is given up, when an endpoint is disabled.
- `sender`: one delivery attempt, POSTed to the vetted address, and what is recorded of it.
- `outbox`: the SQL of due deliveries (claimed, recorded, rescheduled); `worker`: the task in
  each server process that delivers them.
"""
