"""Optional dependencies (pip extras) and the message shown when one is missing."""

from __future__ import annotations

from importlib.util import find_spec


class MissingExtra(ImportError):
    """An optional dependency is missing; the message names the extra to install."""


def require(module: str, extra: str) -> None:
    """Raise `MissingExtra` naming `pip install "factex[extra]"` if `module` is absent."""
    if find_spec(module) is None:
        raise MissingExtra(f'{module} is not installed: pip install "factex[{extra}]"')
