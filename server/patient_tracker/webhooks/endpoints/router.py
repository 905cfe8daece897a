"""The webhook endpoint operations, bound to the spec by operationId (see `operations`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.auth.caller import Caller
from patient_tracker.auth.route import authenticated_by_its_read
from patient_tracker.contract.api_models import (
    ListWebhookAttemptsParametersQuery,
    ListWebhookEndpointsParametersQuery,
    WebhookAttemptPage,
    WebhookEndpointCreate,
    WebhookEndpointPage,
    WebhookEndpointUpdate,
)
from patient_tracker.settings import Settings
from patient_tracker.web import handlers
from patient_tracker.web.deps import EventIdInPath, IdempotencyKey, IdInPath, IfMatch, IfNoneMatch
from patient_tracker.web.operations import operation, spec_operations
from patient_tracker.web.pages import Listing
from patient_tracker.web.params import given_root
from patient_tracker.webhooks.delivery.ssrf import DestinationPolicy
from patient_tracker.webhooks.endpoints import service

_GET = spec_operations()["getWebhookEndpoint"]
_ENDPOINTS = Listing("webhook-endpoints", WebhookEndpointPage, ("id",))
_ATTEMPTS = Listing("webhook-attempts", WebhookAttemptPage, ("instant", "id"))


def destination_policy(settings: Settings) -> DestinationPolicy:
    """What the settings allow of webhook URLs (both off in production)."""
    return DestinationPolicy(
        allow_http=settings.webhook_allow_http,
        allow_private_addresses=settings.webhook_allow_private_addresses,
        resolve_names=settings.webhook_resolve_names,
    )


def _policy(request: Request) -> DestinationPolicy:
    settings: Settings = request.app.state.settings
    return destination_policy(settings)


@operation("listWebhookEndpoints")
async def list_webhook_endpoints(
    request: Request, query: ListWebhookEndpointsParametersQuery
) -> Response:
    """The caller's integration's webhook endpoints, oldest first."""
    caller = Caller.of(request).principal
    return await handlers.read_page(
        request,
        _ENDPOINTS,
        query,
        lambda conn, after: service.list_slice(conn, caller, after=after, limit=query.limit),
    )


@operation("createWebhookEndpoint")
async def create_webhook_endpoint(
    request: Request, body: WebhookEndpointCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    """Create an endpoint; the answer shows its secret, once."""
    await service.vet_url(str(body.url.root), _policy(request))
    caller = Caller.of(request).principal
    return await handlers.create_resource(
        request,
        body,
        idempotency_key,
        lambda conn: service.create(conn, body, caller),
        lambda endpoint: _GET.location(endpoint_id=endpoint.id.root),
    )


@operation("getWebhookEndpoint")
@authenticated_by_its_read
async def get_webhook_endpoint(
    request: Request, endpoint_id: IdInPath, if_none_match: IfNoneMatch = None
) -> Response:
    """One endpoint, with its ETag; never its secret."""
    return await handlers.read_resource(request, service.endpoints, endpoint_id, if_none_match)


@operation("updateWebhookEndpoint")
async def update_webhook_endpoint(
    request: Request, endpoint_id: IdInPath, body: WebhookEndpointUpdate, if_match: IfMatch = None
) -> Response:
    """Apply a JSON merge patch."""
    url = given_root(body.url)
    if url is not None:
        await service.vet_url(str(url), _policy(request))
    caller = Caller.of(request).principal
    return await handlers.change_resource(
        request, lambda conn: service.update(conn, endpoint_id, body, if_match, caller)
    )


@operation("deleteWebhookEndpoint")
async def delete_webhook_endpoint(
    request: Request, endpoint_id: IdInPath, if_match: IfMatch = None
) -> Response:
    """Delete an endpoint with its deliveries and attempts."""
    caller = Caller.of(request).principal
    return await handlers.delete_resource(
        request, lambda conn: service.delete(conn, endpoint_id, if_match, caller)
    )


@operation("rotateWebhookEndpointSecret")
async def rotate_webhook_endpoint_secret(
    request: Request,
    endpoint_id: IdInPath,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> Response:
    """A new secret, shown once; the old one signs for 24 hours more."""
    caller = Caller.of(request).principal
    return await handlers.act_on_resource(
        request,
        idempotency_key,
        lambda conn: service.rotate_secret(conn, endpoint_id, if_match, caller),
    )


@operation("listWebhookAttempts")
async def list_webhook_attempts(
    request: Request, endpoint_id: IdInPath, query: ListWebhookAttemptsParametersQuery
) -> Response:
    """One endpoint's delivery attempts, newest first."""
    event_id = given_root(query.event_id)
    caller = Caller.of(request).principal
    # The endpoint is looked up inside the slice, after the cursor is checked.
    return await handlers.read_page(
        request,
        _ATTEMPTS,
        query,
        lambda conn, after: service.attempts_slice(
            conn, endpoint_id, caller, after=after, limit=query.limit, event_id=event_id
        ),
        path={"endpoint_id": endpoint_id},
    )


@operation("redeliverEvent")
async def redeliver_event(
    request: Request,
    endpoint_id: IdInPath,
    event_id: EventIdInPath,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Schedule a new series of attempts of one event to one endpoint.

    The `Idempotency-Key` is accepted and not stored: a repeated redelivery only restarts the
    same series, which is what a retry of it asks for.
    """
    caller = Caller.of(request).principal
    return await handlers.accept(
        request, lambda conn: service.redeliver(conn, endpoint_id, event_id, caller)
    )
