"""Persistence in the browser: user edits and callback outputs survive a reload for `local` and
`session` storage, not for `memory`. The component is a small third-party one (html elements have
no persistence props) declaring its defaults through the `dashPersistence` static."""

from __future__ import annotations

from pathlib import Path

import pytest
from ports import start_on_free_port as _serve

from dash import Dash, Input, Output, html
from dash.development.base_component import Component

pytestmark = pytest.mark.browser

COUNTER_JS = """
window.persist_test = (function () {
  var h = React.createElement;
  function Counter(props) {
    var clicks = props.n_clicks || 0;
    return h('button', {
      id: props.id,
      className: 'counter',
      onClick: function () { props.setProps({n_clicks: clicks + 1}); }
    }, String(clicks));
  }
  Counter.dashPersistence = {persisted_props: ['n_clicks'], persistence_type: 'local'};
  return {Counter: Counter};
})();
"""


class Counter(Component):
    """A button counting its clicks, persisted like a third-party component."""

    _type = "Counter"
    _namespace = "persist_test"
    _prop_names = ["id", "n_clicks", "persistence", "persisted_props", "persistence_type"]
    _valid_wildcard_attributes: list[str] = []
    _base_nodes: list[str] = []
    _children_props: list[str] = []
    available_properties = _prop_names
    available_wildcard_properties = _valid_wildcard_attributes

    def __init__(self, **props) -> None:
        super().__init__(**props)


def _app(assets: Path) -> Dash:
    assets.mkdir(exist_ok=True)
    (assets / "counter.js").write_text(COUNTER_JS, encoding="utf-8")
    app = Dash(__name__, assets_folder=str(assets))
    app.layout = html.Div(
        [
            Counter(id="local", n_clicks=0, persistence=True),
            Counter(id="session", n_clicks=0, persistence="s1", persistence_type="session"),
            Counter(id="memory", n_clicks=0, persistence=True, persistence_type="memory"),
            Counter(id="plain", n_clicks=0),
            html.Button("set local to 10", id="set"),
            html.Div(id="echo"),
        ]
    )

    @app.callback(Output("local", "n_clicks"), Input("set", "n_clicks"), prevent_initial_call=True)
    def set_local(_):
        return 10

    @app.callback(
        Output("echo", "children"), Input("local", "n_clicks"), Input("session", "n_clicks")
    )
    def echo(local, session):
        return f"local={local} session={session}"

    return app


def _click(dash_duo, selector: str, times: int) -> None:
    """Click the counter `times` times, each once the previous count is shown.

    The counter adds one to the n_clicks it was rendered with, and a click's setProps
    is applied a task later: a second click before that would count from the old value.
    """
    for _ in range(times):
        shown = int(dash_duo.find_element(selector).text)
        dash_duo.find_element(selector).click()
        dash_duo.wait_for_text_to_equal(selector, str(shown + 1))


def _reload(dash_duo) -> None:
    dash_duo.driver.refresh()
    dash_duo.wait_for_element("#plain")


def test_local_and_session_persistence_survive_a_reload(dash_duo, wait_idle, tmp_path) -> None:
    _serve(dash_duo, _app(tmp_path / "assets"))
    dash_duo.wait_for_text_to_equal("#echo", "local=0 session=0")
    _click(dash_duo, "#local", 2)
    _click(dash_duo, "#session", 3)
    _click(dash_duo, "#memory", 1)
    _click(dash_duo, "#plain", 4)
    dash_duo.wait_for_text_to_equal("#echo", "local=2 session=3")
    wait_idle()
    # Key `_dash_persistence.<id>.<prop>.<JSON(persistence)>`, value `[new, original]`.
    assert dash_duo.get_local_storage("_dash_persistence.local.n_clicks.true") == [2, 0]
    assert dash_duo.get_session_storage('_dash_persistence.session.n_clicks."s1"') == [3, 0]

    _reload(dash_duo)
    dash_duo.wait_for_text_to_equal("#local", "2")
    dash_duo.wait_for_text_to_equal("#session", "3")
    dash_duo.wait_for_text_to_equal("#memory", "0")  # memory lives only as long as the page
    dash_duo.wait_for_text_to_equal("#plain", "0")
    # Callbacks see the persisted values, not the layout's.
    dash_duo.wait_for_text_to_equal("#echo", "local=2 session=3")
    wait_idle()
    assert dash_duo.get_logs() == []


def test_callback_outputs_to_a_persisted_prop_are_persisted(dash_duo, wait_idle, tmp_path) -> None:
    _serve(dash_duo, _app(tmp_path / "assets"))
    dash_duo.wait_for_text_to_equal("#echo", "local=0 session=0")
    dash_duo.find_element("#set").click()
    dash_duo.wait_for_text_to_equal("#local", "10")
    wait_idle()
    _reload(dash_duo)
    dash_duo.wait_for_text_to_equal("#local", "10")
    _click(dash_duo, "#local", 1)
    dash_duo.wait_for_text_to_equal("#echo", "local=11 session=0")
    wait_idle()
    assert dash_duo.get_local_storage("_dash_persistence.local.n_clicks.true") == [11, 0]
    assert dash_duo.get_logs() == []
