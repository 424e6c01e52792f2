"""Normal forms of person names on the development cases of
`tests/data/entities-dev-names.tsv` (adjective surnames, indeclinable and foreign
surnames, double surnames, regnal numbers, women's surnames in oblique cases): the
entity of each case's mention named right for at least 95% of the cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from factex import Pipeline
from factex.text.chars import fold

TABLE = Path(__file__).parent / "data" / "entities-dev-names.tsv"


def _cases() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, surface, kind, name = line.split("\t")
            rows.append((text, surface, kind, name))
    return rows


def named(nlp: Pipeline, text: str, surface: str) -> tuple[str, str] | None:
    """The type and name of the entity with a mention over the first `surface`."""
    at = text.index(surface)
    for e in nlp(text).to_dict()["entities"]:
        if any(m["start"] <= at < m["stop"] for m in e["mentions"]):
            return e["type"], e["name"]
    return None


def test_names_right_on_the_development_cases(nlp: Pipeline) -> None:
    cases = _cases()
    wrong = []
    for text, surface, kind, name in cases:
        got = named(nlp, text, surface)
        if got is None or got[0] != kind or fold(got[1]) != fold(name):
            wrong.append(f"{surface}: {got}, not {name}")
    assert len(cases) >= 40
    assert len(wrong) <= 0.05 * len(cases), "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Суд продлил арест Алексея Рымашевского.", "Алексей Рымашевский"),
        ("Путин провёл переговоры с Нарендрой Моди.", "Нарендра Моди"),
        ("Депутат Андрей Мостовый выступил. Коллеги поддержали Андрея Мостового.",
         "Андрей Мостовый"),
        ("Встреча с Кими Райкконеном прошла в Монце.", "Кими Райкконен"),
    ],
)  # fmt: skip
def test_a_name_in_its_own_nominative(nlp: Pipeline, text: str, name: str) -> None:
    names = [e["name"] for e in nlp(text).to_dict()["entities"] if e["type"] == "PER"]
    assert [n for n in names if n.split()[-1] == name.split()[-1]] == [name]


def test_a_rocket_with_a_number_is_no_monarch(nlp: Pipeline) -> None:
    text = "Планируется создание ракеты-носителя «Арес I». Реформы Петра I изменили страну."
    names = [e["name"] for e in nlp(text).to_dict()["entities"] if e["type"] == "PER"]
    assert [fold(n) for n in names] == [fold("Петр I")]
