"""Stages and fact helpers on hand-built documents: no tagger, every layer written here."""

from __future__ import annotations

from factex.document import Analysis, Token, WordRange
from factex.facts.context import Context
from factex.facts.merge import better_date, merge
from factex.facts.pronouns import antecedent
from factex.record import DateExpr, Document, Entity, Fact, Mention
from factex.stages import STAGES, Models


def hand_built(words: list[tuple[str, str, str, dict[str, str]]]) -> Analysis:
    """A document of (word, lemma, pos, feats), one space apart; `.` ends a sentence."""
    text = " ".join(w for w, _, _, _ in words)
    tokens, sentences, start, first = [], [], 0, 0
    for i, (word, lemma, pos, feats) in enumerate(words):
        sent = len(sentences)
        tokens.append(Token(start, start + len(word), word, lemma, pos, dict(feats), sent))
        start += len(word) + 1
        if word == "." or i == len(words) - 1:
            sentences.append(WordRange(first, i + 1))
            first = i + 1
    analysis = Analysis(text, Document(text))
    analysis.set_tokens(tokens, sentences, [])
    return analysis


def person(analysis: Analysis, name: str, first: int, last: int) -> Entity:
    """An entity named by tokens [first, last), added to the document."""
    start, stop = analysis.tokens[first].start, analysis.tokens[last - 1].stop
    entity = Entity(f"T{len(analysis.document.entities) + 1}", "PER", name)
    entity.mentions.append(Mention(start, stop, analysis.text[start:stop], "PER", name))
    analysis.document.entities.append(entity)
    return entity


NOM_M = {"Case": "Nom", "Gender": "Masc"}
NOM_F = {"Case": "Nom", "Gender": "Fem"}
TEXT = [
    ("Мария", "мария", "PROPN", NOM_F),
    ("Петрова", "петров", "PROPN", NOM_F),
    ("и", "и", "CCONJ", {}),
    ("Иван", "иван", "PROPN", NOM_M),
    ("Сидоров", "сидоров", "PROPN", NOM_M),
    ("приехали", "приехать", "VERB", {}),
    (".", ".", "PUNCT", {}),
    ("Он", "он", "PRON", NOM_M),
    ("выступил", "выступить", "VERB", {}),
    (".", ".", "PUNCT", {}),
]


def test_tokens_sentences_and_offsets():
    a = hand_built(TEXT)
    assert [a.text[t.start : t.stop] for t in a.tokens] == [w for w, *_ in TEXT]
    assert a.sentences == [(0, 7), (7, 10)]
    assert a.word_at(a.tokens[3].start + 1) == 3 and a.word_at(len("Мария")) is None
    assert a.sentence_span(1) == (a.tokens[7].start, len(a.text))
    assert a.sentence_of(a.tokens[8].start) == 1


def test_pronoun_takes_the_person_of_its_gender():
    a = hand_built(TEXT)
    person(a, "Мария Петрова", 0, 2)
    ivan = person(a, "Иван Сидоров", 3, 5)
    span = antecedent(Context(a), 7)
    assert span is not None and span.entity is ivan
    assert antecedent(Context(a), 0) is None  # nothing before the first sentence


def test_merge_policy_per_argument():
    day = DateExpr(0, 9, "11 ноября", "2025-11-11", "date")
    days = DateExpr(0, 12, "11-12 ноября", "2025-11-11/2025-11-12", "range")
    unknown = DateExpr(0, 9, "в среду", None, "relative")
    a, b = Entity("T1", "PER", "А"), Entity("T2", "PER", "Б")
    old = {"place": None, "dates": day, "people": [a], "format": "ВКС"}
    merge(old, {"place": b, "dates": days, "people": [b, a], "format": None},
          {"place": "fill", "dates": "date", "people": "union", "format": "fill"})  # fmt: skip
    assert old == {"place": b, "dates": days, "people": [a, b], "format": "ВКС"}
    assert better_date(day, unknown) and not better_date(unknown, day)
    assert not better_date(day, days)


