"""The entity types: persons, places, organisations (SPEC, "entities").

Code names a type by these constants (`span.type == PER`), never by a string;
the HTML view, the schema and the spaCy labels loop over `ENTITY_TYPES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..registry import Registry

PER, LOC, ORG = "PER", "LOC", "ORG"


@dataclass(frozen=True)
class EntityType:
    """An entity type: its code (`PER`, also the spaCy label), the word for it in
    the HTML legend, and its HTML colour."""

    code: str
    legend: str
    colour: str


ENTITY_TYPES: Registry[EntityType] = Registry("entity type")
for _type in (
    EntityType(PER, "person", "#ffd1d1"),
    EntityType(LOC, "place", "#cfe6ff"),
    EntityType(ORG, "organisation", "#d5f2cc"),
):
    ENTITY_TYPES.add(_type.code, _type)
