"""The breaking-change checker: for every rule, a change it must catch and one it must let pass.

Each case edits a copy of a small spec (shaped like ours: shared schemas, parameters and
responses behind `$ref`s) and compares the copy with the original.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_compat import Rule, compare, load
from spec_compat.__main__ import main
from spec_compat._report import render

Json = dict[str, Any]
Edit = Callable[[Json], None]
ROOT = Path(__file__).resolve().parents[2]

BASE: Json = yaml.safe_load(
    """
openapi: 3.1.0
info: {title: t, version: 1.0.0}
security:
  - bearer: ['things:read']
paths:
  /v1/things:
    get:
      operationId: listThings
      parameters:
        - $ref: '#/components/parameters/Limit'
        - {name: colour, in: query, required: false, schema: {$ref: '#/components/schemas/Colour'}}
      responses:
        '200':
          description: a page
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ThingPage'}
    post:
      operationId: createThing
      parameters:
        - name: Idempotency-Key
          in: header
          required: false
          schema: {type: string, maxLength: 255}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingCreate'}
      responses:
        '201':
          description: created
          headers:
            ETag: {schema: {type: string}}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        '422': {$ref: '#/components/responses/Invalid'}
  /v1/things/{thing_id}:
    parameters:
      - {name: thing_id, in: path, required: true, schema: {type: string, maxLength: 64}}
    get:
      operationId: getThing
      responses:
        '200':
          description: the thing
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
    delete:
      operationId: deleteThing
      responses:
        '204': {description: deleted}
