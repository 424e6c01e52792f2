"""The noun-group walker on hand-built token lists: no tagger, every tag written here."""

from __future__ import annotations

from factex.document import Token
from factex.text.noun_group import Modifiers, Walk, closing_quote, free_tail


def tokens(*words: str) -> list[Token]:
    """Tokens from `word/lemma/POS/Case` strings (Case may be empty); `.` ends a sentence."""
    out, at, sent = [], 0, 0
    for w in words:
        word, lemma, pos, case = w.split("/")
        feats = {"Case": case} if case else {}
        out.append(Token(at, at + len(word), word, lemma, pos, feats, sent))
        at += len(word) + 1
        sent += word == "."
    return out


MINISTER = tokens(
    "новый/новый/ADJ/Nom",
    "министр/министр/NOUN/Nom",
    "промышленности/промышленность/NOUN/Gen",
    "и/и/CCONJ/",
    "торговли/торговля/NOUN/Gen",
    "российской/российский/ADJ/Gen",
    "Федерации/федерация/PROPN/Gen",
    "заявил/заявить/VERB/",
)


def test_the_genitive_chain_ends_after_its_last_noun():
    assert Walk(MINISTER).run(2) == 7


def test_the_chain_stops_at_a_word_in_another_case_and_at_the_sentence_end():
    words = tokens("министр/министр/NOUN/Nom", "связи/связь/NOUN/Gen", "Иванов/иванов/PROPN/Nom")
    assert Walk(words).run(1) == 2
    split = tokens("глава/глава/NOUN/Nom", "./././", "Москвы/москва/PROPN/Gen")
    assert Walk(split).run(1) == 1


def test_a_trailing_modifier_or_conjunction_is_no_part_of_the_group():
    words = tokens(
        "министр/министр/NOUN/Nom", "связи/связь/NOUN/Gen", "и/и/CCONJ/", "он/он/PRON/Nom"
    )
    assert Walk(words).run(1) == 2


def test_limit_and_lower_case_bound_the_walk():
    class Short(Walk):
        limit = 1

    class Lower(Walk):
        lower = True

    assert Short(MINISTER).run(2) == 3
    assert Lower(MINISTER).run(2) == 5  # `Федерации` is capitalised


def test_modifiers_before_agree_with_the_head():
    assert Modifiers(MINISTER, 1, 0).run() == 0
    words = tokens(
        "российского/российский/ADJ/Gen", "новый/новый/ADJ/Nom", "министр/министр/NOUN/Nom"
    )
    assert Modifiers(words, 2, 0).run() == 1


def test_a_subclass_notes_what_it_passes():
    class Countries(Walk):
        def __init__(self, words: list[Token]) -> None:
            super().__init__(words)
            self.seen: list[str] = []

        def modifier(self, k: int) -> None:
            self.seen.append(self.tokens[k].lemma)

    walk = Countries(MINISTER)
    assert walk.run(2) == 7 and walk.seen == ["российский"]


def test_quotes_and_free_tails():
    words = tokens(
        "форум/форум/NOUN/Nom", "«/«/PUNCT/", "Россия/россия/PROPN/Nom", "»/»/PUNCT/",
        "о/о/ADP/", "сотрудничестве/сотрудничество/NOUN/Loc", "в/в/ADP/", ",/,/PUNCT/",
    )  # fmt: skip
    assert closing_quote(words, 1, len(words)) == 3
    assert closing_quote(words, 1, len(words), within=2) is None
    assert free_tail(words, 5, len(words), lambda k: False) == 6  # `в` before the comma dropped
    assert free_tail(words, 5, len(words), lambda k: k == 5) == 4  # `о` with nothing after
