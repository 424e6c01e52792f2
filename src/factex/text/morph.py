"""Morphological tags from slovnet and lemmas from pymorphy3 that agree with them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pymorphy3
from pymorphy3.analyzer import Parse
from pymorphy3.tagset import OpencorporaTag
from slovnet.conll import parse_conll_tag

from .batch import Ahead
from .inflection import inflect as inflect_form
from .tagset import (
    MORPH_MODEL,
    NO_WORD_CLASS,
    OC_TO_UD_CASE,
    UD_TO_OC_CASE,
    UD_TO_OC_FEATS,
    UD_TO_OC_GENDER,
    UD_TO_OC_POS,
    UD_TO_OC_POS_FIRST,
)

if TYPE_CHECKING:
    from .cnn import WordInput

__all__ = [
    "OC_TO_UD_CASE", "UD_TO_OC_CASE", "UD_TO_OC_GENDER", "best_parse", "inflect", "lemma", "parses",
]  # fmt: skip

PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# Each UD feature's OpenCorpora category: every grammeme any of its values maps to.
_CATEGORY = {name: frozenset().union(*values.values()) for name, values in UD_TO_OC_FEATS.items()}
# Case, number and gender are compared one by one after the part of speech (gender
# after a proper-name reading); the other features are compared together after
# them, except animacy, which the tagger gives names unreliably and pymorphy3
# gives places and persons differently.
_NOT_SUMMED = frozenset({"Case", "Number", "Gender", "Animacy"})
_DIGIT_ORDINAL = re.compile(r"\d+-(?:[а-яё]{1,3})")
_STRESS = str.maketrans("", "", "\u0301\u0300")
# Function words whose UD lemma is the word as written (`во`, `со`, `чтоб`).
_AS_WRITTEN = {"ADP": "PREP", "CCONJ": "CONJ", "SCONJ": "CONJ", "PART": "PRCL", "INTJ": "INTJ"}
# Pronouns that UD lemmatises apart from their adjective-like lexeme when they
# stand alone (PRON): `того`, `тем` -> `то`; `всего` -> `всё`; `всех` -> `все`.
_SUBSTANTIVE = frozenset({"тот", "этот", "весь"})

_analyzer: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide pymorphy3 analyser (loading it takes ~0.15 s)."""
    global _analyzer
    if _analyzer is None:
        _analyzer = pymorphy3.MorphAnalyzer()
    return _analyzer


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Parse, ...]:
    """pymorphy3's parses of `word`, likeliest first; one cache for every stage.

    None at all for a word its dictionary cannot hold: a lone surrogate code point, or a
    letter Python's Unicode database has no name for (Tangut ideographs), which
    pymorphy3's Latin-script test looks up."""
    try:
        return tuple(analyzer().parse(word))
    except (UnicodeEncodeError, ValueError):
        return ()


class _TagFacts(NamedTuple):
    """What agreement scoring and UD lemmas read from a pymorphy3 tag, looked up once per
    tag, as plain strings (pymorphy3's own compare in Python and check the grammeme)."""

    pos: str | None
    grammemes: frozenset[str]
    proper: bool
    gender: str | None
    number: str | None


def _plain(grammeme: str | None) -> str | None:
    return None if grammeme is None else str(grammeme)


@lru_cache(maxsize=10_000)
def _tag_facts(tag: OpencorporaTag) -> _TagFacts:
    grammemes = frozenset(tag.grammemes)
    return _TagFacts(
        _plain(tag.POS), grammemes, bool(PROPER & grammemes), _plain(tag.gender),
        _plain(tag.number),
    )  # fmt: skip


# One feature of slovnet's tag: the grammemes that agree with it, and its category.
_Want = tuple[frozenset[str], frozenset[str]]
_NO_WANT: _Want = (frozenset(), frozenset())


class _Wanted(NamedTuple):
    """slovnet's tag as agreement scoring reads it, built once per tag."""

    first: frozenset[str]  # the usual OpenCorpora parts of speech
    possible: frozenset[str]  # the possible ones
    numb: bool  # NUM: a number written in digits agrees too
    case: _Want
    number: _Want
    gender: _Want
    rest: tuple[_Want, ...]
    propn: bool


def _want(name: str, value: str | None) -> _Want:
    wanted = UD_TO_OC_FEATS.get(name, {}).get(value or "")
    return (wanted, _CATEGORY[name]) if wanted else _NO_WANT


