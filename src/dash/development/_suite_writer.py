"""What the html, dcc and dash_table generators share: writing files and the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


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
