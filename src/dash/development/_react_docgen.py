"""Component metadata as react-docgen writes it: reading it, and extracting it from sources.

react-docgen has two output shapes, and the generator accepts both:

* react-docgen 5 (and Dash's own `extract-meta`): `{"path/Card.js": {...component...}}`;
* react-docgen 6 and later: `{"path/Card.js": [{...component...}, ...]}` (one file
  may document several components), or a bare list of components.

`flatten_metadata` turns either shape into `{key: component}`. Extraction from a
source directory runs the author's own, locally installed `react-docgen`; nothing
is downloaded.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "MetadataError",
    "extract_metadata",
    "find_react_docgen",
    "flatten_metadata",
    "how_to_produce_metadata",
    "load_metadata",
]

ComponentDoc = dict[str, Any]
_SOURCE_EXTENSIONS = ("js", "jsx", "ts", "tsx")
_VERSION = re.compile(r"(\d+)\.\d+")


class MetadataError(Exception):
    """The component metadata could not be read or produced; the message says how to fix it."""


def how_to_produce_metadata(source: str) -> str:
    """Instructions for producing the metadata JSON with the author's own toolchain."""
    return (
        "Produce the metadata with react-docgen, then pass the JSON file:\n"
        "  npm install --save-dev react-docgen\n"
        f'  npx react-docgen parse "{source}/**/*.{{js,jsx,ts,tsx}}" --out metadata.json'
        "   (react-docgen 6 or later)\n"
        f"  npx react-docgen {source} --pretty -o metadata.json   (react-docgen 5)\n"
        "  dash-generate-components metadata.json <project_shortname>"
    )


def flatten_metadata(raw: object) -> dict[str, ComponentDoc]:
    """`{key: component}` from either react-docgen output shape.

    Files documenting several components get keys `path#1`, `path#2`, ... after
    the first, so that every component keeps its own entry.
    """
    if isinstance(raw, list):
        raw = {f"component{index}": doc for index, doc in enumerate(raw)}
    if not isinstance(raw, Mapping):
        raise MetadataError(
            "The metadata must be a JSON object mapping source files to their "
            f"components (react-docgen output), not {type(raw).__name__}."
        )
    flat: dict[str, ComponentDoc] = {}
    for path, docs in raw.items():
        entries = docs if isinstance(docs, list) else [docs]
        for index, doc in enumerate(entries):
            if not isinstance(doc, Mapping):
                raise MetadataError(
                    f"The metadata entry for {path!r} is not a component description "
                    "(expected an object with 'displayName', 'description' and 'props')."
                )
            flat[path if index == 0 else f"{path}#{index}"] = dict(doc)
    return flat


def load_metadata(path: str | Path) -> dict[str, ComponentDoc]:
    """Read a react-docgen metadata JSON file, flattened by `flatten_metadata`."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise MetadataError(f"Cannot read the metadata file {path}: {error}") from error
    return flatten_metadata(raw)


def find_react_docgen(*starts: str | Path) -> Path | None:
    """The `node_modules/.bin/react-docgen` executable in a start folder or one of its parents."""
    executable = "react-docgen.cmd" if os.name == "nt" else "react-docgen"
    for start in starts:
        folder = Path(start).resolve()
        for candidate_dir in (folder, *folder.parents):
            candidate = candidate_dir / "node_modules" / ".bin" / executable
            if candidate.is_file():
                return candidate
    return None


def _major_version(executable: Path) -> int:
    """react-docgen's major version (5 if it does not say)."""
    try:
        done = subprocess.run(
            [str(executable), "--version"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return 5
    match = _VERSION.search(done.stdout)
    return int(match.group(1)) if match else 5


def _docgen_command(executable: Path, source: Path, out_file: str) -> list[str]:
    if _major_version(executable) >= 6:
        pattern = f"{source.as_posix()}/**/*.{{{','.join(_SOURCE_EXTENSIONS)}}}"
        return [str(executable), "parse", pattern, "--out", out_file]
    extensions = [arg for ext in _SOURCE_EXTENSIONS for arg in ("-x", ext)]
    return [str(executable), str(source), *extensions, "-o", out_file]


def extract_metadata(source_dir: str | Path) -> dict[str, ComponentDoc]:
    """Run the locally installed react-docgen over `source_dir` and return its metadata.

    Raises `MetadataError` (with instructions) when react-docgen is not installed
    in the source folder, the current folder or one of their parents, or fails.
    """
    source = Path(source_dir)
    executable = find_react_docgen(source, Path.cwd())
    if executable is None:
        raise MetadataError(
            f"{source} is a folder, and react-docgen is not installed locally "
            "(no node_modules/.bin/react-docgen in it, the current folder or their "
            "parents).\n" + how_to_produce_metadata(str(source))
        )
    with tempfile.TemporaryDirectory() as scratch:
        out_file = os.path.join(scratch, "metadata.json")
        command = _docgen_command(executable, source, out_file)
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as error:
            raise MetadataError(f"Running {executable} failed: {error}") from error
        if done.returncode != 0 or not os.path.exists(out_file):
            raise MetadataError(
                f"react-docgen could not document {source} (exit code {done.returncode}):\n"
                f"{done.stderr.strip() or done.stdout.strip()}"
            )
        return load_metadata(out_file)
