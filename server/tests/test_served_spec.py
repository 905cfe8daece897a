"""The served contract (`spec_document.py`) and the docs pages (`docs.py`), over a real socket."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from tests.api_client import (
    REPOSITORY,
    Json,
)

SPEC_PATH = REPOSITORY / "spec" / "openapi.yaml"


def _spec() -> Json:
    spec: Json = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def test_openapi_json_is_the_spec(anonymous: httpx.Client) -> None:
    response = anonymous.get("/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == _spec()


def test_openapi_yaml_is_the_spec_file(anonymous: httpx.Client) -> None:
    response = anonymous.get("/openapi.yaml")

    assert response.status_code == 200
    assert response.text == SPEC_PATH.read_text(encoding="utf-8")


class _AssetLinks(HTMLParser):
    """The URLs a page loads through `<script src>` and `<link href>`."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_load_only_same_origin_assets(anonymous: httpx.Client, page: str) -> None:
    response = anonymous.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    parser = _AssetLinks()
    parser.feed(response.text)

    assert parser.urls, "the page loads no assets"
    for url in parser.urls:
        parts = urlsplit(url)
        assert not parts.scheme, f"{page} loads {url} from another origin"
        assert not parts.netloc, f"{page} loads {url} from another origin"
        assert anonymous.get(url).status_code == 200, url
    assert "/openapi.json" in response.text
