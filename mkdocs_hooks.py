"""MkDocs hooks (mkdocs.yml, `hooks:`): every page under docs/ is in the navigation.

A page that `nav` does not list is added under "More", in name order, so that a
new page is always reachable and never fails `mkdocs build --strict`; its proper
place is then given in mkdocs.yml.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.factex")


def listed(nav: Any) -> set[str]:
    """The page paths named anywhere in a `nav` value."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(listed(item) for item in nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*(listed(value) for value in nav.values())) if nav else set()
    return set()


def on_config(config: Any) -> Any:
    nav = config["nav"]
    if nav is None:
        return config
    docs = Path(config["docs_dir"])
    known = listed(nav)
    missing = sorted(
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if path.relative_to(docs).as_posix() not in known
    )
    if missing:
        log.info("pages not in mkdocs.yml nav, shown under More: %s", ", ".join(missing))
        nav.append({"More": missing})
    return config
