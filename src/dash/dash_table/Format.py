"""Number formats for DataTable columns, built in Python and sent as d3-format specifiers.

A numeric column's `format` is `{locale, nully, prefix, specifier}`: `specifier` is a d3-format
string such as `"$,.2f"`, `locale` overrides separators and the currency symbol, `nully` is shown
for empty cells and `prefix` forces an SI prefix. `Format` builds that dict step by step:

    Format(precision=2, scheme=Scheme.fixed).group(True).symbol(Symbol.yes)

and the JSON encoder sends `Format.to_plotly_json()`. The option classes below (`Align`,
`Group`, ...) name the characters of the d3-format mini-language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "Align",
    "Format",
    "Group",
    "Padding",
    "Prefix",
    "Scheme",
    "Sign",
    "Symbol",
    "Trim",
]


def _choices(cls: type) -> frozenset[Any]:
    """The values an option class offers (its public class attributes)."""
    return frozenset(value for name, value in vars(cls).items() if not name.startswith("_"))


class Align:
    """Where the number sits inside `padding_width`: d3-format's `<`, `>`, `^` and `=`."""

    default = ""
    left = "<"
    right = ">"
    center = "^"
    right_sign = "="


class Group:
    """Whether thousands are grouped (`,` in the specifier)."""

    no = ""
    yes = ","


class Padding:
    """Whether the number is padded with zeros up to `padding_width` (`0` in the specifier)."""

    no = ""
    yes = "0"


class Prefix:
    """SI prefixes for `Format.si_prefix`: the value the number is divided by before display."""

    yocto = 10**-24
    zepto = 10**-21
    atto = 10**-18
    femto = 10**-15
    pico = 10**-12
    nano = 10**-9
    micro = 10**-6
    milli = 10**-3
    none = None
    kilo = 10**3
    mega = 10**6
    giga = 10**9
    tera = 10**12
    peta = 10**15
    exa = 10**18
    zetta = 10**21
    yotta = 10**24


class Scheme:
    """The notation: the type character that ends a d3-format specifier."""

    default = ""
    decimal = "r"
    decimal_integer = "d"
    decimal_or_exponent = "g"
    decimal_si_prefix = "s"
    exponent = "e"
    fixed = "f"
    percentage = "%"
    percentage_rounded = "p"
    binary = "b"
    octal = "o"
    lower_case_hex = "x"
    upper_case_hex = "X"
    unicode = "c"


class Sign:
    """How the sign shows: only when negative (`-`), always (`+`), a space for positives, or
    negatives in parentheses."""

    default = ""
    negative = "-"
    positive = "+"
    parantheses = "("  # Dash's historical spelling, kept so existing apps keep working
    parentheses = "("
    space = " "


class Symbol:
    """The currency symbol of the locale (`$`), or the base prefix of binary/octal/hex numbers."""

    no = ""
    yes = "$"
    binary = "#b"
    octal = "#o"
    hex = "#x"


class Trim:
    """Whether insignificant trailing zeros are removed (`~`)."""

    no = ""
    yes = "~"


# The specifier pieces in the order d3-format reads them: [[fill]align][sign][symbol][0][width][,][.precision][~][type]
_SPECIFIER_ORDER = (
    "fill",
    "align",
    "sign",
    "symbol",
    "padding",
    "width",
    "group",
    "precision",
    "trim",
    "type",
)


def _boolean_choice(value: Any, cls: type, option: str) -> str:
    """An option that also accepts True/False (`group(True)`, `trim(False)`)."""
    if value is True:
        return str(cls.yes)  # type: ignore[attr-defined]
    if value is False:
        return str(cls.no)  # type: ignore[attr-defined]
    return _checked(value, cls, option)


def _checked(value: Any, cls: type, option: str) -> Any:
    """`value` if the option class offers it, else a TypeError naming the allowed values."""
    allowed = _choices(cls)
    if value not in allowed:
        shown = ", ".join(sorted(repr(v) for v in allowed))
        raise TypeError(
            f"Format.{option}: {value!r} is not one of {cls.__name__}'s values ({shown})."
        )
    return value


def _non_negative_int(value: Any, option: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"Format.{option}: expected a non-negative integer or None, got {value!r}.")
    return value


def _single_char(value: Any, option: str) -> str:
    if not isinstance(value, str) or len(value) != 1:
        raise TypeError(f"Format.{option}: expected a single character, got {value!r}.")
    return value


