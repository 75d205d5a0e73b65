"""Background callbacks without running jobs: handle signing, query parsing, definition-
and first-request checks, the generated cancel callbacks, managers' argument checks."""

from __future__ import annotations

import json
import re

import pytest
from werkzeug.datastructures import MultiDict

from dash import ALL, Input, Output, State, html
from dash._background import BackgroundQuery
from dash._dispatch import dispatch
from dash.background_callback import CeleryManager, DiskcacheManager
from dash.background_callback._signing import HandleSigner, resolve_secret
from dash.background_callback.managers import SECRET_KEY, BaseBackgroundCallbackManager
from dash.exceptions import (
    BackgroundCallbackError,
    MissingLongCallbackManagerError,
    WildcardInLongCallback,
)

CONFIG = re.compile(r'<script id="_dash-config" type="application/json">(.*?)</script>')


def _body(value=1):
    return {
        "output": "out.children",
        "outputs": {"id": "out", "property": "children"},
        "inputs": [{"id": "btn", "property": "n_clicks", "value": value}],
        "changedPropIds": ["btn.n_clicks"],
    }


@pytest.fixture
def layout():
    return html.Div(
        [html.Button(id="btn"), html.Div(id="out"), html.Div(id="prog"), html.Button(id="stop")]
    )


@pytest.fixture
def manager(tmp_path):
    import diskcache

    return DiskcacheManager(diskcache.Cache(str(tmp_path / "cache")))


# ------------------------------------------------------------------ signing


class TestHandleSigner:
    def test_a_signed_handle_reads_back(self):
        signer = HandleSigner(b"secret")
        end_id = signer.new_end_id()
        handle = signer.sign("job", "1234@5.0", end_id)
        assert signer.unsign("job", handle, end_id) == "1234@5.0"

    def test_a_changed_value_is_rejected(self):
        signer = HandleSigner(b"secret")
        handle = signer.sign("job", "1234@5.0", "")
        mac = handle.rpartition("~")[2]
        assert signer.unsign("job", f"1@5.0~{mac}", "") is None

    def test_a_handle_of_another_page_is_rejected(self):
        signer = HandleSigner(b"secret")
        handle = signer.sign("job", "42", signer.new_end_id())
        assert signer.unsign("job", handle, signer.new_end_id()) is None

    def test_a_cache_key_is_not_a_job_handle(self):
        signer = HandleSigner(b"secret")
        assert signer.unsign("job", signer.sign("cacheKey", "k", ""), "") is None

    def test_another_secret_rejects_everything(self):
        mine, theirs = HandleSigner(b"mine"), HandleSigner(b"theirs")
        end_id = theirs.new_end_id()
        assert not mine.end_id_is_valid(end_id)
        assert mine.unsign("job", theirs.sign("job", "42", ""), "") is None

    @pytest.mark.parametrize("handle", ["", "42", "~", "42~", None, 42])
    def test_malformed_handles_are_rejected(self, handle):
        assert HandleSigner(b"s").unsign("job", handle, "") is None

    def test_end_id_shape(self):
        end_id = HandleSigner(b"s").new_end_id()
        value, _, mac = end_id.partition("~")
        assert len(value) == 24 and value.isalnum()
        assert re.fullmatch("[0-9a-f]{64}", mac)


class TestSecret:
    def test_flask_secret_key_wins(self, manager):
        assert resolve_secret("flask-key", manager) == b"flask-key"

    def test_the_manager_store_is_shared(self, tmp_path):
        import diskcache

        first = DiskcacheManager(diskcache.Cache(str(tmp_path / "shared")))
        second = DiskcacheManager(diskcache.Cache(str(tmp_path / "shared")))
        assert resolve_secret(None, first) == resolve_secret(None, second)
        assert first.handle.get(SECRET_KEY)

    def test_per_process_secret_without_anything(self):
        assert resolve_secret(None, None) == resolve_secret("", None)


# ------------------------------------------------------------------- query


def test_query_reads_repeated_parameters():
    args = MultiDict(
        [("cacheKey", "k"), ("job", "j"), ("oldJob", "a"), ("oldJob", "b"), ("cancelJob", "c")]
    )
    query = BackgroundQuery.from_args(args)
    assert query == BackgroundQuery("k", "j", ["a", "b"], ["c"], None)


def test_query_from_a_plain_dict():
    query = BackgroundQuery.from_args({"endId": "e", "oldJob": "a"})
    assert query.end_id == "e" and query.old_jobs == ["a"] and query.cache_key is None


# --------------------------------------------------------------- definition


