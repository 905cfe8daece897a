"""Copy spec/openapi.yaml into the SDK as JSON (`patient_tracker_client/_spec/openapi.json`).

    python client/bundle_spec.py           # rewrite the bundled copy (nox -s generate runs this)
    python client/bundle_spec.py --check   # exit 1 if the copy differs from the spec (nox -s sdk)

The test kit (`patient_tracker_client.testing`) answers from the spec, so the wheel carries it:
the kit then works offline and matches the SDK it ships with. JSON rather than YAML so that the
SDK needs no YAML parser at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

CLIENT_DIR = Path(__file__).resolve().parent
SPEC = CLIENT_DIR.parent / "spec" / "openapi.yaml"
BUNDLED = CLIENT_DIR / "src" / "patient_tracker_client" / "_spec" / "openapi.json"


def bundled_text(spec: Path = SPEC) -> str:
    """The JSON the SDK carries for `spec`: stable, diff-friendly (indented, keys in spec order)."""
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the bundled copy is stale")
    args = parser.parse_args(argv)
    expected = bundled_text()
    if args.check:
        current = BUNDLED.read_text(encoding="utf-8") if BUNDLED.is_file() else None
        if current != expected:
            print(f"{BUNDLED.relative_to(CLIENT_DIR.parent)} is stale: run nox -s generate")
            return 1
        print("the SDK's bundled spec is current")
        return 0
    BUNDLED.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
