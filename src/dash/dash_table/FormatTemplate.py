"""Ready-made number formats for the most common DataTable columns: money and percentages."""

from __future__ import annotations

from .Format import Format, Group, Scheme, Sign, Symbol

__all__ = ["money", "percentage"]


def money(decimals: int, sign: str = Sign.default) -> Format:
    """Currency amounts: the locale's symbol, grouped thousands and `decimals` fixed decimals
    (`money(2)` shows 1234.5 as `$1,234.50`)."""
    return Format(
        group=Group.yes, precision=decimals, scheme=Scheme.fixed, sign=sign, symbol=Symbol.yes
    )


def percentage(decimals: int, rounded: bool = False) -> Format:
    """Fractions shown as percentages with `decimals` decimals (`percentage(1)` shows 0.1234 as
    `12.3%`); `rounded=True` rounds to significant digits instead of fixed decimals."""
    scheme = Scheme.percentage_rounded if rounded else Scheme.percentage
    return Format(scheme=scheme, precision=decimals)
