"""The web layer: the operation binder, request parsing and response rendering (the
skeleton's HTTP half), dependencies, problem handlers, idempotency, the docs pages, the access
log, the slow-client guard and the health probes. Resource packages meet HTTP only through it.
"""
