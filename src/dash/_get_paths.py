"""STUB (owned by the server helper)."""
from __future__ import annotations


def get_asset_url(path):
    raise NotImplementedError


def get_relative_path(path):
    raise NotImplementedError


def strip_relative_path(path):
    raise NotImplementedError
