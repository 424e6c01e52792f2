"""Temporal expressions: finding them in text and resolving them to ISO 8601."""

from .dates import find_dates
from .reference import Reference

__all__ = ["Reference", "find_dates"]
