"""Clustering of mentions into entities within one document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..record import Entity, Mention
from ..resources import table
from .names import full_name, surname_first


@dataclass
class Candidate:
    """A mention with what clustering needs to know about it."""

    mention: Mention
    parts: dict[str, str | None] = field(default_factory=dict)


def fold(name: str) -> str:
    """Comparison key: lower case, `ё` as `е`, single spaces."""
    return " ".join(name.lower().replace("ё", "е").split())


def _aliases() -> dict[str, str]:
    """Alias -> canonical key, from `models/aliases.tsv` (one entity a row)."""
    out: dict[str, str] = {}
    for row in table("aliases"):
        for name in row[1:]:
            out[fold(name)] = fold(row[1])
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = fold(a), fold(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short.endswith(".") and long.startswith(short[:-1])


def _same_person(parts: dict[str, str | None], cluster: dict[str, str | None]) -> bool:
    last, first = parts.get("last"), parts.get("first")
    if last and cluster.get("last"):
        return (
            fold(last) == fold(cluster["last"])
            and _compatible(first, cluster.get("first"))
            and _compatible(parts.get("middle"), cluster.get("middle"))
        )
    if last and not first and not cluster.get("last"):
        return False
    if first and not last:
        return bool(cluster.get("first")) and fold(first) == fold(cluster["first"])
    return False


def cluster_persons(
    candidates: list[Candidate],
) -> list[tuple[dict[str, str | None], list[Mention]]]:
    """Group person mentions: the fullest names first, then shorter ones join them."""
    order = sorted(
        range(len(candidates)),
        key=lambda i: (
            -sum(1 for v in candidates[i].parts.values() if v),
            candidates[i].mention.start,
        ),
    )
    clusters: list[tuple[dict[str, str | None], list[Mention]]] = []
    for i in order:
        cand = candidates[i]
        matches = [c for c in clusters if _same_person(cand.parts, c[0])]
        if len(matches) >= 1:
            parts, mentions = matches[0]
            for key, value in cand.parts.items():
                if value and (not parts.get(key) or parts[key].endswith(".")):
                    parts[key] = value
            mentions.append(cand.mention)
        else:
            clusters.append((dict(cand.parts), [cand.mention]))
    return clusters


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if len(w) > 2 or w[0].isupper()]
    return "".join(w[0] for w in words).upper()


def cluster_names(mentions: list[Mention]) -> list[list[Mention]]:
    """Group place or organisation mentions by normal form, aliases and acronyms."""
    aliases = _aliases()
    groups: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: -len(m.normal)):
        key = fold(m.normal)
        key = aliases.get(key, key)
        if key not in groups and m.normal.isupper():
            key = next((k for k in groups if _initials(k) == m.normal.upper()), key)
        groups.setdefault(key, []).append(m)
    return list(groups.values())


def _fullest(mentions: list[Mention]) -> str:
    names = [m.normal for m in mentions if not m.normal.isupper()] or [m.normal for m in mentions]
    return max(names, key=lambda n: (len(n.split()), len(n)))


def build_entities(
    persons: list[Candidate], others: list[Mention], next_id: Callable[[], str] | None = None
) -> list[Entity]:
    """Entities of a document, ordered by first mention, with ids `T1`, `T2`..."""
    entities: list[Entity] = []
    for parts, mentions in cluster_persons(persons):
        middle, first = parts.get("middle") or "", parts.get("first") or ""
        if middle.endswith(".") and first and not first.endswith("."):
            parts["middle"] = None  # `В. В. Путин` joined `Владимир Путин`
        name = full_name(parts, surname_first(parts, [m.normal for m in mentions]))
        entities.append(Entity("", "PER", name, mentions, parts))
    by_type: dict[str, list[Mention]] = {}
    for m in others:
        by_type.setdefault(m.type, []).append(m)
    for kind, mentions in by_type.items():
        for group in cluster_names(mentions):
            entities.append(Entity("", kind, _fullest(group), group))
    for e in entities:
        e.mentions.sort(key=lambda m: m.start)
    entities.sort(key=lambda e: e.mentions[0].start)
    for i, e in enumerate(entities, 1):
        e.id = f"T{i}"
    return entities
