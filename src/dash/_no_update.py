"""`no_update`: the value a callback returns to leave an output unchanged."""

from __future__ import annotations

from typing import Any


class NoUpdate:
    """Marker for "leave this output as it is"; encodes as `{"_dash_no_update": ...}`."""

    def to_plotly_json(self) -> dict[str, str]:
        return {"_dash_no_update": "_dash_no_update"}

    @staticmethod
    def is_no_update(obj: Any) -> bool:
        """True for `no_update` itself and for its JSON form."""
        return isinstance(obj, NoUpdate) or (
            isinstance(obj, dict) and obj == {"_dash_no_update": "_dash_no_update"}
        )

    def __repr__(self) -> str:
        return "dash.no_update"


no_update = NoUpdate()
