"""Persistence: engine set-up, table definitions, migrations and the unit-of-work runner.

See ``docs/design.md`` ("Data access: one unit of work per request").
"""
