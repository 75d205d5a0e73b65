"""A tour of every dash.dcc component: one card per widget, each wired to a Python callback.

Every card says in its last line what you just did with it, so the page doubles as a quick
check that a component reports the props a callback receives.

Run it from the repository root, then open http://127.0.0.1:8050:

    python examples/gallery.py

Set PORT to serve on another port and DASH_DEBUG=true for the dev tools.
"""

from __future__ import annotations

import base64
import binascii
import os
import time
from datetime import date

import plotly.graph_objects as go

from dash import Dash, Input, Output, State, callback, ctx, dcc, html, no_update

# Monthly mean temperatures (°C), January to December, rounded.
CLIMATE = {
    "Montréal": [-10, -8, -2, 6, 13, 19, 21, 20, 15, 8, 2, -6],
    "Lisbon": [11, 12, 14, 16, 18, 21, 23, 23, 22, 19, 15, 12],
    "Tokyo": [5, 6, 9, 14, 19, 22, 26, 27, 23, 18, 12, 7],
    "Cape Town": [22, 22, 21, 18, 16, 14, 13, 14, 15, 17, 19, 21],
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LANGUAGES = ["Python", "TypeScript", "Rust", "Go", "SQL", "Julia"]
SNIPPETS = {
    "python": 'def greet(name: str) -> str:\n    # a friendly function\n    return f"Hello, {name}!"',
    "javascript": "const greet = (name) => `Hello, ${name}!`;\nconsole.log(greet('Dash'));",
    "sql": "SELECT city, AVG(temp) AS mean\nFROM climate\nGROUP BY city\nORDER BY mean DESC;",
}
REPORT_CSV = "month,temperature\n" + "\n".join(
    f"{month},{temp}" for month, temp in zip(MONTHS, CLIMATE["Lisbon"], strict=True)
)

app = Dash(__name__, title="dcc gallery", assets_ignore=r"^style\.css$")


def card(
    title: str, about: str, *body, output_id: str, output: str = "", wide: bool = False
) -> html.Section:
    """One gallery card: a title, a line on what to try, the widgets, and the callback's answer.

    `output` is the answer's text before the first callback (for callbacks that skip the
    initial call).
    """
    return html.Section(
        className="gallery-card gallery-card--wide" if wide else "gallery-card",
        children=[
            html.H2(title, className="gallery-card-title"),
            html.P(about, className="gallery-card-about"),
            html.Div(list(body), className="gallery-card-body"),
            html.P(output, id=output_id, className="gallery-output", **{"aria-live": "polite"}),
        ],
    )


def field(label: str, control, html_for: str | None = None) -> html.Div:
    """A label above a control, as forms in Bootstrap and Mantine lay them out."""
    return html.Div(
        [html.Label(label, htmlFor=html_for, className="gallery-label"), control],
        className="gallery-field",
    )


def temperature_figure(city: str) -> go.Figure:
    """The monthly temperature line of one city, in a quiet style that suits the cards."""
    figure = go.Figure(
        go.Scatter(
            x=MONTHS,
            y=CLIMATE[city],
            mode="lines+markers",
            line={"color": "#7f4bc4", "width": 3},
            marker={"size": 8},
            hovertemplate="%{x}: %{y} °C<extra></extra>",
        )
    )
    figure.update_layout(
        height=300,
        margin={"l": 40, "r": 16, "t": 16, "b": 32},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        yaxis={"title": "°C", "gridcolor": "#e6e7eb", "zerolinecolor": "#c9ccd3"},
        xaxis={"gridcolor": "#f0f1f4"},
        font={"family": "system-ui, sans-serif", "color": "#23252b"},
    )
    return figure


chart_card = card(
    "Graph",
    "Monthly temperatures of the city chosen below. Click a point.",
    dcc.Graph(
        id="chart",
        figure=temperature_figure("Lisbon"),
        config={"displaylogo": False},
        style={"height": "300px"},
    ),
    output_id="chart-output",
    wide=True,
)

dropdown_card = card(
    "Dropdown",
    "A single choice that also redraws the chart, and a searchable multi-select.",
    field(
        "City",
        dcc.Dropdown(list(CLIMATE), "Lisbon", id="city", clearable=False),
    ),
    field(
        "Languages you use",
        dcc.Dropdown(
            LANGUAGES, ["Python", "SQL"], id="languages", multi=True, placeholder="Pick some"
        ),
    ),
    output_id="dropdown-output",
)

input_card = card(
    "Input",
    "Text and number inputs; the number box keeps within 0–120.",
    field("Your name", dcc.Input(id="name", placeholder="Ada Lovelace"), "name"),
    field("Age", dcc.Input(id="age", type="number", value=36, min=0, max=120), "age"),
    output_id="input-output",
)

textarea_card = card(
    "Textarea",
    "Several lines of free text.",
    dcc.Textarea(
        id="notes",
        value="Buy milk\nWater the plants",
        rows=4,
        className="gallery-fill",
        placeholder="One task per line",
    ),
    output_id="textarea-output",
)

checklist_card = card(
    "Checklist",
    "Any number of choices, one disabled.",
    dcc.Checklist(
        [
            {"label": "Email", "value": "email"},
            {"label": "SMS", "value": "sms"},
            {"label": "Push notification", "value": "push"},
            {"label": "Carrier pigeon", "value": "pigeon", "disabled": True},
        ],
        ["email"],
        id="channels",
    ),
    output_id="checklist-output",
)

radio_card = card(
    "RadioItems",
    "Exactly one choice, laid out inline.",
    dcc.RadioItems(["Small", "Medium", "Large"], "Medium", id="size", inline=True),
    output_id="radio-output",
)

slider_card = card(
    "Slider",
    "Drag the thumb, or focus it and use the arrow keys.",
    dcc.Slider(
        0,
        100,
        10,
        value=40,
        id="volume",
        tooltip={"placement": "top", "always_visible": True},
    ),
    output_id="slider-output",
)

range_card = card(
    "RangeSlider",
    "Two thumbs for a price range, with labelled marks.",
    dcc.RangeSlider(
        0,
        500,
        50,
        value=[100, 300],
        id="price",
        marks={0: "$0", 250: "$250", 500: "$500"},
    ),
    output_id="range-output",
)

date_card = card(
    "DatePickerSingle",
    "One day, from a calendar or typed in.",
    dcc.DatePickerSingle(
        id="day",
        date=date(2025, 5, 12),
        display_format="D MMM YYYY",
        first_day_of_week=1,
    ),
    output_id="date-output",
)

range_date_card = card(
    "DatePickerRange",
    "A stay of at least one night.",
    dcc.DatePickerRange(
        id="stay",
        start_date=date(2025, 7, 4),
        end_date=date(2025, 7, 9),
        minimum_nights=1,
        display_format="D MMM YYYY",
        first_day_of_week=1,
        clearable=True,
    ),
    output_id="stay-output",
)

tabs_card = card(
    "Tabs",
    "Only the selected tab's content is in the page.",
    dcc.Tabs(
        id="tabs",
        value="overview",
        children=[
            dcc.Tab(label="Overview", value="overview", children=html.P(
                "A summary of the project.", className="gallery-tab-text")),
            dcc.Tab(label="Details", value="details", children=html.P(
                "Every number, in a table.", className="gallery-tab-text")),
            dcc.Tab(label="Archive", value="archive", disabled=True),
        ],
    ),
    output_id="tabs-output",
)

button_card = card(
    "Button and Store",
    "Clicks are counted in session storage: reload the page and they stay.",
    html.Div(
        [
            dcc.Button("Add one", id="add"),
            dcc.Button("Reset", id="reset", className="gallery-quiet"),
            dcc.Button("Disabled", disabled=True),
        ],
        className="gallery-row",
    ),
    dcc.Store(id="clicks", storage_type="session", data=0),
    output_id="button-output",
)

interval_card = card(
    "Interval",
    "A clock that ticks every second until you pause it.",
    dcc.Interval(id="clock", interval=1000),
    dcc.Checklist([{"label": "Pause the clock", "value": "paused"}], [], id="pause"),
    output_id="interval-output",
)

link_card = card(
    "Link and Location",
    "Links change the address without reloading; Location reports it.",
    html.Nav(
        [
            dcc.Link("All", href="/?view=all", className="gallery-link"),
            dcc.Link("Favourites", href="/?view=favourites", className="gallery-link"),
            dcc.Link("Section B", href="/?view=all#b", className="gallery-link"),
        ],
        className="gallery-row",
    ),
    dcc.Location(id="url"),
    output_id="location-output",
)

markdown_card = card(
    "Markdown",
    "Rendered text with highlighted code; pick the language.",
    dcc.RadioItems(
        [
            {"label": "Python", "value": "python"},
            {"label": "JavaScript", "value": "javascript"},
            {"label": "SQL", "value": "sql"},
        ],
        "python",
        id="snippet-language",
        inline=True,
    ),
    dcc.Markdown(id="snippet", className="gallery-markdown"),
    output_id="markdown-output",
)

upload_card = card(
    "Upload",
    "Drop a file here or click to choose one; it never leaves your browser until sent.",
    dcc.Upload(
        html.Div(
            [
                html.Span("Drag and drop a file", className="gallery-drop-title"),
                html.Span(" or click to browse", className="gallery-drop-hint"),
            ]
        ),
        id="upload",
        className="gallery-dropzone",
        className_active="gallery-dropzone--active",
    ),
    output_id="upload-output",
    output="No file yet.",
)

download_card = card(
    "Download",
    "A CSV built on the server, saved by the browser.",
    dcc.Button("Download CSV", id="download-button"),
    dcc.Download(id="download"),
    output_id="download-output",
    output="Nothing downloaded yet.",
)

loading_card = card(
    "Loading",
    "A slow callback: the spinner covers its output while it runs.",
    dcc.Button("Run a slow job", id="slow-button"),
    dcc.Loading(
        html.Div("Nothing computed yet.", id="slow-result", className="gallery-slow-result"),
        id="loading",
        type="circle",
    ),
    output_id="loading-output",
    output="The job has not run yet.",
)

tooltip_card = card(
    "Tooltip",
    "A tooltip placed over a box; the button toggles it.",
    html.Div(
        [
            html.Div("Hover target", className="gallery-tooltip-anchor"),
            dcc.Tooltip(
                "Helpful details live here.",
                id="tooltip",
                show=True,
                direction="right",
                bbox={"x0": 0, "y0": 0, "x1": 120, "y1": 36},
            ),
        ],
        className="gallery-tooltip-stage",
    ),
    dcc.Button("Toggle tooltip", id="tooltip-button"),
    output_id="tooltip-output",
)

confirm_card = card(
    "ConfirmDialog and ConfirmDialogProvider",
    "Both ask the browser to confirm before anything happens.",
    html.Div(
        [
            dcc.Button("Delete draft", id="delete"),
            dcc.ConfirmDialog(id="confirm-delete", message="Delete this draft for good?"),
            dcc.ConfirmDialogProvider(
                dcc.Button("Publish"),
                id="confirm-publish",
                message="Publish this page to everyone?",
            ),
        ],
        className="gallery-row",
    ),
    output_id="confirm-output",
)

clipboard_card = card(
    "Clipboard",
    "Copies the text of the box next to it.",
    html.Div(
        [
            dcc.Input(id="share-link", value="https://example.org/report/42", readOnly=True),
            dcc.Clipboard(id="copy", target_id="share-link", title="Copy link",
                          className="gallery-copy"),
        ],
        className="gallery-row gallery-row--nowrap",
    ),
    output_id="clipboard-output",
)

geolocation_card = card(
    "Geolocation",
    "Asks the browser where you are (it may ask your permission).",
    dcc.Button("Locate me", id="locate"),
    dcc.Geolocation(id="where", timeout=5000),
    output_id="geolocation-output",
)

app.layout = html.Div(
    className="gallery-page",
    children=[
        html.Header(
            [
                html.H1("dcc gallery", className="gallery-title"),
                html.P(
                    "Every core component in one page. Each card's last line is written by a "
                    "Python callback from what you did.",
                    className="gallery-lead",
                ),
            ],
            className="gallery-header",
        ),
        html.Main(
            className="gallery-grid",
            children=[
                chart_card,
                dropdown_card,
                input_card,
                textarea_card,
                checklist_card,
                radio_card,
                slider_card,
                range_card,
                date_card,
                range_date_card,
                tabs_card,
                button_card,
                interval_card,
                link_card,
                markdown_card,
                upload_card,
                download_card,
                loading_card,
                tooltip_card,
                confirm_card,
                clipboard_card,
                geolocation_card,
            ],
        ),
    ],
)


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


@callback(Output("chart", "figure"), Input("city", "value"))
def redraw_chart(city: str) -> go.Figure:
    """The chart follows the city Dropdown."""
    return temperature_figure(city)


@callback(Output("chart-output", "children"), Input("chart", "clickData"), State("city", "value"))
def describe_chart_click(click: dict | None, city: str) -> str:
    """Name the point the user clicked."""
    if not click:
        return "Click a point of the line."
    point = click["points"][0]
    return f"You clicked {city} in {point['x']}: {point['y']} °C."


@callback(
    Output("dropdown-output", "children"),
    Input("city", "value"),
    Input("languages", "value"),
)
def describe_dropdowns(city: str, languages: list[str] | None) -> str:
    """Repeat both Dropdown choices."""
    chosen = listing(languages or []) or "no language"
    return f"You picked {city}, and {chosen}."


@callback(Output("input-output", "children"), Input("name", "value"), Input("age", "value"))
def describe_inputs(name: str | None, age: float | None) -> str:
    """Greet the name typed; an out-of-range age arrives as None."""
    who = name.strip() if name and name.strip() else "stranger"
    if age is None:
        return f"Hello, {who}! Your age must be a number from 0 to 120."
    return f"Hello, {who}! You are {age:g}."


@callback(Output("textarea-output", "children"), Input("notes", "value"))
def describe_notes(notes: str | None) -> str:
    """Count lines and characters of the Textarea."""
    lines = [line for line in (notes or "").splitlines() if line.strip()]
    return f"{len(lines)} task{'' if len(lines) == 1 else 's'}, {len(notes or '')} characters."


@callback(Output("checklist-output", "children"), Input("channels", "value"))
def describe_channels(channels: list[str]) -> str:
    """List the checked channels."""
    if not channels:
        return "You will not be notified."
    return f"You checked {listing(channels)}."


@callback(Output("radio-output", "children"), Input("size", "value"))
def describe_size(size: str) -> str:
    """Repeat the chosen radio item."""
    return f"You chose {size}."


@callback(Output("slider-output", "children"), Input("volume", "value"))
def describe_volume(volume: float) -> str:
    """Repeat the Slider's value."""
    return f"Volume: {volume:g}%."


@callback(Output("range-output", "children"), Input("price", "value"))
def describe_price(price: list[float]) -> str:
    """Repeat the RangeSlider's two ends."""
    low, high = price
    return f"Between ${low:g} and ${high:g}."


@callback(Output("date-output", "children"), Input("day", "date"))
def describe_day(day: str | None) -> str:
    """Name the weekday of the chosen date."""
    if not day:
        return "No date chosen."
    chosen = date.fromisoformat(day[:10])
    return f"You picked {chosen:%A %d %B %Y}."


@callback(
    Output("stay-output", "children"),
    Input("stay", "start_date"),
    Input("stay", "end_date"),
)
def describe_stay(start: str | None, end: str | None) -> str:
    """Count the nights between the two dates."""
    if not (start and end):
        return "Choose your arrival and departure."
    nights = (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days
    return f"{nights} night{'' if nights == 1 else 's'}, from {start[:10]} to {end[:10]}."


@callback(Output("tabs-output", "children"), Input("tabs", "value"))
def describe_tab(tab: str) -> str:
    """Name the selected tab."""
    return f"You are on the {tab.capitalize()} tab."


@callback(
    Output("clicks", "data"),
    Input("add", "n_clicks"),
    Input("reset", "n_clicks"),
    State("clicks", "data"),
    prevent_initial_call=True,
)
def count_clicks(_add: int | None, _reset: int | None, stored: int | None) -> int:
    """Add one, or start again from zero."""
    if ctx.triggered_id == "reset":
        return 0
    return (stored or 0) + 1


@callback(Output("button-output", "children"), Input("clicks", "data"))
def describe_clicks(stored: int | None) -> str:
    """Show the count kept in the Store."""
    count = stored or 0
    return f"The Store holds {count} click{'' if count == 1 else 's'}."


@callback(Output("clock", "disabled"), Input("pause", "value"))
def pause_clock(pause: list[str]) -> bool:
    """Stop the Interval while the box is checked."""
    return "paused" in pause


@callback(
    Output("interval-output", "children"),
    Input("clock", "n_intervals"),
    Input("clock", "disabled"),
)
def describe_clock(ticks: int | None, paused: bool | None) -> str:
    """Count the ticks."""
    state = "paused" if paused else "running"
    return f"The clock ticked {ticks or 0} times ({state})."


@callback(
    Output("location-output", "children"),
    Input("url", "pathname"),
    Input("url", "search"),
    Input("url", "hash"),
)
def describe_location(pathname: str | None, search: str | None, fragment: str | None) -> str:
    """Show the address the Links produced."""
    return f"You are at {pathname or '/'}{search or ''}{fragment or ''}."


@callback(
    Output("snippet", "children"),
    Output("markdown-output", "children"),
    Input("snippet-language", "value"),
)
def show_snippet(language: str) -> tuple[str, str]:
    """Render a short example in the chosen language."""
    text = f"**Greeting** in `{language}`:\n\n```{language}\n{SNIPPETS[language]}\n```\n"
    return text, f"Showing the {language} example."


@callback(
    Output("upload-output", "children"),
    Input("upload", "contents"),
    State("upload", "filename"),
    prevent_initial_call=True,
)
def describe_upload(contents: str | None, filename: str | None) -> str:
    """Name the file received and its size."""
    if not contents:
        return "No file yet."
    try:
        size = len(base64.b64decode(contents.split(",", 1)[1]))
    except (IndexError, binascii.Error):
        return f"Received {filename}, but could not read it."
    return f"Received {filename} ({size} bytes)."


@callback(
    Output("download", "data"),
    Output("download-output", "children"),
    Input("download-button", "n_clicks"),
    prevent_initial_call=True,
)
def send_report(n_clicks: int) -> tuple[dict, str]:
    """Send the Lisbon table as a CSV file."""
    return dcc.send_string(REPORT_CSV, "lisbon.csv"), f"Sent lisbon.csv ({n_clicks}×)."


@callback(
    Output("slow-result", "children"),
    Output("loading-output", "children"),
    Input("slow-button", "n_clicks"),
    prevent_initial_call=True,
)
def run_slow_job(n_clicks: int) -> tuple[str, str]:
    """Pretend to work for a moment so that the spinner shows."""
    time.sleep(1.2)
    return f"Result #{n_clicks}: 42.", f"The job ran {n_clicks} time{'' if n_clicks == 1 else 's'}."


@callback(
    Output("tooltip", "show"),
    Output("tooltip-output", "children"),
    Input("tooltip-button", "n_clicks"),
)
def toggle_tooltip(n_clicks: int | None) -> tuple[bool, str]:
    """Even clicks show the tooltip, odd clicks hide it."""
    shown = not (n_clicks or 0) % 2
    return shown, "The tooltip is shown." if shown else "The tooltip is hidden."


@callback(
    Output("confirm-delete", "displayed"),
    Input("delete", "n_clicks"),
    prevent_initial_call=True,
)
def ask_before_deleting(_n_clicks: int) -> bool:
    """Open the browser's confirm box."""
    return True


@callback(
    Output("confirm-output", "children"),
    Input("confirm-delete", "submit_n_clicks"),
    Input("confirm-delete", "cancel_n_clicks"),
    Input("confirm-publish", "submit_n_clicks"),
    Input("confirm-publish", "cancel_n_clicks"),
)
def describe_confirmations(*_clicks: int | None) -> str:
    """Say which question was answered, and how."""
    answers = {
        ("confirm-delete", "submit_n_clicks"): "You deleted the draft.",
        ("confirm-delete", "cancel_n_clicks"): "You kept the draft.",
        ("confirm-publish", "submit_n_clicks"): "You published the page.",
        ("confirm-publish", "cancel_n_clicks"): "You did not publish.",
    }
    if not ctx.triggered_id:
        return "Nothing confirmed yet."
    prop = ctx.triggered[0]["prop_id"].split(".")[-1]
    return answers[(ctx.triggered_id, prop)]


@callback(Output("clipboard-output", "children"), Input("copy", "n_clicks"))
def describe_copy(n_clicks: int | None) -> str:
    """Count the copies."""
    if not n_clicks:
        return "Nothing copied yet."
    return f"Copied the link {n_clicks} time{'' if n_clicks == 1 else 's'}."


@callback(
    Output("where", "update_now"),
    Input("locate", "n_clicks"),
    prevent_initial_call=True,
)
def locate(_n_clicks: int) -> bool:
    """Ask the Geolocation component for a fresh position."""
    return True


@callback(
    Output("geolocation-output", "children"),
    Input("where", "position"),
    Input("where", "position_error"),
    Input("locate", "n_clicks"),
)
def describe_position(position: dict | None, error: dict | None, asked: int | None) -> str:
    """Show the coordinates, or why there are none."""
    if ctx.triggered_id == "where" and error and "position_error" in ctx.triggered[0]["prop_id"]:
        reason = (error.get("message") or "the browser refused").rstrip(".")
        return f"No position: {reason}."
    if position:
        return f"You are near {position['lat']:.3f}, {position['lon']:.3f}."
    if asked:
        return "Asking the browser…"
    return no_update if ctx.triggered_id else "Click to find out where you are."


if __name__ == "__main__":
    app.run(debug=os.environ.get("DASH_DEBUG", "").lower() in {"1", "true", "yes"})
