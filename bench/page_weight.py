"""Page-weight benchmark: bytes of JavaScript the index page of a hello-world app loads.

Fetches the index page through the Flask test client, follows every
`<script src>` on the same server, and sums the bytes as served and gzip
compressed (level 6, what a compressing proxy typically uses). Inline scripts
(config, clientside functions, the renderer start-up) are counted separately.
Scripts loaded later on demand (async chunks, plotly.js) are not counted.

    python bench/page_weight.py [--baseline PYTHON]
"""

from __future__ import annotations

import argparse
import gzip
import re
from html.parser import HTMLParser
from typing import Any

import _harness
from _harness import Report, Row

GZIP_LEVEL = 6
# Cache-busting fingerprint in served file names, e.g. `dash_renderer.v4_4_1m1700000000.min.js`.
FINGERPRINT = re.compile(r"\.v[\w-]+m[0-9a-fA-F]+(?=\.)")


class ScriptCollector(HTMLParser):
    """Collects the `src` of external scripts and the text of inline ones."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []
        self.inline: list[str] = []
        self._in_inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        src = dict(attrs).get("src")
        if src:
            self.sources.append(src)
        else:
            self._in_inline = True
            self.inline.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline = False

    def handle_data(self, data: str) -> None:
        if self._in_inline:
            self.inline[-1] += data


def hello_world_client() -> Any:
    """Test client of the smallest app: one div saying hello."""
    from dash import Dash, html

    app = Dash(__name__)
    app.layout = html.Div("Hello, world", id="hello")
    return app.server.test_client()


def _fetch(client: Any, url: str) -> bytes:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return response.get_data()


def _is_local(src: str) -> bool:
    return not re.match(r"^(?:[a-z]+:)?//", src, re.IGNORECASE)


def run(_arguments: argparse.Namespace) -> Report:
    """Weigh the hello-world page of the installed dash."""
    report = Report(_harness.implementation_name())
    try:
        client = hello_world_client()
        page = _fetch(client, "/")
    except Exception as error:  # noqa: BLE001 - reported in the table
        report.rows.append(Row("index page", None, "bytes", _harness.error_text(error)))
        return report
    collector = ScriptCollector()
    collector.feed(page.decode("utf-8"))
    total = total_gzip = 0
    missing = []
    for src in collector.sources:
        name = FINGERPRINT.sub("", src.split("?")[0].rsplit("/", 1)[-1])
        if not _is_local(src):
            report.details.append(f"external (not fetched): {src}")
            continue
        try:
            body = _fetch(client, src)
        except RuntimeError as error:
            missing.append(name)
            report.details.append(f"{name}: not counted, {error}")
            continue
        packed = len(gzip.compress(body, compresslevel=GZIP_LEVEL))
        total += len(body)
        total_gzip += packed
        report.details.append(f"{name}: {len(body):,} bytes, {packed:,} gzip")
    note = f"missing: {', '.join(missing)}" if missing else ""
    inline = "".join(collector.inline).encode("utf-8")
    report.rows.extend(
        [
            Row("script files", len(collector.sources), "count"),
            Row("script bytes", total, "bytes", note),
            Row("script bytes gzip", total_gzip, "bytes", note),
            Row("inline script bytes", len(inline), "bytes"),
            Row("index page bytes", len(page), "bytes"),
        ]
    )
    return report


def arguments() -> argparse.Namespace:
    """Command-line options of this scenario."""
    return _harness.parser(__doc__.splitlines()[0]).parse_args()


if __name__ == "__main__":
    _harness.main("JavaScript loaded by the index page of a hello-world app", arguments(), run)
