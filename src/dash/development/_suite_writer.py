"""What the html, dcc and dash_table generators share: writing files and the command line."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any


def write_files(files: Mapping[str, str], out_dir: Path) -> list[Path]:
    """Write `{file name: source}` into `out_dir` (created if needed); return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, source in files.items():
        path = out_dir / file_name
        path.write_text(source, encoding="utf-8")
        written.append(path)
    return written


def run_generator(
    description: str,
    input_flag: str,
    default_input: Path,
    default_out: Path,
    write_all: Callable[[Path, Path], list[Path]],
    argv: Sequence[str] | None = None,
) -> None:
    """Parse `<input_flag> PATH --out DIR`, run `write_all(input, out)` and say what was written."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(input_flag, type=Path, default=default_input)
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    written = write_all(getattr(args, input_flag.lstrip("-")), args.out)
    print(f"Wrote {len(written)} files to {args.out}")


def py_dict(entry: Mapping[str, Any]) -> str:
    """A one-line dict literal with double-quoted strings (as generated `_js_dist` entries read)."""

    def literal(value: Any) -> str:
        return json.dumps(value) if isinstance(value, str) else repr(value)

    return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in entry.items()) + "}"


def suite_init_source(
    header: str,
    docstring: str,
    import_lines: Sequence[str],
    version: str,
    js_dist: Sequence[Mapping[str, Any]],
    public_names: Sequence[str],
) -> str:
    """Source of a generated suite package's `__init__.py` (dcc, dash_table)."""
    lines = [
        f"# {header}",
        f'"""{docstring}"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        *import_lines,
        "",
        f'__version__ = "{version}"',
        "",
        "# Scripts the server registers for this suite (`dash` is the top-level module).",
        "_js_dist: list[dict[str, Any]] = [",
        *[f"    {py_dict(entry)}," for entry in js_dist],
        "]",
        "_css_dist: list[dict[str, Any]] = []",
        "",
        "__all__ = [",
        *[f'    "{name}",' for name in public_names],
        "]",
        "",
    ]
    return "\n".join(lines)
