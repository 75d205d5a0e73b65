"""The version of dash-next (distribution `dash`)."""

__version__ = "4.0.0+next"