def test_fact_arguments_are_objects_until_the_record():
    a = hand_built(TEXT)
    ivan = person(a, "Иван Сидоров", 3, 5)
    date = DateExpr(0, 5, "Мария", None, "relative")
    doc = a.document
    doc.dates = [date]
    doc.facts = [Fact("quote", 0, 10, {"speaker": ivan, "dates": date, "with": [ivan]})]
    doc.assign_ids()
    (fact,) = doc.to_dict()["facts"]
    assert fact["id"] == "F1" and fact["speaker"] == {"ref": "T1", "name": "Иван Сидоров"}
    assert fact["dates"] == {"ref": "D1", "text": "Мария", "value": None}
    assert fact["with"] == [{"ref": "T1", "name": "Иван Сидоров"}]


def test_entity_ids_come_at_the_end_with_the_others():
    a = hand_built(TEXT)
    maria, ivan = person(a, "Мария Петрова", 0, 2), person(a, "Иван Сидоров", 3, 5)
    maria.id = ivan.id = ""  # as the entities stage leaves them
    twin = Entity("", "PER", "Иван Сидоров", list(ivan.mentions))
    assert twin != ivan and len({ivan, twin}) == 2  # an entity is itself, not its fields
    a.document.assign_ids()
    assert (maria.id, ivan.id, twin.id) == ("T1", "T2", "")


def test_header_and_date_stages_without_models():
    from factex.text.segment import segment
    from factex.time.reference import Reference

    text = "Заголовок\nМОСКВА, 11 ноября. /ТАСС/. Визит начнется 12 ноября."
    a = Analysis(text, Document(text))
    a.option = Reference.parse("2025-11-10")
    seg = segment(text)
    a.set_tokens(seg.tokens, seg.sentences, seg.paragraphs)
    models = Models()
    STAGES["header"].make(models)(a)
    dateline = a.document.info.dateline
    assert dateline is not None and (dateline.place, dateline.date) == ("Москва", "2025-11-11")
    assert a.document.info.title == "Заголовок"
    STAGES["dates"].make(models)(a)
    assert [(d.text, d.value) for d in a.document.dates][-1] == ("12 ноября", "2025-11-12")
    assert "navec" not in vars(models)  # no model was loaded


def test_one_trigger_matcher():
    from factex.facts.matcher import Triggers

    a = hand_built([
        ("Прошли", "пройти", "VERB", {}),
        ("Дни", "день", "NOUN", {}),
        ("казахстанского", "казахстанский", "ADJ", {}),
        ("кино", "кино", "NOUN", {}),
        ("и", "и", "CCONJ", {}),
        ("телефонный", "телефонный", "ADJ", {}),
        ("разговор", "разговор", "NOUN", {}),
    ])  # fmt: skip
    ctx = Context(a)
    kinds = Triggers("event-kinds", longest_first=True)
    hit = kinds.at(ctx, 1, skip=lambda j: ctx.pos(j) == "ADJ")
    assert hit is not None and (hit.value, hit.first, hit.last) == ("дни кино", 1, 4)
    plain = kinds.at(ctx, 1)  # without letting the adjective through
    assert plain is None or plain.last == 2
    found = Triggers("meeting-formats").search(ctx, 0, ctx.n)
    assert found is not None and (found.first, found.last) == (5, 7)
    assert found.value == "телефонный разговор"
    assert Triggers("meeting-formats").search(ctx, 0, 6) is None


def test_entity_rules_on_hand_built_tokens():
    from factex.entities.ner import WordSpan
    from factex.entities.refine import RULES
    from factex.entities.rules import quoted_orgs

    assert RULES[0].__name__ == "split_article_orgs" and RULES[-1].__name__ == "propagate"
    a = hand_built([
        ("компания", "компания", "NOUN", {"Case": "Nom"}),
        ("«", "«", "PUNCT", {}),
        ("Газпром", "газпром", "PROPN", {"Case": "Nom"}),
        ("»", "»", "PUNCT", {}),
        ("сообщила", "сообщить", "VERB", {}),
    ])  # fmt: skip
    # the tagger took the descriptor and the quotes in: the name alone is the organisation
    assert quoted_orgs([WordSpan(0, 4, "ORG")], a.tokens) == [WordSpan(2, 3, "ORG")]
    # the tagger missed it: the quoted capitalised name after an organisation word is one
    assert quoted_orgs([], a.tokens) == [WordSpan(2, 3, "ORG")]
