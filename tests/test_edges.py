"""Document edges: the first and last word, empty sentences, texts with no words at all.

Every accessor that takes a word, sentence or paragraph index answers for any index,
and every text cut at any word boundary extracts without an exception."""

from __future__ import annotations

import pytest
from offsets import problems

from factex.document import Analysis, CharSpan, Token, WordRange
from factex.facts.context import Context
from factex.record import DocInfo, Document

# Our own sentences, each ending in a word a rule looks past: a colon, a quote,
# a dash, a preposition, a comma, `не`, a name, a date.
SENTENCES = [
    "Москву представляют три судьи:",
    "Глава МИД России Сергей Лавров заявил: «Мы обсудим все вопросы»",
    "Президент Казахстана Касым-Жомарт Токаев 11-12 ноября посетит Россию —",
    "Переговоры пройдут в",
    "Встреча состоялась в Кремле, а",
    "Документы подписаны не",
    "Как сообщает пресс-служба Кремля,",
    "В Екатеринбурге пройдет II Форум межрегионального сотрудничества по",
    "Пресс-секретарь президента Дмитрий Песков",
    "Визит запланирован на 3 декабря",
    "«",
    "заявил он.",
]

NO_WORDS = {
    "punctuation": "..., ; : ! ? — « » ( ) [ ] … / \\ * & % $ # @",
    "whitespace": " \t\n\r\n\u00a0\u2028\u3000 \n\n",
    "digits": "1 22 333 4444 2025 11.11.2025 3,14 1 000 000",
    "digits-no-spaces": "0123456789" * 20,
    "one-colon": ":",
    "one-dash": "—",
    "one-letter": "в",
}


def _analysis(nlp, text: str) -> Analysis:
    return nlp.analyse(text, "2025-11-11", tokens=True)


def _clean(text: str, record: dict) -> None:
    found = problems(text, record)
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("name", sorted(NO_WORDS))
def test_text_without_words(nlp, name):
    text = NO_WORDS[name]
    _clean(text, _analysis(nlp, text).document.to_dict())


@pytest.mark.parametrize("sentence", SENTENCES, ids=range(len(SENTENCES)))
def test_every_cut_at_a_word_boundary(nlp, sentence):
    """Every prefix and suffix of the sentence at a word boundary, alone and after a
    sentence of its own, so that each word is once the first and once the last."""
    words = sentence.split(" ")
    for k in range(1, len(words) + 1):
        head, tail = " ".join(words[:k]), " ".join(words[-k:])
        for text in (head, tail, "Он сказал. " + head):
            _clean(text, _analysis(nlp, text).document.to_dict())


def test_context_outside_the_document_is_no_word(nlp):
    text = "Лавров заявил:"
    ctx = Context(_analysis(nlp, text))
    n = ctx.n
    assert n == 3
    for i in (-5, -1, n, n + 7):
        assert not ctx.has(i)
        assert ctx.text(i) == ctx.lemma(i) == ctx.pos(i) == ""
        assert ctx.feat(i, "Case") is None and ctx.token(i).feats == {}
        assert not ctx.is_punct(i) and not ctx.is_quote(i) and not ctx.is_dash(i)
        assert ctx.number_at(i) is None and not ctx.in_date(i)
        assert ctx.entity(i) is None
        assert ctx.token(i).word == "" and ctx.token(i).start == ctx.start(i)
        a, b = ctx.sentence(i)
        assert a == b and 0 <= a <= n
    assert ctx.start(-1) == ctx.stop(-1) == 0
    assert ctx.start(n) == ctx.stop(n) == len(text)
    assert ctx.text(n - 1) == ":" and ctx.is_punct(n - 1)  # the last word still is one
    assert ctx.text(0) == "Лавров" and ctx.sentence(0) == (0, n)
    assert ctx.chars(2, 2) == ctx.chars(3, 1) == "" and ctx.chars(0, n) == text
    assert ctx.dates_in(1, 1) == [] and ctx.clause(n - 1) == (0, n)
    assert ctx.modality(0) is None and ctx.modality(n - 1) is None


