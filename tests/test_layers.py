"""A layer is one registration: record, ids, schema, tables, HTML, spaCy and the CLI
names all follow from `@layer`, without touching those modules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from factex import Pipeline
from factex.frames import COLUMNS, to_frames
from factex.layers import LAYERS, layer
from factex.registry import Registry
from factex.stages import STAGES, layer_stage

TEXT = "Стоп! Цена — 5 рублей, 1 мая. Ура!"


@dataclass
class Shout:
    start: int
    stop: int
    text: str
    loud: bool
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "stop": self.stop, "text": self.text,
                "loud": self.loud}  # fmt: skip


@pytest.fixture()
def shouts():
    """A layer `shouts` (words before `!`), registered for one test."""
    before = dict(LAYERS), dict(STAGES)

    @layer(
        "shouts", one="shout", item=Shout, prefix="S", fields={"loud": {"type": "boolean"}},
        required=["loud"], columns={"loud": "boolean"}, label="SHOUT", legend="shout",
        colour="#123456", hover=lambda s: f"shout: {s['text']}", value="loud",
    )  # fmt: skip
    def find(a):
        """Words before an exclamation mark."""
        if "Взрыв" in a.text:
            raise RuntimeError("boom")
        words = re.finditer(r"\w+(?=!)", a.text)
        return [Shout(m.start(), m.end(), m.group(), True) for m in words]

    layer_stage(LAYERS["shouts"])
    yield
    for registry, saved in zip((LAYERS, STAGES), before):
        registry.clear()
        registry.update(saved)


def _pipeline(**options) -> Pipeline:
    return Pipeline(exclude=["morph", "ner"], **options)  # no models to load


def test_a_registered_layer_is_in_the_record_with_ids_after_the_numbers(shouts):
    record = _pipeline()(TEXT, "2025-01-01").to_dict()
    keys = list(record)
    assert keys.index("numbers") < keys.index("shouts") == keys.index("facts") - 1
    assert [(s["id"], s["text"]) for s in record["shouts"]] == [("S1", "Стоп"), ("S2", "Ура")]
    assert all(TEXT[s["start"] : s["stop"]] == s["text"] for s in record["shouts"])


def test_disabled_it_is_absent_failed_it_is_empty_with_a_warning(shouts):
    assert "shouts" not in _pipeline(disable=["shouts"])(TEXT).to_dict()
    record = _pipeline(strict=False)("Взрыв!").to_dict()
    assert record["shouts"] == [] and record["warnings"][0]["stage"] == "shouts"
    assert record["dates"] == [] and "dates" in _pipeline(disable=["dates"])(TEXT).to_dict()


def test_schema_tables_html_and_spacy_follow_the_registration(shouts):
    from factex.html import to_html
    from factex.schema import compose
    from factex.spacy_component import to_doc

    schema = compose()
    assert schema["$defs"]["shout"]["properties"]["id"]["pattern"] == "^S[0-9]+$"
    assert "shouts" in schema["$defs"]["document"]["properties"]
    doc = _pipeline()(TEXT)
    frames = to_frames(doc)
    assert list(frames.shouts.columns) == ["doc_id", "shout_id", "start", "stop", "text", "loud"]
    assert "shouts" not in COLUMNS  # computed at import: the registration came later
    page = to_html(doc)
    assert '<mark class="SHOUT">shout</mark>' in page  # the legend
    assert "mark.SHOUT { background: #123456; }" in page
    analysis = _pipeline().analyse(TEXT)
    sp = to_doc(analysis)
    assert [(s.text, s.label_, s._.value) for s in sp.spans["shouts"]] == [
        ("Стоп", "SHOUT", True), ("Ура", "SHOUT", True)
    ]


def test_stages_fact_types_and_layers_share_one_registry_style():
    from factex.facts.registry import FACT_TYPES

    assert all(isinstance(r, Registry) for r in (STAGES, FACT_TYPES, LAYERS))
    assert [k for k in STAGES if k in LAYERS] == list(LAYERS)
    assert STAGES.unknown(["dates", "nope"]) == (
        f"unknown stage 'nope' (known: {', '.join(STAGES)})"
    )