def test_wildcards_in_cancel_are_refused_at_definition(make_app):
    app = make_app()
    with pytest.raises(WildcardInLongCallback):
        app.callback(
            Output("out", "children"),
            Input("btn", "n_clicks"),
            background=True,
            cancel=[Input("stop", "n_clicks"), Input({"type": "stop", "index": ALL}, "n_clicks")],
        )


def test_missing_manager_is_an_error_at_request_time_only(make_app, layout):
    app = make_app(layout=layout)

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def slow(n):
        return n

    with pytest.raises(MissingLongCallbackManagerError, match="background_callback_manager"):
        dispatch(app.callback_map, _body())
    response = app.server.test_client().post("/_dash-update-component", json=_body())
    assert response.status_code == 500


def test_registration_reaches_managers_made_later(make_app, layout, manager, tmp_path):
    import diskcache

    app = make_app(layout=layout)

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def slow(n):
        return n

    key = app.callback_map["out.children"]["meta"].background.key
    later = DiskcacheManager(diskcache.Cache(str(tmp_path / "later")))
    assert key in later.functions and key in manager.functions


# ------------------------------------------------------------ first request


def test_progress_feeding_the_callbacks_own_input_is_circular(make_app, layout, manager):
    app = make_app(layout=layout, background_callback_manager=manager)

    @app.callback(
        Output("out", "children"),
        Input("prog", "children"),
        background=True,
        progress=Output("prog", "children"),
    )
    def loop(value):
        return value

    with pytest.raises(BackgroundCallbackError, match="prog.children"):
        app._setup_server()


def test_running_feeding_the_input_through_another_callback_is_circular(make_app, layout, manager):
    app = make_app(layout=layout, background_callback_manager=manager)

    @app.callback(
        Output("out", "children"),
        Input("btn", "title"),
        background=True,
        running=[(Output("stop", "disabled"), True, False)],
    )
    def slow(value):
        return value

    @app.callback(Output("btn", "title"), Input("stop", "disabled"))
    def relay(disabled):
        return str(disabled)

    with pytest.raises(BackgroundCallbackError, match="btn.title"):
        app._setup_server()


def test_unrelated_progress_is_fine(make_app, layout, manager):
    app = make_app(layout=layout, background_callback_manager=manager)

    @app.callback(
        Output("out", "children"),
        Input("btn", "n_clicks"),
        background=True,
        progress=Output("prog", "children"),
    )
    def slow(set_progress, value):
        return value

    app._setup_server()


def test_one_cancel_callback_per_distinct_cancel_input(make_app, layout, manager):
    app = make_app(layout=layout, background_callback_manager=manager)
    for output in ("out", "prog"):
        app.callback(
            Output(output, "title"),
            Input("btn", "n_clicks"),
            State("btn", "id"),
            background=True,
            cancel=[Input("stop", "n_clicks")],
        )(lambda n, i: n)
    specs = app.server.test_client().get("/_dash-dependencies").json
    cancels = [spec for spec in specs if spec["output"] == "stop.id"]
    assert len(cancels) == 1
    assert cancels[0]["inputs"] == [{"id": "stop", "property": "n_clicks"}]
    assert cancels[0]["prevent_initial_call"] is True
    assert cancels[0]["hidden"] is None
    assert cancels[0]["background"] is None


def test_page_config_has_a_valid_end_id(make_app, layout, manager):
    app = make_app(layout=layout, background_callback_manager=manager)
    page = app.server.test_client().get("/").get_data(as_text=True)
    end_id = json.loads(CONFIG.search(page).group(1))["end_id"]
    assert app._handle_signer().end_id_is_valid(end_id)


def test_an_end_id_from_elsewhere_is_refused(make_app, layout, manager):
    app = make_app(layout=layout, background_callback_manager=manager)

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), background=True)
    def slow(n):
        return n

    foreign = HandleSigner(b"another server").new_end_id()
    response = app.server.test_client().post(
        "/_dash-update-component", json=_body(), query_string={"endId": foreign}
    )
    assert response.status_code == 400
    assert "endId" in response.json["message"]


# ------------------------------------------------------------------ managers


def test_diskcache_manager_checks_its_cache():
    with pytest.raises(ValueError, match="diskcache.Cache"):
        DiskcacheManager(cache={})


def test_celery_manager_needs_a_celery_app_with_a_result_backend():
    from celery import Celery

    with pytest.raises(ValueError, match="celery.Celery"):
        CeleryManager(object())
    with pytest.raises(ValueError, match="result backend"):
        CeleryManager(Celery("no_backend", broker="memory://"))


def test_cache_by_must_be_functions():
    with pytest.raises(ValueError, match="cache_by"):
        BaseBackgroundCallbackManager(cache_by=["not callable"])
