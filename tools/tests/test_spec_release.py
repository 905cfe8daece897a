"""Versions and the changelog: classifying a spec change, refusing a version too low for it,
setting the spec's and the SDK's versions, and writing the changelog entry, on made-up specs."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_compat.__main__ import main
from spec_compat._changes import Bump, classify, summarize
from spec_compat._release import (
    BreakingReleaseError,
    ReleaseError,
    add_changelog_entry,
    plan_release,
)
from spec_compat._versions import (
    package_version,
    set_package_version,
    set_spec_version,
    spec_version,
    version_mismatch,
)

Json = dict[str, Any]
ROOT = Path(__file__).resolve().parents[2]

SPEC_TEXT = """\
openapi: 3.1.0
info:
  title: Things
  # The API's version; the SDK's follows it.
  version: 1.0.0
  description: A made-up API.
paths:
  /v1/things:
    get:
      operationId: listThings
      tags: [Things]
      summary: List things
      parameters:
        - {name: limit, in: query, required: false, schema: {type: integer, maximum: 100}}
      responses:
        '200':
          description: a page
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              examples:
                one: {value: {id: a, colour: red}}
    post:
      operationId: createThing
      tags: [Things]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingCreate'}
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Colour:
      type: string
      description: A colour.
      enum: [red, green]
    Thing:
      type: object
      required: [id, colour]
      properties:
        id: {type: string, description: The id.}
        colour: {$ref: '#/components/schemas/Colour'}
        version: {type: integer, description: Not info.version.}
    ThingCreate:
      type: object
      additionalProperties: false
      properties:
        colour: {$ref: '#/components/schemas/Colour'}