@lru_cache(maxsize=10_000)
def _wanted(pos: str, feats: tuple[tuple[str, str], ...]) -> _Wanted:
    fd = dict(feats)
    case = _want("Case", fd.get("Case"))
    if _animate_accusative(fd):  # an animate accusative is the genitive form (`Дамблдора`)
        case = (case[0] | UD_TO_OC_CASE["Gen"], case[1])
    return _Wanted(
        UD_TO_OC_POS_FIRST.get(pos, frozenset()),
        UD_TO_OC_POS.get(pos, frozenset()),
        pos == "NUM",
        case,
        _want("Number", fd.get("Number")),
        _want("Gender", fd.get("Gender")),
        tuple(w for n, v in feats if n not in _NOT_SUMMED and (w := _want(n, v)) != _NO_WANT),
        pos == "PROPN",
    )


def _feature(grammemes: frozenset[str], want: _Want) -> int:
    """+1 when the tag has the feature's value, -1 another value of it, 0 neither."""
    if not want[0]:
        return 0
    if grammemes & want[0]:
        return 1
    return -1 if grammemes & want[1] else 0


def _agreement(tag: _TagFacts, w: _Wanted) -> tuple[int, ...]:
    """How well a parse agrees with slovnet's tag, compared part of speech first
    (2 the usual reading, 1 a possible one), then case, number, a proper-name parse
    for a PROPN, gender, and the other features together."""
    g = tag.grammemes
    if tag.pos in w.first:
        level = 2
    elif tag.pos in w.possible or (w.numb and "NUMB" in g):
        level = 1
    else:
        level = 0
    return (
        level,
        _feature(g, w.case),
        _feature(g, w.number),
        int(w.propn and tag.proper),
        _feature(g, w.gender),
        sum(_feature(g, want) for want in w.rest),
    )


# (id of a tag, id of a _Wanted) -> both, and how they agree: pymorphy3 shares one tag
# object among the words that have it, so a few thousand pairs serve a corpus
_AGREEMENTS: dict[tuple[int, int], tuple[OpencorporaTag, _Wanted, tuple[int, ...]]] = {}
_AGREEMENTS_MAX = 50_000


def _agreement_of(tag: OpencorporaTag, wanted: _Wanted) -> tuple[int, ...]:
    """`_agreement` of a tag and slovnet's tag, computed once per pair (the pair is held,
    so its ids stay theirs)."""
    found = _AGREEMENTS.get((id(tag), id(wanted)))
    if found is None or found[0] is not tag or found[1] is not wanted:
        if len(_AGREEMENTS) >= _AGREEMENTS_MAX:
            _AGREEMENTS.clear()
        agreement = _agreement(_tag_facts(tag), wanted)
        found = _AGREEMENTS[id(tag), id(wanted)] = (tag, wanted, agreement)
    return found[2]


def _animate_accusative(feats: dict[str, str]) -> bool:
    """An accusative of a masculine or plural animate noun, written as its genitive."""
    return (
        feats.get("Case") == "Acc"
        and feats.get("Animacy") == "Anim"
        and (feats.get("Number") == "Plur" or feats.get("Gender") == "Masc")
    )


