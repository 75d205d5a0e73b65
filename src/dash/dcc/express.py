"""Helpers that build the `data` of `dcc.Download`: a file name, its content and how it is encoded.

Return one of these from a callback with `Output("download", "data")`:

    send_file("report.pdf")                       # a file on the server
    send_bytes(png_bytes, "plot.png")             # bytes, or a function writing to a binary buffer
    send_string("a,b\\n1,2", "table.csv")          # text, or a function writing to a text buffer
    send_data_frame(df.to_csv, "table.csv")       # a pandas writer method
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Callable
from typing import Any, Union

__all__ = ["send_bytes", "send_data_frame", "send_file", "send_string"]

DownloadData = dict[str, Any]
BytesSource = Union[bytes, bytearray, Callable[..., Any]]
StringSource = Union[str, Callable[..., Any]]

# pandas writers that produce text; every other writer is called with a binary buffer.
_TEXT_WRITERS = frozenset(
    {"to_csv", "to_json", "to_html", "to_latex", "to_markdown", "to_string", "to_xml"}
)


def _download_data(content: str, filename: str, type: str | None, encoded: bool) -> DownloadData:
    return {"content": content, "filename": filename, "type": type, "base64": encoded}


def send_file(
    path: str | os.PathLike[str], filename: str | None = None, type: str | None = None
) -> DownloadData:
    """Download data for the file at `path` (named `filename`, default: the file's own name)."""
    with open(path, "rb") as handle:
        payload = handle.read()
    name = filename if filename is not None else os.path.basename(os.fspath(path))
    return send_bytes(payload, name, type)


def send_bytes(
    src: BytesSource, filename: str, type: str | None = None, **kwargs: Any
) -> DownloadData:
    """Download data for binary content: `src` is bytes, or a function called as
    `src(buffer, **kwargs)` that writes to a binary buffer (e.g. `fig.write_image`)."""
    if isinstance(src, (bytes, bytearray, memoryview)):
        payload = bytes(src)
    elif callable(src):
        buffer = io.BytesIO()
        src(buffer, **kwargs)
        payload = buffer.getvalue()
    else:
        raise TypeError(
            f"send_bytes expects bytes or a function writing to a binary buffer, got {src!r} "
            f"for the download {filename!r}."
        )
    return _download_data(base64.b64encode(payload).decode("ascii"), filename, type, True)


def send_string(
    src: StringSource, filename: str, type: str | None = None, **kwargs: Any
) -> DownloadData:
    """Download data for text content: `src` is a string, or a function called as
    `src(buffer, **kwargs)` that writes to a text buffer."""
    if isinstance(src, str):
        text = src
    elif callable(src):
        buffer = io.StringIO()
        src(buffer, **kwargs)
        text = buffer.getvalue()
    else:
        raise TypeError(
            f"send_string expects a string or a function writing to a text buffer, got {src!r} "
            f"for the download {filename!r}."
        )
    return _download_data(text, filename, type, False)


def send_data_frame(
    writer: Callable[..., Any], filename: str, type: str | None = None, **kwargs: Any
) -> DownloadData:
    """Download data for a pandas DataFrame written by one of its writer methods, e.g.
    `send_data_frame(df.to_csv, "data.csv", index=False)` or `send_data_frame(df.to_excel, "data.xlsx")`.
    Text writers (`to_csv`, `to_json`, `to_html`, ...) give text, the others base64 bytes."""
    name = getattr(writer, "__name__", "")
    if name in _TEXT_WRITERS:
        return send_string(writer, filename, type, **kwargs)
    return send_bytes(writer, filename, type, **kwargs)