webhooks:
  thing.created:
    post:
      operationId: thingCreatedWebhook
      security: []
      parameters:
        - {name: webhook-signature, in: header, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingCreatedEvent'}
      responses:
        '2XX': {description: acknowledged}
components:
  parameters:
    Limit:
      name: limit
      in: query
      required: false
      schema: {type: integer, minimum: 1, maximum: 100}
  responses:
    Invalid:
      description: invalid
      content:
        application/problem+json:
          schema: {type: object, properties: {code: {type: string}}, required: [code]}
  schemas:
    Colour:
      type: string
      enum: [red, green]
    Name:
      type: string
      minLength: 1
      maxLength: 100
      pattern: '^[^\\x00-\\x1F]+$'
    Thing:
      type: object
      additionalProperties: false
      required: [id, name, colour, size, note]
      properties:
        id: {type: string}
        name: {$ref: '#/components/schemas/Name'}
        colour: {$ref: '#/components/schemas/Colour'}
        size: {type: integer, minimum: 0, maximum: 10}
        seen_at: {type: string, format: date-time}
        note:
          oneOf:
            - {type: string, maxLength: 500}
            - {type: 'null'}
    ThingCreate:
      type: object
      additionalProperties: false
      required: [name]
      properties:
        name: {$ref: '#/components/schemas/Name'}
        colour: {$ref: '#/components/schemas/Colour'}
        size: {type: integer, minimum: 0, maximum: 10}
        tags:
          type: array
          maxItems: 10
          items: {$ref: '#/components/schemas/Name'}
    ThingCreatedEvent:
      type: object
      required: [id, type]
      properties:
        id: {type: string}
        type: {type: string, enum: [thing.created]}
        data: {type: object, properties: {name: {type: string}}}
    ThingPage:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items: {$ref: '#/components/schemas/Thing'}
"""
)


def schemas(spec: Json) -> Json:
    result: Json = spec["components"]["schemas"]
    return result


def edited(edit: Edit) -> Json:
    spec = copy.deepcopy(BASE)
    edit(spec)
    return spec


RULE_CASES: list[Any] = [
    # -- removed-webhook, and a webhook's headers and body, compared as a response's
    pytest.param(
        lambda s: s["webhooks"].pop("thing.created"),
        Rule.REMOVED_WEBHOOK,
        id="removed-webhook: breaking",
    ),
    pytest.param(
        lambda s: s["webhooks"].update(
            {"thing.deleted": copy.deepcopy(s["webhooks"]["thing.created"])}
        ),
        None,
        id="removed-webhook: a new webhook passes",
    ),
    pytest.param(
        lambda s: s["webhooks"]["thing.created"]["post"].update(parameters=[]),
        Rule.REMOVED_RESPONSE_HEADER,
        id="removed-response-header: a webhook header no longer sent",
    ),
    pytest.param(
        lambda s: s["webhooks"]["thing.created"]["post"]["parameters"].append(
            {"name": "webhook-version", "in": "header", "required": True, "schema": {}}
        ),
        None,
        id="removed-response-header: a new webhook header passes",
    ),
    pytest.param(
        lambda s: schemas(s)["ThingCreatedEvent"]["required"].remove("type"),
        Rule.REMOVED_RESPONSE_FIELD,
        id="removed-response-field: a webhook field no longer always sent",
    ),
    pytest.param(
        lambda s: schemas(s)["ThingCreatedEvent"]["properties"]["type"]["enum"].append("x"),
        Rule.NEW_RESPONSE_ENUM_VALUE,
        id="new-response-enum-value: in a webhook body",
    ),
    pytest.param(
        lambda s: schemas(s)["ThingCreatedEvent"]["properties"].update(at={"type": "string"}),
        None,
        id="removed-response-field: a new webhook field passes",
    ),
    pytest.param(
        lambda s: schemas(s)["ThingCreatedEvent"]["properties"]["id"].update(type="integer"),
        Rule.CHANGED_TYPE,
        id="changed-type: in a webhook body",
    ),
    pytest.param(
        lambda s: s["webhooks"]["thing.created"]["post"].pop("requestBody"),
        Rule.REMOVED_MEDIA_TYPE,
        id="removed-media-type: a webhook that no longer sends its body",
    ),
    pytest.param(
        lambda s: s["webhooks"]["thing.created"]["post"].update(operationId="thingMade"),
        Rule.CHANGED_OPERATION_ID,
        id="changed-operation-id: of a webhook",
    ),
    pytest.param(
        lambda s: s["webhooks"]["thing.created"]["post"]["responses"].update(
            {"410": {"description": "unsubscribe"}}
        ),
        None,
        id="webhook responses are the receiver's: not compared",
    ),
    # -- removed-operation
    pytest.param(
        lambda s: s["paths"]["/v1/things/{thing_id}"].pop("delete"),
        Rule.REMOVED_OPERATION,
        id="removed-operation: breaking",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things/{thing_id}"].update(
            patch={"operationId": "updateThing", "responses": {"200": {"description": "ok"}}}
        ),
        None,
        id="removed-operation: adding an operation passes",
    ),
    # -- changed-operation-id
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"].update(operationId="listAllThings"),
        Rule.CHANGED_OPERATION_ID,
        id="changed-operation-id: breaking",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"].update(summary="List the things"),
        None,
        id="changed-operation-id: new summary passes",
    ),
    # -- removed-parameter
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"]["parameters"].pop(1),
        Rule.REMOVED_PARAMETER,
        id="removed-parameter: breaking",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"]["parameters"].append(
            {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}
        ),
        None,
        id="removed-parameter: new optional parameter passes",
    ),
    # -- new-required-parameter
    pytest.param(
        lambda s: s["components"]["parameters"]["Limit"].update(required=True),
        Rule.NEW_REQUIRED_PARAMETER,
        id="new-required-parameter: optional made required",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"]["parameters"].append(
            {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        Rule.NEW_REQUIRED_PARAMETER,
        id="new-required-parameter: new required parameter",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["post"]["parameters"][0].update(name="idempotency-key"),
        None,
        id="new-required-parameter: header name case changed passes",
    ),
    # -- new-required-request-field
    pytest.param(
        lambda s: schemas(s)["ThingCreate"]["required"].append("colour"),
        Rule.NEW_REQUIRED_REQUEST_FIELD,
        id="new-required-request-field: optional made required",
    ),
    pytest.param(
        lambda s: schemas(s)["ThingCreate"]["properties"].update(
            weight={"type": "integer", "minimum": 0, "maximum": 5}
        ),
        None,
        id="new-required-request-field: new optional field passes",
    ),
    # -- removed-request-field
    pytest.param(
        lambda s: schemas(s)["ThingCreate"]["properties"].pop("size"),
        Rule.REMOVED_REQUEST_FIELD,
        id="removed-request-field: breaking on a closed object",
    ),
    pytest.param(
        lambda s: (
            schemas(s)["ThingCreate"]["properties"].pop("size"),
            schemas(s)["ThingCreate"].pop("additionalProperties"),
        ),
        None,
        id="removed-request-field: passes on an open object (the field is ignored)",
    ),
    # -- narrowed-request
    pytest.param(
        lambda s: schemas(s)["Name"].update(maxLength=50),
        Rule.NARROWED_REQUEST,
        id="narrowed-request: maxLength lowered",
    ),
    pytest.param(
        lambda s: s["components"]["parameters"]["Limit"]["schema"].update(maximum=50),
        Rule.NARROWED_REQUEST,
        id="narrowed-request: parameter maximum lowered",
    ),
    pytest.param(
        lambda s: (
            schemas(s)["ThingCreate"]["properties"]["size"].update(exclusiveMinimum=0, minimum=None)
            or schemas(s)["ThingCreate"]["properties"]["size"].pop("minimum")
        ),
        Rule.NARROWED_REQUEST,
        id="narrowed-request: minimum made exclusive",
    ),
    pytest.param(
        lambda s: schemas(s)["Colour"]["enum"].remove("green"),
        Rule.NARROWED_REQUEST,
        id="narrowed-request: enum value removed",
    ),
    pytest.param(
        lambda s: schemas(s)["Name"].update(pattern="^[a-z]+$"),
        Rule.NARROWED_REQUEST,
        id="narrowed-request: pattern changed",
    ),
    pytest.param(
        lambda s: schemas(s)["ThingCreate"]["properties"]["tags"].update(maxItems=5),
        Rule.NARROWED_REQUEST,
        id="narrowed-request: maxItems lowered",
    ),
    pytest.param(
        lambda s: schemas(s)["ThingCreate"]["properties"]["size"].update(format="int32"),
        None,
        id="narrowed-request: int32 format within the bounds passes",
    ),
    pytest.param(
        lambda s: (
            s["components"]["parameters"]["Limit"]["schema"].update(maximum=500),
            schemas(s)["Name"].update(maxLength=200, minLength=0),
        ),
        None,
        id="narrowed-request: widened bounds pass",
    ),
    # -- changed-type
    pytest.param(
        lambda s: schemas(s)["ThingCreate"]["properties"].update(
            size={"type": "string", "maxLength": 2}
        ),
        Rule.CHANGED_TYPE,
        id="changed-type: request integer became string",
    ),
    pytest.param(
        lambda s: schemas(s)["Thing"]["properties"].update(
            size={"type": ["integer", "null"], "minimum": 0, "maximum": 10}
        ),
        Rule.CHANGED_TYPE,
        id="changed-type: response may now be null",
    ),
    pytest.param(
        lambda s: (
            schemas(s)["ThingCreate"]["properties"].update(
                size={"type": ["integer", "null"], "minimum": 0, "maximum": 10}
            ),
            schemas(s)["Thing"]["properties"].update(
                note={"type": ["string", "null"], "maxLength": 500}
            ),
        ),
        None,
        id="changed-type: request accepting null, and oneOf respelled as a type list, pass",
    ),
    # -- removed-response-field
    pytest.param(
        lambda s: schemas(s)["Thing"]["properties"].pop("note"),
        Rule.REMOVED_RESPONSE_FIELD,
        id="removed-response-field: field removed",
    ),
    pytest.param(
        lambda s: schemas(s)["Thing"]["required"].remove("note"),
        Rule.REMOVED_RESPONSE_FIELD,
        id="removed-response-field: no longer always present",
    ),
    pytest.param(
        lambda s: (
            schemas(s)["Thing"]["properties"].update(weight={"type": "integer"}),
            schemas(s)["Thing"]["required"].append("weight"),
        ),
        None,
        id="removed-response-field: new response field passes",
    ),
    # -- new-response-enum-value
    pytest.param(
        lambda s: schemas(s)["Colour"]["enum"].append("blue"),
        Rule.NEW_RESPONSE_ENUM_VALUE,
        id="new-response-enum-value: breaking (also a wider request, which passes)",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"]["parameters"][1].update(
            schema={"type": "string", "enum": ["red", "green", "blue"]}
        ),
        None,
        id="new-response-enum-value: a new value in a request-only enum passes",
    ),
    # -- removed-success-status
    pytest.param(
        lambda s: (
            s["paths"]["/v1/things/{thing_id}"]["delete"]["responses"].update(
                {"200": {"description": "deleted"}}
            )
            or s["paths"]["/v1/things/{thing_id}"]["delete"]["responses"].pop("204")
        ),
        Rule.REMOVED_SUCCESS_STATUS,
        id="removed-success-status: breaking",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["post"]["responses"].pop("422"),
        None,
        id="removed-success-status: removing an error status passes",
    ),
    # -- removed-response-header
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["post"]["responses"]["201"].pop("headers"),
        Rule.REMOVED_RESPONSE_HEADER,
        id="removed-response-header: breaking",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["post"]["responses"]["201"]["headers"].update(
            Location={"schema": {"type": "string"}}
        ),
        None,
        id="removed-response-header: new header passes",
    ),
    # -- removed-media-type
    pytest.param(
        lambda s: (
            s["paths"]["/v1/things"]["post"]["requestBody"]["content"].update(
                {"application/merge-patch+json": {"schema": {"type": "object"}}}
            )
            or s["paths"]["/v1/things"]["post"]["requestBody"]["content"].pop("application/json")
        ),
        Rule.REMOVED_MEDIA_TYPE,
        id="removed-media-type: request media type removed",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["post"]["requestBody"]["content"].update(
            {"application/merge-patch+json": {"schema": {"type": "object"}}}
        ),
        None,
        id="removed-media-type: new request media type passes",
    ),
    # -- changed-type: a response string's format (the SDK parses by it)
    pytest.param(
        lambda s: schemas(s)["Thing"]["properties"]["seen_at"].update(format="date"),
        Rule.CHANGED_TYPE,
        id="changed-type: a response format changed",
    ),
    pytest.param(
        lambda s: schemas(s)["Thing"]["properties"]["seen_at"].pop("format"),
        Rule.CHANGED_TYPE,
        id="changed-type: a response format removed",
    ),
    pytest.param(
        lambda s: schemas(s)["Thing"]["properties"]["id"].update(format="uuid"),
        None,
        id="changed-type: a format where a response had none passes",
    ),
    # -- narrowed-security (BASE: bearer with scope things:read on the whole document)
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"].update(
            security=[{"bearer": ["things:read", "things:admin"]}]
        ),
        Rule.NARROWED_SECURITY,
        id="narrowed-security: a new required scope",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"].update(security=[{"bearer": []}]),
        None,
        id="narrowed-security: needing fewer scopes passes",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"].update(
            security=[{"bearer": ["things:read"]}, {"other": []}]
        ),
        None,
        id="narrowed-security: another way in passes",
    ),
    pytest.param(
        lambda s: s["paths"]["/v1/things"]["get"].update(security=[{"other": []}]),
        Rule.NARROWED_SECURITY,
        id="narrowed-security: another scheme instead",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), RULE_CASES)
def test_rule(edit: Edit, expected: Rule | None) -> None:
    findings = compare(BASE, edited(edit))
    assert {finding.rule for finding in findings} == ({expected} if expected else set()), [
        str(finding) for finding in findings
    ]


def test_every_rule_has_a_case() -> None:
    covered = {param.values[1] for param in RULE_CASES}
    assert covered - {None} == set(Rule)


def test_a_change_in_a_shared_schema_names_it_and_every_use() -> None:
    findings = compare(BASE, edited(lambda s: schemas(s)["Colour"]["enum"].append("blue")))
    assert {(f.operation, f.location) for f in findings} == {
        (
            "GET /v1/things (listThings)",
            "/responses/200/content/application~1json/schema"
            "/properties/items/items/properties/colour",
        ),
        (
            "POST /v1/things (createThing)",
            "/responses/201/content/application~1json/schema/properties/colour",
        ),
        (
            "GET /v1/things/{thing_id} (getThing)",
            "/responses/200/content/application~1json/schema/properties/colour",
        ),
    }
    assert {f.source for f in findings} == {"#/components/schemas/Colour"}
    [entry] = render(findings)
    assert entry.startswith("[new-response-enum-value] #/components/schemas/Colour: ")
    assert "used in 3 place(s)" in entry


def test_links_examples_and_descriptions_are_not_compared() -> None:
    def document(spec: Json) -> None:
        response = spec["paths"]["/v1/things"]["post"]["responses"]["201"]
        response["links"] = {"GetThing": {"operationId": "getThing"}}
        response["description"] = "The thing, created."
        schemas(spec)["Thing"]["examples"] = [{"id": "1"}]

    assert compare(BASE, edited(document)) == []


def test_recursive_schemas_terminate() -> None:
    def recursive(spec: Json) -> None:
        schemas(spec)["Thing"]["properties"]["parent"] = {"$ref": "#/components/schemas/Thing"}

    spec = edited(recursive)
    assert compare(spec, copy.deepcopy(spec)) == []


def test_the_current_spec_keeps_the_released_contract() -> None:
    assert (
        compare(load(ROOT / "spec/released/openapi.yaml"), load(ROOT / "spec/openapi.yaml")) == []
    )


def test_the_command_fails_on_a_breaking_change_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "released"
    baseline.mkdir()
    (baseline / "openapi.yaml").write_text(yaml.safe_dump(BASE))
    (baseline / "VERSION").write_text("0.1.0\n")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(edited(lambda s: schemas(s)["Name"].update(maxLength=5))))

    status = main(["--spec", str(spec), "--baseline-dir", str(baseline), "check"])

    output = capsys.readouterr().out
    assert status == 1
    assert "since release 0.1.0" in output
    assert "[narrowed-request] #/components/schemas/Name/maxLength: maxLength 100 -> 5" in output


def test_a_release_refuses_breaking_changes_and_records_an_additive_one(tmp_path: Path) -> None:
    baseline = tmp_path / "released"
    baseline.mkdir()
    (baseline / "openapi.yaml").write_text(yaml.safe_dump(BASE))
    (baseline / "VERSION").write_text("0.1.0\n")
    spec = tmp_path / "openapi.yaml"
    args = ["--spec", str(spec), "--baseline-dir", str(baseline), "release"]

    spec.write_text(yaml.safe_dump(edited(lambda s: schemas(s)["Thing"]["required"].pop())))
    assert main([*args, "0.2.0"]) == 1
    assert (baseline / "VERSION").read_text() == "0.1.0\n"

    additive = edited(
        lambda s: schemas(s)["ThingCreate"]["properties"].update(x={"type": "string"})
    )
    spec.write_text(yaml.safe_dump(additive))
    assert main([*args, "0.1.0"]) == 2  # not above the released version
    assert main([*args, "0.2.0"]) == 0
    assert (baseline / "VERSION").read_text() == "0.2.0\n"
    # The released copy is the spec with its info.version set to the release's.
    assert load(baseline / "openapi.yaml") == {
        **additive,
        "info": {**additive["info"], "version": "0.2.0"},
    }


def test_a_change_in_a_shared_parameter_is_reported_once() -> None:
    findings = compare(
        BASE,
        edited(lambda s: s["components"]["parameters"]["Limit"]["schema"].update(maximum=50)),
    )
    assert [(f.operation, f.location, f.source) for f in findings] == [
        (
            "GET /v1/things (listThings)",
            "/parameters/query:limit/schema/maximum",
            "#/components/parameters/Limit/schema/maximum",
        )
    ]
    [entry] = render(findings)
    assert entry.startswith(
        "[narrowed-request] #/components/parameters/Limit/schema/maximum: upper bound 100 -> 50"
    )
