"""Exceptions raised by dash-next, with the class names and hierarchy Dash users catch."""

from __future__ import annotations

from textwrap import dedent


class DashException(Exception):
    """Base of every dash exception; the message is dedented and stripped."""

    def __init__(self, msg: object = "") -> None:
        super().__init__(dedent(str(msg)).strip())


class ObsoleteKwargException(DashException):
    """A keyword argument that Dash no longer accepts was given."""


class ObsoleteAttributeException(DashException):
    """An attribute that Dash removed was read."""


class NoLayoutException(DashException):
    """The app has no layout, or the layout is of a type Dash cannot render."""


class DuplicateIdError(DashException):
    """Two components in the layout share one id."""


class InvalidConfig(DashException):
    """A configuration value (path prefixes, pages folder...) is invalid."""


class InvalidIndexException(DashException):
    """The index string lacks one of the required markers."""


class ResourceException(DashException):
    """A component-suite resource entry is malformed."""


class InvalidResourceError(DashException):
    """A requested resource does not exist (answered with 404)."""


class DependencyException(DashException):
    """A component-suite path was requested that no package registered."""


class ProxyError(DashException):
    """The `proxy` argument of `run` does not match the served address."""


class DuplicateCallback(DashException):
    """An output is already assigned to another callback."""


class BackgroundCallbackError(DashException):
    """A background callback failed or is misconfigured."""


class MissingLongCallbackManagerError(DashException):
    """A background callback runs with no manager configured."""


class PageError(DashException):
    """`register_page` was used where it cannot work."""


class ImportedInsideCallbackError(DashException):
    """A component library was first imported inside a callback."""


class HookError(DashException):
    """A hook was registered incorrectly."""


class AppNotFoundError(DashException):
    """`dash.get_app()` was called before any app was created."""


class CallbackException(DashException):
    """Base of the errors about callback definitions and callback requests."""


class NonExistentEventException(CallbackException):
    """Events were removed from Dash; a dependency used `component_event`."""


class IncorrectTypeException(CallbackException):
    """A callback argument has the wrong type."""


class WildcardInLongCallback(CallbackException):
    """A wildcard id was used in a background callback's progress or cancel."""


class IDsCantContainPeriods(CallbackException):
    """A component id contains a period."""


class InvalidComponentIdError(IDsCantContainPeriods):
    """A component id is invalid (periods, braces or wrong type)."""


class PreventUpdate(CallbackException):
    """Raise inside a callback to leave every output unchanged (HTTP 204)."""


class InvalidCallbackReturnValue(CallbackException):
    """A callback returned a value that does not match its outputs."""


class MissingCallbackContextException(CallbackException):
    """`callback_context` was used outside a callback."""


class UnsupportedRelativePath(CallbackException):
    """A path given to `get_relative_path` / `strip_relative_path` is not supported."""


class WebSocketCallbackError(CallbackException):
    """A callback asked for the websocket transport, which is not enabled."""


class WebsocketDisconnected(CallbackException):
    """The websocket connection went away during a callback."""
