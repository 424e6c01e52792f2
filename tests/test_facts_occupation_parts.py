"""The small named parts of occupation reading (issue 17), each tested alone: questions
(`roles.asked`), a name that does not agree with the post before it
(`occupation.disagrees`), active participle forms (`tree.active_participle`), professions
that need an organisation (`positions.needs_org`), generic place nouns after a post, and
how a frame's occupation meets a rule's (`patterns._same_occupation`)."""

from __future__ import annotations

import pytest

from factex.facts.context import Context
from factex.facts.occupation import disagrees
from factex.facts.patterns import _same_occupation, frames
from factex.facts.positions import needs_org, phrase_at, plural_form
from factex.facts.roles import asked
from factex.facts.tree import active_participle
from factex.record import Entity


def _ctx(nlp, text: str) -> Context:
    return Context(nlp.analyse(text))


def _at(ctx: Context, word: str) -> int:
    return next(i for i in range(ctx.n) if ctx.text(i) == word)


def test_asked_reads_li_and_question_marks(nlp):
    ctx = _ctx(nlp, "Был ли Аркадий Лисицын директором «Стройинвеста», суд не выяснил.")
    assert asked(ctx, _at(ctx, "директором"))
    ctx = _ctx(nlp, "Станет Олег Седов министром?")
    assert asked(ctx, _at(ctx, "министром"))
    ctx = _ctx(nlp, "Министры Ли Вэйминь и Раджеш Кумар провели встречу.")
    assert not asked(ctx, _at(ctx, "Министры"))  # `Ли` is a name here


def _post_and_name(ctx: Context, post: str):
    i = _at(ctx, post)
    phrase = phrase_at(ctx, i)
    return phrase, ctx.span_at[phrase.last]


@pytest.mark.parametrize(
    "text, post, expected",
    [
        ("На встрече с главой «Альфа-Энерго» Павел Гринев обсудил поставки.", "главой", True),
        ("Друг детства министра спорта Алина Кравец рассказала о нем.", "министра", True),
        ("Министр обороны Игорь Седов прибыл в Минск.", "Министр", False),
        ("Он встретился с министром обороны Игорем Седовым.", "министром", False),
    ],
)
def test_disagrees(nlp, text, post, expected):
    ctx = _ctx(nlp, text)
    phrase, person = _post_and_name(ctx, post)
    assert disagrees(ctx, phrase, person) is expected


def test_active_participle():
    assert active_participle("руководящая")
    assert active_participle("возглавлявший")
    assert active_participle("работающей")
    assert not active_participle("возглавляемой")
    assert not active_participle("назначенный")


def test_needs_org_for_professions_only(nlp):
    ctx = _ctx(nlp, "Хореограф Алексей Ратов и министр Олег Седов.")
    assert needs_org(ctx, _at(ctx, "Хореограф"))
    assert not needs_org(ctx, _at(ctx, "министр"))


def test_a_place_noun_ends_the_position_words(nlp):
    ctx = _ctx(nlp, "Губернатор уволил министра культуры региона Веру Ананьеву.")
    assert phrase_at(ctx, _at(ctx, "министра")).position == "министр культуры"
    ctx = _ctx(nlp, "Глава региона Олег Седов прибыл в Тверь.")
    assert phrase_at(ctx, _at(ctx, "Глава")).position.startswith("глава")


def test_a_frame_reading_meets_a_rule_reading():
    orlov, vega, luch = (
        Entity("", t, n) for t, n in (("PER", "Орлов"), ("ORG", "Вега"), ("ORG", "Луч"))
    )
    rule = {"person": orlov, "position": "министр", "org": None}
    assert _same_occupation(rule, {"person": orlov, "position": "министр", "org": vega})
    assert not _same_occupation(rule, {"person": orlov, "position": "директор", "org": vega})
    with_org = {"person": orlov, "position": None, "org": vega}
    assert _same_occupation(with_org, {"person": orlov, "position": "директор", "org": vega})
    assert not _same_occupation(with_org, {"person": orlov, "position": "директор", "org": luch})


def test_bracket_frames_hold_in_questions_and_clause_frames_do_not():
    kinds = {f.line.split("\t")[2].split()[0]: f.predicative for f in frames("occupation")}
    assert kinds["person:PER=^appos(),^parataxis()"] is False
    assert kinds["person:PER=nsubj"] is True


def test_plural_form_whatever_the_tagger_says():
    assert plural_form("Президенты", "президент")
    assert plural_form("заместители", "заместитель")
    assert plural_form("министрами", "министр")
    assert not plural_form("президента", "президент")
    assert not plural_form("главы", "глава")  # a genitive singular too


def test_a_headed_noun_phrase_keeps_its_complements_only(nlp):
    from factex.facts.occupation import _headed_object

    ctx = _ctx(nlp, "Андрей Корнеев, который возглавлял университет с 2017 года и теперь уйдет.")
    assert _headed_object(ctx, _at(ctx, "возглавлял"), "Acc") is None  # which one: unsaid
    ctx = _ctx(nlp, "Нина Ковалева, которая возглавляет комитет по туризму Петербурга, сказала.")
    phrase = _headed_object(ctx, _at(ctx, "возглавляет"), "Acc")
    assert phrase is not None and phrase.org_text == "комитет по туризму Петербурга"


def _per(ctx: Context) -> tuple[dict[int, object], dict[int, object]]:
    spans = [s for s in ctx.spans if s.entity.type == "PER"]
    return {s.first: s for s in spans}, {s.last: s for s in spans}


def test_each_place_of_a_holder_is_read_alone(nlp):
    from factex.facts.occupation import _before, _later, _right_after

    ctx = _ctx(nlp, "Вчера глава Татарстана Рустам Минниханов открыл завод.")
    starts, _ = _per(ctx)
    inside, person, settled = _right_after(ctx, phrase_at(ctx, _at(ctx, "глава")), starts)
    assert (inside, person.entity.name, settled) == ([], "Рустам Минниханов", False)

    ctx = _ctx(nlp, "Вчера дочь губернатора Мария Дронова открыла выставку.")
    starts, _ = _per(ctx)
    _, person, settled = _right_after(ctx, phrase_at(ctx, _at(ctx, "губернатора")), starts)
    assert person is None and settled  # the governor's daughter, not the governor

    ctx = _ctx(nlp, "Глава компании, по данным РБК, Иван Петров уходит в отставку.")
    starts, _ = _per(ctx)
    person = _later(ctx, phrase_at(ctx, _at(ctx, "Глава")), starts)
    assert person is not None and person.entity.name == "Иван Петров"

    ctx = _ctx(nlp, "Сергей Шойгу, ныне секретарь Совбеза, выступил с речью.")
    _, ends = _per(ctx)
    person = _before(ctx, phrase_at(ctx, _at(ctx, "секретарь")), None, ends, {})
    assert person is not None and person.entity.name == "Сергей Шойгу"
