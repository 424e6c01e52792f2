"""Morphological tags from slovnet and lemmas from pymorphy3 that agree with them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

import pymorphy3
from pymorphy3.analyzer import Parse
from pymorphy3.tagset import OpencorporaTag

from .batch import Ahead, by_length
from .tagset import (
    MORPH_MODEL,
    NO_WORD_CLASS,
    OC_TO_UD_CASE,
    UD_TO_OC_CASE,
    UD_TO_OC_GENDER,
    UD_TO_OC_NUMBER,
    UD_TO_OC_POS,
)

__all__ = ["OC_TO_UD_CASE", "UD_TO_OC_CASE", "UD_TO_OC_GENDER", "best_parse", "lemma", "parses"]

PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})

_analyzer: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide pymorphy3 analyser (loading it takes ~0.15 s)."""
    global _analyzer
    if _analyzer is None:
        _analyzer = pymorphy3.MorphAnalyzer()
    return _analyzer


_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Parse, ...]:
    """pymorphy3's parses of `word`, likeliest first; one cache for every stage. A word
    with a lone surrogate (no valid Unicode, which the C DAWG cannot encode) has none."""
    if _SURROGATE.search(word):
        return ()
    return tuple(analyzer().parse(word))


class _TagFacts(NamedTuple):
    """What agreement scoring reads from a pymorphy3 tag, looked up once per tag."""

    pos: str | None
    case: str | None
    number: str | None
    gender: str | None
    numb: bool
    proper: bool


@lru_cache(maxsize=10_000)
def _tag_facts(tag: OpencorporaTag) -> _TagFacts:
    return _TagFacts(
        tag.POS, tag.case, tag.number, tag.gender, "NUMB" in tag, bool(PROPER & tag.grammemes)
    )


def _agreement(tag: _TagFacts, pos: str, feats: dict[str, str]) -> tuple[int, int]:
    pos_ok = tag.pos in UD_TO_OC_POS.get(pos, ()) or (pos == "NUM" and tag.numb)
    score = 4 if pos_ok else 0
    cases = UD_TO_OC_CASE.get(feats.get("Case", ""))
    if cases and tag.case:
        score += 2 if tag.case in cases else -1
    number = feats.get("Number")
    if number and tag.number:
        score += 1 if tag.number == UD_TO_OC_NUMBER.get(number) else -1
    gender = feats.get("Gender")
    if gender and tag.gender:
        score += 1 if tag.gender == UD_TO_OC_GENDER.get(gender) else 0
    if pos == "PROPN" and tag.proper:
        score += 1
    return score, int(pos_ok and (not cases or not tag.case or tag.case in cases))


@lru_cache(maxsize=200_000)
def best_parse(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> Parse | None:
    """The pymorphy3 parse of `word` that best agrees with slovnet's tag.

    Returns None when no parse agrees on part of speech and case: the word is
    then unknown in that role (a foreign surname read as a plural noun, say).
    """
    fd = dict(feats)
    best: Parse | None = None
    best_key: tuple[int, float] = (-100, 0.0)
    for parse in parses(word):
        score, agrees = _agreement(_tag_facts(parse.tag), pos, fd)
        key = (score, parse.score)
        if agrees and key > best_key:
            best, best_key = parse, key
    return best


def lemma(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    """Lower-case lemma; the word itself when no parse agrees with the tag."""
    if pos in NO_WORD_CLASS or not any(ch.isalpha() for ch in word):
        return word.lower()
    parse = best_parse(word, pos, feats)
    return parse.normal_form if parse is not None else word.lower()


class MorphTagger:
    """slovnet's news morphology model: UD part of speech and features per word."""

    def __init__(self, navec, batch_size: int = 16) -> None:
        from slovnet import Morph

        from ..resources import model_path

        self.batch_size = batch_size
        self.model = Morph.load(str(model_path(MORPH_MODEL)), batch_size)
        self.model.navec(navec)
        self.ahead: Ahead[Any] = Ahead()  # several documents' sentences at once (pipe)

    def __call__(self, sentences: list[list[str]]) -> list[list[tuple[str, dict[str, str]]]]:
        """(POS, features) for each word of each sentence."""
        markups = self.ahead.run(sentences, self.batch_size, self.model.infer)
        return [[(tok.pos, dict(tok.feats)) for tok in m.tokens] for m in markups]

    def prepare(self, sentences: list[list[str]]) -> None:
        """Tag these sentences (of several documents) now, in shared batches."""
        self.ahead.fill(sentences, by_length(sentences, self.batch_size, self.model.infer))