@lru_cache(maxsize=200_000)
def choose(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> tuple[Parse, bool] | None:
    """The pymorphy3 parse of `word` that agrees best with slovnet's tag, and whether
    it agrees on part of speech and case; None for a word with no parse at all."""
    best: Parse | None = None
    best_key: tuple = ()
    wanted = _wanted(pos, feats)
    for parse in parses(word):
        key = (*_agreement_of(parse.tag, wanted), parse.score)
        if best is None or key > best_key:
            best, best_key = parse, key
    if best is None:
        return None
    return best, best_key[0] > 0 and best_key[1] >= 0


def best_parse(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> Parse | None:
    """The pymorphy3 parse of `word` that best agrees with slovnet's tag.

    Returns None when no parse agrees on part of speech and case: the word is
    then unknown in that role (a foreign surname read as a plural noun, say).
    """
    chosen = choose(word, pos, feats)
    return chosen[0] if chosen is not None and chosen[1] else None


@lru_cache(maxsize=200_000)
def lemma(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    """Lower-case lemma in UD's conventions (README, "Lemmas").

    A dictionary word gets the lemma of its parse that agrees best with the tag,
    even when none agrees fully; a word outside the dictionary gets the guess of
    pymorphy3 that agrees with the tag on part of speech and case, else itself.
    """
    if "\u0301" in word or "\u0300" in word:  # translating every word is slow
        word = word.translate(_STRESS)
    if not word.isalpha() and not any(ch.isalpha() for ch in word):
        return _fold(word.lower())
    if pos == "ADJ" and _DIGIT_ORDINAL.fullmatch(word):
        return word.partition("-")[0] + "-й"  # `1960-х`, `9-я` -> `1960-й`, `9-й`
    if pos in NO_WORD_CLASS:
        known = next((p for p in parses(word) if p.is_known), None) if _cyrillic(word) else None
        return _fold(known.normal_form if known is not None else word.lower())
    oc_class = _AS_WRITTEN.get(pos)
    if oc_class is not None and oc_class in {p.tag.POS for p in parses(word)}:
        return _fold(word.lower())
    chosen = choose(word, pos, feats)
    if chosen is None:
        return _fold(word.lower())
    parse, agrees = chosen
    if pos == "PROPN" and _plural_for_singular(parse, feats):
        return _fold(word.lower())  # a surname read as a genitive plural (`Токаев`)
    if not (agrees or (pos != "PROPN" and _same_class(parse, pos))) and not parse.is_known:
        return _fold(word.lower())
    return _fold(_ud_lemma(parse, pos, dict(feats)))


@lru_cache(maxsize=50_000)
def inflect(parse: Parse, grammemes: frozenset[str]) -> Parse | None:
    """`parse.inflect(grammemes)`, computed once per parse and grammemes for every stage
    (`inflection.inflect`: without building the word's whole lexeme)."""
    return inflect_form(parse, grammemes)


def _plural_for_singular(parse: Parse, feats: tuple[tuple[str, str], ...]) -> bool:
    """A common noun's genitive plural parse for a word tagged singular."""
    tag = _tag_facts(parse.tag)
    return (
        tag.pos == "NOUN"
        and not tag.proper
        and {"plur", "gent"} <= tag.grammemes
        and ("Number", "Sing") in feats
    )


def _same_class(parse: Parse, pos: str) -> bool:
    return _agreement(_tag_facts(parse.tag), _wanted(pos, ()))[0] > 0


def _ud_lemma(parse: Parse, pos: str, feats: dict[str, str]) -> str:
    """The parse's lemma, where UD's differs from OpenCorpora's normal form."""
    tag = _tag_facts(parse.tag)
    if pos == "ADJ" and tag.pos == "PRTF":
        # A participle used as an adjective keeps the adjective's lemma.
        return _inflected(parse, frozenset({"PRTF", "masc", "sing", "nomn"}))
    if tag.pos == "ADJF" and "Supr" in tag.grammemes:
        # A superlative is its own lemma (`лучших` -> `лучший`, not `хороший`).
        return _superlative(parse)
    if pos == "ADV" and tag.pos == "COMP":
        # A comparative adverb: the adverb of the positive degree (`чаще` -> `часто`),
        # or the comparative itself when there is none (`больше`).
        return _positive_adverb(parse.normal_form) or parse.word
    feminine = tag.gender == "femn" and feats.get("Gender") != "Masc"
    if feminine and pos in ("PROPN", "NOUN") and not _NAME_PARTS.isdisjoint(tag.grammemes):
        # A woman's surname or patronymic keeps its feminine form (`Петровны` -> `петровна`).
        return _inflected(parse, frozenset({"femn", "sing", "nomn"}))
    if pos == "PRON" and tag.pos == "ADJF" and parse.normal_form in _SUBSTANTIVE:
        plural = feats.get("Number", "Plur" if tag.number == "plur" else "Sing") == "Plur"
        return _inflected(parse, _PLURAL_NOM if plural else _NEUTER_NOM)
    return parse.normal_form


_NAME_PARTS = frozenset({"Surn", "Patr"})
_PLURAL_NOM = frozenset({"plur", "nomn"})
_NEUTER_NOM = frozenset({"neut", "sing", "nomn"})
# Grammemes that vary within a lexeme: a form's other grammemes and its normal
# form name the lexeme, so one inflection serves all of its forms.
_INFLECTIONAL = frozenset().union(*(_CATEGORY[n] for n in ("Case", "Number", "Gender", "Animacy")))
_INFLECTED: dict[tuple[str, frozenset[str], frozenset[str]], str] = {}
_INFLECTED_MAX = 20_000


def _inflected(parse: Parse, grammemes: frozenset[str]) -> str:
    """The form of the parse's lexeme with these grammemes (its normal form if none);
    looked up once per lexeme, as building a lexeme is slow (a verb's has hundreds)."""
    key = (parse.normal_form, frozenset(parse.tag.grammemes) - _INFLECTIONAL, grammemes)
    found = _INFLECTED.get(key)
    if found is None:
        form = inflect_form(parse, grammemes)
        found = form.word if form is not None else parse.normal_form
        if len(_INFLECTED) >= _INFLECTED_MAX:
            _INFLECTED.clear()
        _INFLECTED[key] = found
    return found


def _superlative(parse: Parse) -> str:
    """The masculine nominative singular of a superlative adjective, of its
    lexeme's superlatives the one closest to the word (`высшего` -> `высший`)."""
    word = parse.word
    forms = [
        f.word
        for f in parse.lexeme
        if {"Supr", "masc", "sing", "nomn"} <= f.tag.grammemes and f.tag.POS == "ADJF"
    ]
    return max(forms, key=lambda f: _shared_prefix(f, word), default=parse.normal_form)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _positive_adverb(adjective: str) -> str | None:
    """The dictionary adverb made from an adjective (`частый` -> `часто`), if any."""
    if not adjective.endswith(("ый", "ий", "ой")):
        return None
    for ending in ("о", "е"):
        adverb = _fold(adjective[:-2] + ending)
        if any(
            p.is_known and p.tag.POS == "ADVB" and _fold(p.normal_form) == adverb
            for p in parses(adverb)
        ):
            return adverb
    return None


def _cyrillic(word: str) -> bool:
    return any("а" <= ch <= "я" or ch == "ё" for ch in word.lower())


def _fold(lemma: str) -> str:
    """UD writes lemmas with е for ё, keeping only the pronoun всё apart from все."""
    return lemma if lemma == "всё" else lemma.replace("ё", "е")


class MorphTagger:
    """slovnet's news morphology model: UD part of speech and features per word."""

    def __init__(self, navec, batch_size: int = 16, shared: WordInput | None = None) -> None:
        from slovnet import Morph

        from ..resources import model_path
        from .cnn import CnnTagger

        self.batch_size = batch_size
        self.model = Morph.load(str(model_path(MORPH_MODEL)), batch_size)
        self.model.navec(navec)
        self.net = CnnTagger(self.model.infer, shared)
        # tag id -> POS, features and the features as `Token.tag` sorts them
        self._tags: dict[int, tuple[str, dict[str, str], tuple[tuple[str, str], ...]]] = {}
        self.ahead: Ahead[list[int]] = Ahead()  # several documents' sentences at once (pipe)

    def run_batch(self, chunk: list[list[str]]) -> list[list[int]]:
        """Tag ids of each word of each sentence."""
        scores, lengths = self.net.scores(chunk)
        ids = scores.argmax(-1).tolist()
        ends = np.cumsum(lengths).tolist()
        return [ids[end - n : end] for n, end in zip(lengths, ends)]

    def _tag(self, tag_id: int) -> tuple[str, dict[str, str], tuple[tuple[str, str], ...]]:
        found = self._tags.get(tag_id)
        if found is None:
            pos, feats = parse_conll_tag(self.net.tags.decode(tag_id))
            found = self._tags[tag_id] = (pos, feats, tuple(sorted(feats.items())))
        return found

    def __call__(self, sentences: list[list[str]]) -> list[list[tuple[str, dict[str, str]]]]:
        """(POS, features) for each word of each sentence."""
        return [[(pos, feats) for pos, feats, _ in sent] for sent in self.tagged(sentences)]

    def tagged(
        self, sentences: list[list[str]]
    ) -> list[list[tuple[str, dict[str, str], tuple[tuple[str, str], ...]]]]:
        """(POS, features, the features sorted as `Token.tag`) for each word of each
        sentence; each word has its own dict of features."""
        out = []
        for ids in self.ahead.run(sentences, self.batch_size, self.run_batch):
            tags = map(self._tag, ids)
            out.append([(pos, dict(feats), key) for pos, feats, key in tags])
        return out
