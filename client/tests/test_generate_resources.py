"""The resource facade's generator (client/generate.py) on made-up operations: the naming rule,
a method that shadows a builtin, and the refusal to guess on a clash."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

GENERATE = Path(__file__).resolve().parents[1] / "generate.py"

OPERATION = '''\
from typing import Any

from ...client import AuthenticatedClient
from ...models.thing_page import ThingPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(*, tags: list[str] | Unset = UNSET, cursor: str | Unset = UNSET) -> dict[str, Any]:
    return {"method": "get", "url": "/v1/things", "params": {}}


def sync_detailed(
    *, client: AuthenticatedClient, tags: list[str] | Unset = UNSET, cursor: str | Unset = UNSET
) -> Response[ThingPage | Problem]:
    """List things

     All of them.

    Args:
        tags (list[str] | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: never here.
    """
    raise NotImplementedError


async def asyncio_detailed(
    *, client: AuthenticatedClient, tags: list[str] | Unset = UNSET, cursor: str | Unset = UNSET
) -> Response[ThingPage | Problem]:
    """List things"""
    raise NotImplementedError
'''

PAGE = """\
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models.thing import Thing


class ThingPage:
    items: list[Thing]
    next_cursor: None | str
"""


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    """client/generate.py, imported from the source tree (it is not part of the wheel)."""
    spec = importlib.util.spec_from_file_location("sdk_generate", GENERATE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["sdk_generate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def made_up_package(root: Path, operations: dict[str, str]) -> Path:
    """A generated-looking package: api/things/<name>.py for each operation, a page model."""
    (root / "api" / "things").mkdir(parents=True)
    (root / "models").mkdir()
    (root / "models" / "thing_page.py").write_text(PAGE, encoding="utf-8")
    for name, source in operations.items():
        (root / "api" / "things" / f"{name}.py").write_text(source, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("module", "tag", "method"),
    [
        ("list_patients", "patients", "list"),
        ("get_patient", "patients", "get"),
        ("check_in_appointment", "appointments", "check_in"),
        ("mark_appointment_no_show", "appointments", "mark_no_show"),
        ("list_patient_appointments", "patients", "list_appointments"),
        ("get_health", "health", "get"),
        ("get_readiness", "health", "get_readiness"),
    ],
)
def test_naming_rule(generate: ModuleType, module: str, tag: str, method: str) -> None:
    assert generate.method_name(module, tag) == method


def test_list_all_names(generate: ModuleType) -> None:
    assert generate.list_all_name("list") == "list_all"
    assert generate.list_all_name("list_appointments") == "list_all_appointments"
    assert generate.list_all_name("search") == "search_all"


def test_a_method_named_list_qualifies_the_builtin(generate: ModuleType, tmp_path: Path) -> None:
    source = generate.build_resources(made_up_package(tmp_path, {"list_things": OPERATION}))
    compile(source, "resources.py", "exec")
    assert "    def list(self, *, tags: builtins.list[str] | Unset = UNSET," in source
    assert "def list_all(" in source
    assert ") -> Iterator[Thing]:" in source
    assert "from .models.thing import Thing" in source
    assert "(`GET /v1/things`)" in source
    assert "UnexpectedStatus" not in source  # the generator's Raises section is replaced


def test_two_operations_with_one_name_fail(generate: ModuleType, tmp_path: Path) -> None:
    package = made_up_package(tmp_path, {"list_things": OPERATION, "list_thing": OPERATION})
    with pytest.raises(generate.FacadeError, match="two methods named 'list'"):
        generate.build_resources(package)