def test_the_stages_share_one_context_while_the_entities_stay(nlp):
    a = nlp.analyse("Глава МИД России Сергей Лавров встретился с Ван И в Пекине.")
    assert a.context is None  # dropped when the stages are done (it refers to the analysis)
    ctx = Context.of(a)
    assert Context.of(a) is ctx and [s.entity for s in ctx.spans]
    a.document.entities = a.document.entities[:1]  # other entities: a Context of them
    fresh = Context.of(a)
    assert fresh is not ctx and {s.entity.id for s in fresh.spans} <= {a.document.entities[0].id}


def test_context_of_an_empty_document(nlp):
    ctx = Context(_analysis(nlp, ""))
    assert ctx.n == 0 and ctx.text(0) == "" and ctx.start(0) == ctx.stop(0) == 0
    assert ctx.sentence(0) == (0, 0) and ctx.sentences() == [] and ctx.chars(0, 1) == ""


def test_empty_sentence_span():
    """An empty sentence (no words) is an empty span where it stands, also at the end."""
    text = "Да. Нет"
    tokens = [Token(0, 2, "Да"), Token(2, 3, "."), Token(4, 7, "Нет", sent=2)]
    a = Analysis(text, Document(text, DocInfo(id="")))
    sentences = [WordRange(0, 2), WordRange(2, 2), WordRange(2, 3), WordRange(3, 3)]
    a.set_tokens(tokens, sentences, [CharSpan(0, 7)])
    assert [a.sentence_span(k) for k in range(4)] == [(0, 3), (4, 4), (4, 7), (7, 7)]
    assert a.sentence_of(0) == 0 and a.sentence_of(5) == 2 and a.word_at(3) is None


def test_no_date_or_number_crosses_a_line_break(nlp):
    """A text with one word per line: dates and numbers stay within a line, and those
    that fit on one line are still found."""
    text = "Форум\nпройдет\n11\nноября\n2025\nгода,\nXXI\nвек.\nВизит 12 ноября, XXI век."
    record = _analysis(nlp, text).document.to_dict()
    _clean(text, record)
    assert "12 ноября" in [d["text"] for d in record["dates"]]
    assert all("\n" not in x["text"] for x in record["dates"] + record["numbers"])


def test_no_mention_crosses_a_line_break(nlp):
    """Upper-case lines the tagger reads as names, one after another: adjacent
    organisation spans on two lines are never joined into one mention."""
    text = "РОМАШКА ИДЕТ ЗА ЯНДЕКС\n\nКОМПАНИЯ ПРИНИМАЕТ РЕШЕНИЕ О РАСШИРЕНИИ БИЗНЕСА В КРИЗИС."
    for variant in (text, text.replace("\n\n", "\n"), text.replace("\n\n", "\u2028")):
        record = _analysis(nlp, variant).document.to_dict()
        _clean(variant, record)


def test_a_lone_surrogate_inside_a_word(nlp):
    """Text decoded with `surrogateescape` can hold lone surrogates; inside a word they
    reach the dictionary, which has no reading for them (and must not raise)."""
    text = "Пу\udfd4тин прибыл в Моск\ud800ву 11 ноября, а\udfffб."
    record = _analysis(nlp, text).document.to_dict()
    _clean(text, record)
    assert [d["text"] for d in record["dates"]] == ["11 ноября"]


def test_a_letter_without_a_unicode_name(nlp):
    """Tangut ideographs are letters that Python's Unicode database has no name for;
    a word holding one gets no dictionary reading, and the rest of the text is read."""
    text = "Путин прибыл в Москву 11 ноября, \U00017000ку\U0001751e и \U00018000."
    record = _analysis(nlp, text).document.to_dict()
    _clean(text, record)
    assert [d["text"] for d in record["dates"]] == ["11 ноября"]


def test_a_control_character_inside_an_ordinal_before_a_degree(nlp):
    """`пер\\x7fвой степени` is no ordinal word: the award gets no degree, nothing raises."""
    text = "Ему вручили орден «За заслуги перед Отечеством» пер\x7fвой степени."
    _clean(text, _analysis(nlp, text).document.to_dict())


def test_kinds_never_cross_a_line_break(nlp):
    """One word a line (a text cut into lines): no law, award or nationality spans lines."""
    sentence = "Суд признал гражданина Бельгии виновным по ч. 1 ст. 105 УК РФ."
    text = sentence.replace(" ", "\n")
    _clean(text, _analysis(nlp, text).document.to_dict())
