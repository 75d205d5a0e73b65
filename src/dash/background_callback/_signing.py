"""Signed job handles: `value~hmac`, so a client can only send back handles it was given.

Every page load gets an `end_id` (24 random characters, `~`, their HMAC). The
`cacheKey` and `job` handles of a background callback are signed for the
`end_id` of the page that started the job, so a handle is useless to anyone who
did not receive it and cannot be made up. The HMAC key is one server secret
that every worker process agrees on (see `resolve_secret`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from typing import Any

__all__ = ["HandleSigner", "process_secret", "resolve_secret"]

SEPARATOR = "~"
_END_ID_ALPHABET = string.ascii_letters + string.digits
_END_ID_LENGTH = 24

_process_secret: bytes | None = None


def process_secret() -> bytes:
    """A random secret made once per process: the last resort when nothing is shared."""
    global _process_secret
    if _process_secret is None:
        _process_secret = secrets.token_bytes(32)
    return _process_secret


def resolve_secret(flask_secret_key: Any, manager: Any = None) -> bytes:
    """The signing key: Flask's `secret_key` if set, else the secret kept in the
    manager's store (shared by every worker using that store), else a per-process one."""
    if flask_secret_key:
        if isinstance(flask_secret_key, bytes):
            return flask_secret_key
        return str(flask_secret_key).encode("utf-8")
    if manager is not None:
        shared = manager.shared_secret()
        if shared:
            return shared.encode("utf-8")
    return process_secret()


class HandleSigner:
    """Signs and checks `end_id`s and the job handles bound to them."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, scope: str, value: str) -> str:
        message = f"{scope}\n{value}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def _unsign(self, scope: str, handle: Any) -> str | None:
        if not isinstance(handle, str):
            return None
        value, separator, mac = handle.rpartition(SEPARATOR)
        if not separator or not hmac.compare_digest(mac, self._mac(scope, value)):
            return None
        return value

    def new_end_id(self) -> str:
        """A fresh page identity: random text plus its signature."""
        value = "".join(secrets.choice(_END_ID_ALPHABET) for _ in range(_END_ID_LENGTH))
        return f"{value}{SEPARATOR}{self._mac('end', value)}"

    def end_id_is_valid(self, end_id: str) -> bool:
        """True when `end_id` was made by `new_end_id` with this secret."""
        return self._unsign("end", end_id) is not None

    def sign(self, kind: str, value: str, end_id: str) -> str:
        """`value~hmac` for a handle of `kind` ("cacheKey" or "job") given to page `end_id`."""
        return f"{value}{SEPARATOR}{self._mac(f'{kind}:{end_id}', value)}"

    def unsign(self, kind: str, handle: Any, end_id: str) -> str | None:
        """The value inside `handle`, or None if it was not signed for `kind` and `end_id`."""
        return self._unsign(f"{kind}:{end_id}", handle)
