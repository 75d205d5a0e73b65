"""Layout benchmark: build a big html layout, encode it, and serve it from /_dash-layout.

For N components (nested divs and spans, each with an id, a className and a
style) it times:
  (a) construction of the component tree,
  (b) JSON encoding as the `_dash-layout` route encodes it (dash-next:
      `dash._json.to_json_bytes`; Dash: `dash._utils.to_json`, i.e.
      `plotly.io.json.to_json_plotly`),
  (c) one GET /_dash-layout through the Flask test client.
Times are the best of --repeat runs, in milliseconds.

    python bench/layout_json.py [--sizes 1000,10000,50000] [--repeat 3] [--baseline PYTHON]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from typing import Any

import _harness
from _harness import Report, Row, best_seconds, measured

CARDS_PER_SECTION = 10
COMPONENTS_PER_CARD = 5


def build_layout(n: int) -> tuple[Any, int]:
    """A root div of sections of cards, about `n` components; returns (layout, exact count)."""
    from dash import html

    count = 1
    card = 0
    sections = []
    while count + 1 + COMPONENTS_PER_CARD <= n:
        count += 1
        cards = []
        while len(cards) < CARDS_PER_SECTION and count + COMPONENTS_PER_CARD <= n:
            cards.append(_card(html, card))
            card += 1
            count += COMPONENTS_PER_CARD
        sections.append(
            html.Div(
                cards, id=f"section-{len(sections)}", className="section", style={"display": "flex"}
            )
        )
    return html.Div(sections, id="root", className="app", style={"padding": 8}), count


def _card(html: Any, i: int) -> Any:
    """Five components: a card div holding a title span and a body div of two spans."""
    return html.Div(
        [
            html.Span(f"Item {i}", id=f"title-{i}", className="card-title"),
            html.Div(
                [
                    html.Span(
                        str(i), id=f"value-{i}", className="value", style={"fontWeight": "bold"}
                    ),
                    html.Span("units", id=f"unit-{i}", className="unit", style={"color": "#666"}),
                ],
                id=f"body-{i}",
                className="card-body",
                style={"marginTop": 4},
            ),
        ],
        id=f"card-{i}",
        className="card",
        style={"border": "1px solid #ddd", "padding": 4},
    )


def layout_encoder() -> Callable[[Any], object]:
    """The function the `_dash-layout` route of the installed dash encodes the layout with."""
    try:
        from dash._json import to_json_bytes  # dash-next
    except ImportError:
        from dash._utils import to_json  # Plotly's Dash

        return to_json
    return to_json_bytes


def layout_route_seconds(layout: Any, repeat: int) -> float:
    """Best time of GET /_dash-layout on an app serving `layout` (after a warm-up request)."""
    from dash import Dash

    app = Dash(__name__)
    app.layout = layout
    client = app.server.test_client()

    def fetch() -> None:
        response = client.get("/_dash-layout")
        if response.status_code != 200:
            raise RuntimeError(f"GET /_dash-layout answered {response.status_code}")
        response.get_data()

    return best_seconds(fetch, repeat)


def _construct_ms(n: int, repeat: int) -> float:
    return 1000 * best_seconds(lambda: build_layout(n), repeat)


def _encode_ms(encode: Callable[[Any], object], layout: Any, repeat: int) -> float:
    return 1000 * best_seconds(lambda: encode(layout), repeat)


def _route_ms(layout: Any, repeat: int) -> float:
    return 1000 * layout_route_seconds(layout, repeat)


def run(arguments: argparse.Namespace) -> Report:
    """Measure every size for the installed dash."""
    report = Report(_harness.implementation_name())
    encode = layout_encoder()
    for n in arguments.sizes:
        label = f"N={n:,}"
        try:
            layout, count = build_layout(n)
        except Exception as error:  # noqa: BLE001 - reported, the other scenarios still run
            note = _harness.error_text(error)
            for name in ("construct", "encode", "GET /_dash-layout"):
                report.rows.append(Row(f"{name} {label}", None, "ms", note))
            continue
        report.rows.extend(
            [
                measured(f"construct {label}", "ms", partial(_construct_ms, n, arguments.repeat)),
                measured(
                    f"encode {label}", "ms", partial(_encode_ms, encode, layout, arguments.repeat)
                ),
                measured(
                    f"GET /_dash-layout {label}", "ms", partial(_route_ms, layout, arguments.repeat)
                ),
            ]
        )
        size = len(_as_bytes(encode(layout)))
        report.details.append(f"{label}: {count:,} components, layout JSON {size:,} bytes")
    return report


def _as_bytes(data: object) -> bytes:
    return data if isinstance(data, bytes) else str(data).encode("utf-8")


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def arguments() -> argparse.Namespace:
    """Command-line options of this scenario."""
    options = _harness.parser(__doc__.splitlines()[0])
    options.add_argument(
        "--sizes", type=_sizes, default=[1000, 10000, 50000], help="comma-separated N values"
    )
    options.add_argument(
        "--repeat", type=int, default=3, help="runs per measurement (best is kept)"
    )
    return options.parse_args()


if __name__ == "__main__":
    _harness.main("Layout construction, JSON encoding and GET /_dash-layout", arguments(), run)
