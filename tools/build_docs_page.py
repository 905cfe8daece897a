"""Build the reviewers' reference page (`nox -s docs`): one self-contained HTML file.

ReDoc 2.5, the same renderer the server's `/redoc` uses (its standalone script comes with the
pinned `fastapi-offline`), is inlined with the spec, so the file works opened straight from disk
or from a CI artifact, with no network. Why not `redocly build-docs`: its current output (Redoc 3)
gives each tag a page of its own reached by history routing, so opened from disk it shows the
introduction and the tag list but no operation.

Usage: python tools/build_docs_page.py spec/openapi.yaml build/docs/index.html
"""

from __future__ import annotations

import html
import json
import sys
from importlib import resources
from pathlib import Path

import yaml

# ReDoc shows an "API docs by Redocly" badge loaded from its CDN; the page may load images only
# from data: URIs, so the browser never asks for it.
_CSP = "img-src data:"


def page(spec: dict[str, object], redoc_script: str) -> str:
    """The HTML: the script and the spec inline, ReDoc started on the spec object."""
    # `</` must not appear inside a <script> element: JSON allows writing `/` as `\/`.
    spec_json = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    script = redoc_script.replace("</script", "<\\/script")
    info = spec.get("info")
    title = str(info.get("title", "API")) if isinstance(info, dict) else "API"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>body {{ margin: 0; padding: 0; }}</style>
</head>
<body>
<div id="redoc"></div>
<script>{script}</script>
<script>Redoc.init({spec_json}, {{}}, document.getElementById("redoc"));</script>
</body>
</html>
"""


def main(argv: list[str]) -> int:
    """Write the page; print where and how big."""
    spec_path, output = Path(argv[0]), Path(argv[1])
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    script_file = resources.files("fastapi_offline") / "static" / "redoc.standalone.js"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page(spec, script_file.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{output}: {output.stat().st_size // 1024} KiB (ReDoc and the spec inline)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
