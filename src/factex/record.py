"""The output record of ../shared/SPEC.md (version 1) as plain dataclasses.

Every stage produces these objects; `Document.to_dict()` is the one place
that turns them into the SPEC record read by the CLI, tables and notebooks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .entities.types import PER
from .layers import LAYERS

if TYPE_CHECKING:
    from .document import Token

SPEC_VERSION = "1"


@dataclass
class Mention:
    """One occurrence of an entity: `text[start:stop] == text`."""

    start: int
    stop: int
    text: str
    type: str = ""
    normal: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "stop": self.stop, "text": self.text}


@dataclass(eq=False)
class Entity:
    """A person, place or organisation with all its mentions in the text.

    An entity is compared and hashed as itself (facts key by it); its `id` is given
    with the other ids once every stage has run (`Document.assign_ids`)."""

    id: str
    type: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    parts: dict[str, str | None] | None = None
    descriptions: list[Mention] = field(default_factory=list)  # SPEC 0.2, facts stage
    age: int | None = None  # SPEC 0.3, ages stage: the age the text gives a person

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        if self.type == PER:
            out["parts"] = dict(self.parts or {"first": None, "middle": None, "last": None})
        out["mentions"] = [m.to_dict() for m in self.mentions]
        if self.descriptions:
            out["descriptions"] = [d.to_dict() for d in self.descriptions]
        if self.age is not None:
            out["age"] = self.age
        return out

    def ref(self) -> dict[str, Any]:
        """The SPEC form of a fact argument that names this entity."""
        return {"ref": self.id, "name": self.name}


@dataclass
class DateExpr:
    """A temporal expression with its ISO 8601 value (or None)."""

    start: int
    stop: int
    text: str
    value: str | None
    kind: str
    mod: str | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "stop": self.stop,
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
        }
        if self.mod:
            out["mod"] = self.mod
        return out

    def ref(self) -> dict[str, Any]:
        """The SPEC form of a fact argument that names this date."""
        return {"ref": self.id, "text": self.text, "value": self.value}


@dataclass
class Number:
    """An ordinal or cardinal number that facts may need."""

    start: int
    stop: int
    text: str
    value: int
    kind: str
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "stop": self.stop,
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
        }


@dataclass
class Fact:
    """A structured fact; `args` become top-level keys of the record.

    Arguments hold the document's objects (`Entity`, `DateExpr`, lists of them,
    strings, numbers) until `to_dict` writes them as SPEC references.
    """

    type: str
    start: int
    stop: int
    args: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "evidence": {"start": self.start, "stop": self.stop},
        }
        out.update((key, _argument(value)) for key, value in self.args.items())
        return out


@dataclass(frozen=True)
class IdOf:
    """A fact argument that is the id of an item of a layer (`position_ref`: a
    profession's id), read when the record is written, after ids are given."""

    item: Any

    def __str__(self) -> str:
        return str(self.item.id)


def _argument(value: Any) -> Any:
    """The SPEC form of a fact argument: references for entities and layer items
    (dates...), ids for `IdOf`."""
    if isinstance(value, IdOf):
        return value.item.id or None
    ref = getattr(value, "ref", None)
    if callable(ref):
        return ref()
    if isinstance(value, list):
        return [_argument(v) for v in value]
    return value


@dataclass
class Dateline:
    """`МОСКВА, 11 ноября. /ТАСС/` parsed into its parts."""

    place: str | None
    date: str | None
    agency: str | None
    start: int
    stop: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place,
            "date": self.date,
            "agency": self.agency,
            "start": self.start,
            "stop": self.stop,
        }


@dataclass
class DocInfo:
    """The `doc` block: identity, title, reference date and dateline."""

    id: str = ""
    source: str | None = None
    title: str | None = None
    date: str | None = None
    date_source: str | None = None
    dateline: Dateline | None = None
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "date": self.date,
            "date_source": self.date_source,
            "dateline": self.dateline.to_dict() if self.dateline else None,
        }
        if self.encoding:
            out["encoding"] = self.encoding
        return out


@dataclass
class StageWarning:
    """A stage that failed on this document: its layer is empty (SPEC, "Warnings")."""

    stage: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.message}


@dataclass
class Document:
    """Everything factex found in one text; `to_dict()` is the SPEC record."""

    text: str
    info: DocInfo = field(default_factory=DocInfo)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    sentences: list[tuple[int, int]] | None = None
    tokens: list[Token] | None = None
    warnings: list[StageWarning] = field(default_factory=list)
    layers: dict[str, list[Any]] = field(default_factory=dict)  # items by layer key
    error: tuple[str, str] | None = None  # (code, message): it could not be processed

    @property
    def dates(self) -> list[DateExpr]:
        return self.layers.setdefault("dates", [])

    @dates.setter
    def dates(self, items: list[DateExpr]) -> None:
        self.layers["dates"] = items

    @property
    def numbers(self) -> list[Number]:
        return self.layers.setdefault("numbers", [])

    @numbers.setter
    def numbers(self, items: list[Number]) -> None:
        self.layers["numbers"] = items

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return error_record(self.info, *self.error)
        out: dict[str, Any] = {
            "factex": SPEC_VERSION,
            "doc": self.info.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
        }
        for key, layer in LAYERS.items():
            if layer.always or key in self.layers:
                out[key] = [item.to_dict() for item in self.layers.get(key, [])]
        out["facts"] = [f.to_dict() for f in self.facts]
        if self.warnings:
            out["warnings"] = [w.to_dict() for w in self.warnings]
        if self.tokens is not None:
            out["sentences"] = [{"start": s, "stop": e} for s, e in self.sentences or []]
            out["tokens"] = [t.to_dict() for t in self.tokens]
        return out

    def assign_ids(self) -> None:
        """Number entities, the items of each layer and facts in their order (`T1`,
        `D1`, `N1`, `F1`...), once every stage has run; fact arguments hold the
        objects, not their ids."""
        for i, entity in enumerate(self.entities, 1):
            entity.id = f"T{i}"
        for key, layer in LAYERS.items():
            for i, item in enumerate(self.layers.get(key, []), 1):
                item.id = f"{layer.prefix}{i}"
        for i, fact in enumerate(self.facts, 1):
            fact.id = f"F{i}"

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def error_record(info: DocInfo, code: str, message: str) -> dict[str, Any]:
    """The record that stands in for a document that could not be processed."""
    return {
        "factex": SPEC_VERSION,
        "doc": info.to_dict(),
        "error": {"code": code, "message": message},
    }
