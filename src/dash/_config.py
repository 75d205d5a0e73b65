"""Settings of a Dash app: the config object, `DASH_*` environment variables, path prefixes.

Everything here is pure (no Flask): the app object calls these helpers while it is
constructed, and `enable_dev_tools` calls `resolve_dev_tools`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from typing import Any

from .exceptions import InvalidConfig

__all__ = [
    "AttributeDict",
    "DEV_TOOLS_FLAGS",
    "env_setting",
    "get_combined_config",
    "resolve_dev_tools",
    "resolve_pathnames",
]


class AttributeDict(dict):
    """A dict whose keys can also be read and written as attributes.

    Two optional locks make it suitable for `app.config`: keys marked read-only
    refuse new values, and once `finalize` is called no new key can be added.
    Both failures raise `AttributeError` with a message saying what to do.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "_read_only", {})
        object.__setattr__(self, "_final_message", None)

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __setitem__(self, key: str, value: Any) -> None:
        read_only = self.__dict__.get("_read_only", {})
        if key in read_only:
            raise AttributeError(read_only[key], key)
        final_message = self.__dict__.get("_final_message")
        if final_message is not None and key not in self:
            raise AttributeError(final_message, key)
        super().__setitem__(key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        """Set several keys, honouring the read-only and final rules of `__setitem__`."""
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def setdefault(self, key: str, default: Any = None) -> Any:
        """Return `self[key]`, first setting it to `default` when absent (rules apply)."""
        if key not in self:
            self[key] = default
        return self[key]

    def set_read_only(self, names: Iterable[str], message: str = "Attribute is read-only") -> None:
        """Make each key of `names` refuse new values with `message`."""
        for name in names:
            self._read_only[name] = message

    def unlock(self, names: Iterable[str]) -> None:
        """Lift the read-only lock of each key of `names`."""
        for name in names:
            self._read_only.pop(name, None)

    def finalize(self, message: str = "No new keys may be added.") -> None:
        """Refuse any key that is not present yet, with `message`."""
        object.__setattr__(self, "_final_message", message)


def _parse_env_value(raw: str) -> str | bool:
    lowered = raw.lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    return raw


def env_setting(variable: str) -> str | bool | None:
    """The value of environment variable `variable`, else of its lowercase name.

    "true" and "false" (any case) become bools; every other value stays a string,
    so `DASH_DEBUG=0` is a truthy "0". Returns None when neither name is set.
    """
    raw = os.environ.get(variable)
    if raw is None:
        raw = os.environ.get(variable.lower())
    if raw is None:
        return None
    return _parse_env_value(raw)


def get_combined_config(name: str, value: Any, default: Any = None) -> Any:
    """An explicit `value` if not None, else env `DASH_<NAME>`, else `default`."""
    if value is not None:
        return value
    from_env = env_setting(f"DASH_{name.upper()}")
    return default if from_env is None else from_env


_AMBIGUOUS = (
    "You supplied `url_base_pathname` together with `{other}`. This is ambiguous: "
    "`url_base_pathname` sets both prefixes, so give either it alone or the two "
    "other prefixes (possibly from DASH_* environment variables)."
)


def resolve_pathnames(
    url_base_pathname: str | None = None,
    routes_pathname_prefix: str | None = None,
    requests_pathname_prefix: str | None = None,
) -> tuple[str | None, str, str]:
    """Resolve the three path prefixes from arguments and environment.

    Returns `(url_base_pathname, routes_pathname_prefix, requests_pathname_prefix)`.
    `url_base_pathname` stays None unless given. Raises `InvalidConfig` when the
    combination is ambiguous or a prefix lacks its slashes.
    """
    url_base = get_combined_config("url_base_pathname", url_base_pathname)
    routes = get_combined_config("routes_pathname_prefix", routes_pathname_prefix)
    requests = get_combined_config("requests_pathname_prefix", requests_pathname_prefix)

    if url_base is not None:
        for other_name, other in (
            ("requests_pathname_prefix", requests),
            ("routes_pathname_prefix", routes),
        ):
            if other is not None:
                raise InvalidConfig(_AMBIGUOUS.format(other=other_name))
        routes = url_base
    elif routes is None:
        routes = "/"

    if not isinstance(routes, str) or not routes.startswith("/") or not routes.endswith("/"):
        raise InvalidConfig(
            f"`routes_pathname_prefix` (or `url_base_pathname`) must start and end with `/`, "
            f"got {routes!r}; for example use '/my-app/'."
        )

    app_name = env_setting("DASH_APP_NAME")
    if not requests and app_name:
        requests = f"/{app_name}{routes}"
    elif requests is None:
        requests = routes

    if not isinstance(requests, str) or not requests.startswith("/"):
        raise InvalidConfig(
            f"`requests_pathname_prefix` must start with `/`, got {requests!r}; "
            f"for example use '/proxy{routes}'."
        )
    return url_base, routes, requests


# Dev-tools flags that default to the value of `debug` (env `DASH_<FLAG>`).
DEV_TOOLS_FLAGS = (
    "ui",
    "props_check",
    "serve_dev_bundles",
    "hot_reload",
    "silence_routes_logging",
    "prune_errors",
)

# Numeric dev-tools settings: (name, type, default).
_DEV_TOOLS_NUMBERS = (
    ("hot_reload_interval", float, 3.0),
    ("hot_reload_watch_interval", float, 0.5),
    ("hot_reload_max_retry", int, 8),
)


def _dev_tools_number(name: str, value: Any, kind: type) -> int | float:
    """`value` (an argument or the text of `DASH_<NAME>`) as a positive `kind`.

    Integral texts such as "8.0" are accepted for integers. Raises `InvalidConfig`
    naming the argument and the environment variable otherwise.
    """
    try:
        if isinstance(value, bool):
            raise ValueError(value)
        number = float(value)
        if not math.isfinite(number) or number < 0:
            raise ValueError(value)
        if kind is int:
            if not number.is_integer():
                raise ValueError(value)
            return int(number)
    except (TypeError, ValueError):
        expected = "a whole number" if kind is int else "a number of seconds"
        raise InvalidConfig(
            f"dev_tools_{name} (env DASH_{name.upper()}) must be {expected} >= 0, "
            f"got {value!r}."
        ) from None
    return number


def resolve_dev_tools(debug: bool = False, **settings: Any) -> AttributeDict:
    """The dev-tools settings: explicit values, else env `DASH_<NAME>`, else defaults.

    The boolean tools default to `debug` (an env value other than true/false stays
    a string, so `DASH_UI=0` is on); `validate_callbacks` follows `debug` too but
    has no environment variable; `disable_version_check` defaults to False. The
    numbers are converted (`DASH_HOT_RELOAD_INTERVAL=5` gives 5.0) and checked.
    """
    tools = AttributeDict()
    for flag in DEV_TOOLS_FLAGS:
        tools[flag] = get_combined_config(flag, settings.get(flag), debug)
    for name, kind, default in _DEV_TOOLS_NUMBERS:
        value = get_combined_config(name, settings.get(name), default)
        tools[name] = _dev_tools_number(name, value, kind)
    tools["disable_version_check"] = get_combined_config(
        "disable_version_check", settings.get("disable_version_check"), False
    )
    validate = settings.get("validate_callbacks")
    tools["validate_callbacks"] = debug if validate is None else validate
    return tools