"""
BASE: Json = yaml.safe_load(SPEC_TEXT)


def edited(edit: Callable[[Json], Any]) -> Json:
    spec = copy.deepcopy(BASE)
    edit(spec)
    return spec


def schemas(spec: Json) -> Json:
    result: Json = spec["components"]["schemas"]
    return result


def add_operation(spec: Json) -> None:
    spec["paths"]["/v1/things/{id}"] = {
        "get": {
            "operationId": "getThing",
            "tags": ["Things"],
            "summary": "One thing",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {}}],
            "responses": {"200": {"description": "the thing"}},
        }
    }


@pytest.mark.parametrize(
    ("edit", "bump"),
    [
        pytest.param(lambda s: None, Bump.NONE, id="nothing"),
        pytest.param(lambda s: s["info"].update(version="9.9.9"), Bump.NONE, id="version-only"),
        pytest.param(
            lambda s: schemas(s)["Colour"].update(description="A hue."), Bump.PATCH, id="doc"
        ),
        pytest.param(
            lambda s: s["paths"]["/v1/things"]["get"]["responses"]["200"]["content"][
                "application/json"
            ]["examples"]["one"].update(value={"id": "b", "colour": "green"}),
            Bump.PATCH,
            id="example",
        ),
        pytest.param(lambda s: s["info"].update(title="Stuff"), Bump.PATCH, id="title"),
        pytest.param(add_operation, Bump.MINOR, id="new-operation"),
        pytest.param(
            lambda s: schemas(s)["Thing"]["properties"].update(size={"type": "integer"}),
            Bump.MINOR,
            id="new-response-field",
        ),
        pytest.param(
            # A field *named* `title` or `description` is contract, not documentation.
            lambda s: schemas(s)["ThingCreate"]["properties"].update(title={"type": "string"}),
            Bump.MINOR,
            id="new-field-named-title",
        ),
        pytest.param(
            lambda s: s["paths"]["/v1/things"]["get"].update(deprecated=True),
            Bump.MINOR,
            id="deprecation",
        ),
        pytest.param(
            lambda s: schemas(s)["Thing"]["properties"].pop("version"),
            Bump.MAJOR,
            id="removed-response-field",
        ),
        pytest.param(
            lambda s: schemas(s)["Colour"]["enum"].append("blue"),
            Bump.MAJOR,  # a new value in a response enum breaks clients that switch on it
            id="new-response-enum-value",
        ),
    ],
)
def test_classify(edit: Callable[[Json], Any], bump: Bump) -> None:
    assert classify(BASE, edited(edit)) is bump


def release_files(tmp_path: Path, new: Json | str, released: str = "1.0.0") -> dict[str, Path]:
    """A checkout in `tmp_path`: the spec `new`, the baseline BASE at `released`, the SDK."""
    baseline = tmp_path / "spec" / "released"
    baseline.mkdir(parents=True)
    (baseline / "openapi.yaml").write_text(SPEC_TEXT)
    (baseline / "VERSION").write_text(f"{released}\n")
    spec = tmp_path / "spec" / "openapi.yaml"
    spec.write_text(new if isinstance(new, str) else yaml.safe_dump(new, sort_keys=False))
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "things-client"\n# follows the spec\nversion = "1.0.0"\n\n'
        '[tool.other]\nversion = "7"\n'
    )
    changelog = tmp_path / "CHANGELOG.md"
    return {"spec": spec, "baseline": baseline, "pyproject": pyproject, "changelog": changelog}


def release_args(files: dict[str, Path], version: str) -> list[str]:
    return [
        "--spec",
        str(files["spec"]),
        "--baseline-dir",
        str(files["baseline"]),
        "--client-pyproject",
        str(files["pyproject"]),
        "release",
        version,
        "--changelog",
        str(files["changelog"]),
    ]


def test_a_breaking_change_cannot_be_released_as_a_minor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    breaking = edited(lambda s: schemas(s)["Thing"]["properties"].pop("version"))
    files = release_files(tmp_path, breaking)
    before = {name: path.read_bytes() for name, path in files.items() if path.is_file()}

    assert main(release_args(files, "1.1.0")) == 1
    error = capsys.readouterr().err
    assert "need a major release: 2.0.0 or above, not 1.1.0" in error
    assert "[removed-response-field]" in error
    assert main(release_args(files, "1.0.1")) == 1
    # Nothing was written.
    assert {name: path.read_bytes() for name, path in files.items() if path.is_file()} == before

    assert main(release_args(files, "2.0.0")) == 0
    assert (files["baseline"] / "VERSION").read_text() == "2.0.0\n"
    assert spec_version(files["spec"]) == "2.0.0"
    assert package_version(files["pyproject"]) == "2.0.0"
    assert (files["baseline"] / "openapi.yaml").read_bytes() == files["spec"].read_bytes()
    entry = files["changelog"].read_text()
    assert entry.startswith("# Changelog\n\n## 2.0.0 (")
    assert "a major release (breaking changes)" in entry
    assert "### Breaking changes\n\n- [removed-response-field]" in entry


@pytest.mark.parametrize(
    ("edit", "too_low", "lowest"),
    [
        (add_operation, "1.0.1", "1.1.0"),
        (lambda s: schemas(s)["Colour"].update(description="A hue."), "1.0.0", "1.0.1"),
    ],
)
def test_the_version_must_be_at_least_what_the_changes_need(
    tmp_path: Path, edit: Callable[[Json], Any], too_low: str, lowest: str
) -> None:
    files = release_files(tmp_path, edited(edit))
    with pytest.raises(ReleaseError):
        plan_release(files["spec"], files["baseline"], too_low)
    assert main(release_args(files, too_low)) == 2
    assert plan_release(files["spec"], files["baseline"], lowest).entry
    assert plan_release(files["spec"], files["baseline"], "3.0.0").entry  # higher is allowed


def test_breaking_findings_travel_with_the_refusal(tmp_path: Path) -> None:
    files = release_files(tmp_path, edited(lambda s: schemas(s)["Colour"]["enum"].append("blue")))
    with pytest.raises(BreakingReleaseError) as refused:
        plan_release(files["spec"], files["baseline"], "1.1.0")
    assert {f.rule.value for f in refused.value.findings} == {"new-response-enum-value"}


def test_nothing_to_release_and_bad_versions(tmp_path: Path) -> None:
    files = release_files(tmp_path, SPEC_TEXT)
    with pytest.raises(ReleaseError, match="nothing to release"):
        plan_release(files["spec"], files["baseline"], "1.0.1")
    with pytest.raises(ReleaseError, match="not a version"):
        plan_release(files["spec"], files["baseline"], "v1.1")


def test_a_release_sets_the_versions_and_keeps_the_files_as_written(tmp_path: Path) -> None:
    text = SPEC_TEXT.replace(
        "        version: {type: integer",
        "        size: {type: integer}\n        version: {type: integer",
    )
    files = release_files(tmp_path, text)
    assert main(release_args(files, "1.1.0")) == 0
    # Only the info.version line changed: comments and the field called `version` stay.
    assert files["spec"].read_text() == text.replace("  version: 1.0.0", "  version: 1.1.0")
    assert files["pyproject"].read_text().count('version = "1.1.0"') == 1
    assert 'version = "7"' in files["pyproject"].read_text()
    assert version_mismatch(files["spec"], files["pyproject"]) is None


def test_the_changelog_entry_lists_what_was_added_and_deprecated() -> None:
    def change(spec: Json) -> None:
        add_operation(spec)
        schemas(spec)["Thing"]["properties"]["size"] = {"type": "integer"}
        schemas(spec)["ThingCreate"]["properties"]["shade"] = {
            "type": "string",
            "enum": ["light"],
        }
        schemas(spec)["Thing"]["properties"]["id"]["deprecated"] = True
        schemas(spec)["Shape"] = {"type": "string"}
        listing = spec["paths"]["/v1/things"]["get"]
        listing["parameters"].append({"name": "colour", "in": "query", "schema": {}})
        listing["parameters"][0]["deprecated"] = True

    new = edited(change)
    summary = summarize(BASE, new, [])
    assert summary.breaking == []
    assert summary.added == [
        "Query parameter `colour` of `GET /v1/things` (`listThings`)",
        "Operation `GET /v1/things/{id}` (`getThing`): One thing",
        "Field `Thing.size`",
        "Field `ThingCreate.shade`",
        "Schema `Shape`",
    ]
    assert summary.deprecated == [
        "Query parameter `limit` of `GET /v1/things` (`listThings`)",
        "Field `Thing.id`",
    ]
    assert summary.sdk == [
        "`patient_tracker_client.generated.api.things.get_thing` (GET /v1/things/{id})"
    ]


def test_new_responses_headers_and_links_are_listed() -> None:
    def change(spec: Json) -> None:
        create = spec["paths"]["/v1/things"]["post"]["responses"]
        create["409"] = {"description": "conflict"}
        create["201"]["headers"] = {"ETag": {"schema": {"type": "string"}}}
        create["201"]["links"] = {
            "listThings": {"operationId": "listThings"},
            "getThing": {"operationId": "getThing"},
        }

    assert summarize(BASE, edited(change), []).added == [
        "Header `ETag` on the `201` of `POST /v1/things` (`createThing`)",
        "Links `getThing`, `listThings` on the `201` of `POST /v1/things` (`createThing`)",
        "Response `409` of `POST /v1/things` (`createThing`)",
    ]


def test_a_new_webhook_is_listed_and_a_removed_one_is_a_major() -> None:
    hook = {
        "post": {
            "operationId": "thingCreatedWebhook",
            "summary": "A thing was created",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
            "responses": {"2XX": {"description": "acknowledged"}},
        }
    }
    with_hook = edited(lambda s: s.update(webhooks={"thing.created": hook}))
    assert classify(BASE, with_hook) is Bump.MINOR
    assert summarize(BASE, with_hook, []).added == ["Webhook `thing.created`: A thing was created"]
    assert classify(with_hook, BASE) is Bump.MAJOR


def test_new_enum_values_are_listed() -> None:
    def widen(spec: Json) -> None:
        # Only in requests: a request-only enum may grow without breaking anyone.
        schemas(spec)["ThingCreate"]["properties"]["colour"] = {
            "type": "string",
            "enum": ["red", "green", "blue"],
        }
        schemas(spec)["ThingCreate"]["properties"]["mood"] = {"enum": ["calm"]}

    old = edited(
        lambda s: schemas(s)["ThingCreate"]["properties"].update(
            colour={"type": "string", "enum": ["red", "green"]}
        )
    )
    summary = summarize(old, edited(widen), [])
    assert "Enum value(s) `blue` of `ThingCreate.colour`" in summary.added
    assert classify(old, edited(widen)) is Bump.MINOR


def test_entries_go_newest_first(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\nIntro.\n\n## 1.0.0 (2026-01-01)\n\nFirst.\n")
    add_changelog_entry(changelog, "## 1.1.0 (2026-02-02)\n\nSecond.\n")
    assert changelog.read_text() == (
        "# Changelog\n\nIntro.\n\n## 1.1.0 (2026-02-02)\n\nSecond.\n\n"
        "## 1.0.0 (2026-01-01)\n\nFirst.\n"
    )


def test_the_version_check_catches_a_mismatch(tmp_path: Path) -> None:
    files = release_files(tmp_path, SPEC_TEXT)
    set_package_version(files["pyproject"], "1.0.1")
    assert "info.version '1.0.0'" in (version_mismatch(files["spec"], files["pyproject"]) or "")
    args = ["--spec", str(files["spec"]), "--baseline-dir", str(files["baseline"])]
    assert main([*args, "--client-pyproject", str(files["pyproject"]), "check"]) == 1
    set_spec_version(files["spec"], "1.0.1")
    assert main([*args, "--client-pyproject", str(files["pyproject"]), "check"]) == 0


def test_the_sdk_version_is_the_spec_version() -> None:
    assert version_mismatch(ROOT / "spec/openapi.yaml", ROOT / "client/pyproject.toml") is None