class Format:
    """A number format for a DataTable column (`columns=[{..., "format": Format(...)}]`).

    Every keyword argument matches a method of the same name; methods return the format itself,
    so they chain. `to_plotly_json()` gives the `{locale, nully, prefix, specifier}` dict.

    Parameters
    ----------
    align, fill, group, padding, padding_width, precision, scheme, sign, symbol, trim:
        Pieces of the d3-format specifier (see the option classes).
    decimal_delimiter, group_delimiter, groups, symbol_prefix, symbol_suffix:
        Locale overrides: separators, digit grouping and the currency symbol's text.
    nully:
        Text shown for empty (None) values.
    si_prefix:
        A `Prefix` value: numbers are shown in that unit (e.g. `Prefix.kilo` shows 1500 as 1.5k).
    """

    def __init__(self, **kwargs: Any) -> None:
        self._locale: dict[str, Any] = {}
        self._nully: Any = ""
        self._prefix: Any = Prefix.none
        self._specifier: dict[str, str] = dict.fromkeys(_SPECIFIER_ORDER, "")
        for option, value in kwargs.items():
            method = getattr(type(self), option, None)
            if option.startswith("_") or option == "to_plotly_json" or not callable(method):
                raise TypeError(f"Format() got an unexpected keyword argument {option!r}.")
            method(self, value)

    # -- specifier pieces ---------------------------------------------------------------

    def align(self, value: str) -> Format:
        """Alignment inside `padding_width` (an `Align` value)."""
        self._specifier["align"] = _checked(value, Align, "align")
        return self

    def fill(self, value: str) -> Format:
        """Character used to pad up to `padding_width` (needs an alignment)."""
        self._specifier["fill"] = _single_char(value, "fill")
        return self

    def group(self, value: bool | str) -> Format:
        """Group thousands (`Group.yes` / True)."""
        self._specifier["group"] = _boolean_choice(value, Group, "group")
        return self

    def padding(self, value: bool | str) -> Format:
        """Pad with zeros up to `padding_width` (`Padding.yes` / True)."""
        self._specifier["padding"] = _boolean_choice(value, Padding, "padding")
        return self

    def padding_width(self, value: int | None) -> Format:
        """Minimum width of the formatted text, or None for no minimum."""
        width = _non_negative_int(value, "padding_width")
        self._specifier["width"] = "" if width is None else str(width)
        return self

    def precision(self, value: int | None) -> Format:
        """Digits after the decimal point (significant digits for some schemes), or None."""
        digits = _non_negative_int(value, "precision")
        self._specifier["precision"] = "" if digits is None else f".{digits}"
        return self

    def scheme(self, value: str) -> Format:
        """The notation (a `Scheme` value)."""
        self._specifier["type"] = _checked(value, Scheme, "scheme")
        return self

    def sign(self, value: str) -> Format:
        """How signs are shown (a `Sign` value)."""
        self._specifier["sign"] = _checked(value, Sign, "sign")
        return self

    def symbol(self, value: str) -> Format:
        """Show the currency symbol or a base prefix (a `Symbol` value)."""
        self._specifier["symbol"] = _checked(value, Symbol, "symbol")
        return self

    def trim(self, value: bool | str) -> Format:
        """Drop insignificant trailing zeros (`Trim.yes` / True)."""
        self._specifier["trim"] = _boolean_choice(value, Trim, "trim")
        return self

    # -- locale ---------------------------------------------------------------------------

    def _symbol_part(self, index: int, value: str) -> Format:
        if not isinstance(value, str):
            raise TypeError(f"Format: the currency symbol text must be a string, got {value!r}.")
        symbol = list(self._locale.get("symbol", ["", ""]))
        symbol[index] = value
        self._locale["symbol"] = symbol
        return self

    def symbol_prefix(self, value: str) -> Format:
        """Text before the number when the symbol is on (default `$`)."""
        return self._symbol_part(0, value)

    def symbol_suffix(self, value: str) -> Format:
        """Text after the number when the symbol is on (default empty)."""
        return self._symbol_part(1, value)

    def decimal_delimiter(self, value: str) -> Format:
        """The decimal point (default `.`)."""
        self._locale["decimal"] = _single_char(value, "decimal_delimiter")
        return self

    def group_delimiter(self, value: str) -> Format:
        """The thousands separator (default `,`)."""
        self._locale["group"] = _single_char(value, "group_delimiter")
        return self

    def groups(self, value: int | Iterable[int]) -> Format:
        """Sizes of the digit groups, from the right (default `[3]`); repeats the last one."""
        sizes = [value] if isinstance(value, int) else list(value)
        if not sizes or any(isinstance(s, bool) or not isinstance(s, int) or s <= 0 for s in sizes):
            raise TypeError(f"Format.groups: expected positive integers, got {value!r}.")
        self._locale["grouping"] = sizes
        return self

    # -- other --------------------------------------------------------------------------

    def nully(self, value: Any) -> Format:
        """What empty (None) cells show."""
        self._nully = value
        return self

    def si_prefix(self, value: Any) -> Format:
        """Show numbers in the unit of a `Prefix` value (`Prefix.none` for automatic)."""
        self._prefix = _checked(value, Prefix, "si_prefix")
        return self

    @property
    def specifier(self) -> str:
        """The d3-format specifier text, e.g. `"$,.2f"`."""
        return "".join(self._specifier[piece] for piece in _SPECIFIER_ORDER)

    def to_plotly_json(self) -> dict[str, Any]:
        """The column `format` dict the table reads: `{locale, nully, prefix, specifier}`."""
        return {
            "locale": {
                key: list(v) if isinstance(v, list) else v for key, v in self._locale.items()
            },
            "nully": self._nully,
            "prefix": self._prefix,
            "specifier": self.specifier,
        }

    def __repr__(self) -> str:
        return f"Format({self.to_plotly_json()!r})"
