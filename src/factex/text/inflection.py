"""pymorphy3's `Parse.inflect`, without building the whole lexeme for a dictionary word.

pymorphy3 inflects a word by building every form of its lexeme (a `Parse` for each, its
paradigm read afresh each time: a verb has hundreds), keeping those with the grammemes
asked (or, when none has them, those of `fix_rare_cases`), and taking the first of the
most similar to the word's own tag. `inflect` does the same for a word found in the
dictionary, from its paradigm's tags (read once per paradigm), and builds only the form
it takes: the same `Parse`. Words pymorphy3 guessed (by analogy, by a hyphen) go to
pymorphy3 as they are.
"""

from __future__ import annotations

from typing import Any

from pymorphy3.analyzer import Parse
from pymorphy3.units.by_lookup import DictionaryAnalyzer

_PARADIGMS: dict[tuple[int, int], tuple[tuple[str, Any, str], ...]] = {}
_PARADIGMS_MAX = 20_000  # a dictionary has some thousands


def _paradigm(unit: DictionaryAnalyzer, para_id: int) -> tuple[tuple[str, Any, str], ...]:
    """(prefix, tag, suffix) of each form of a paradigm, as pymorphy3 builds them."""
    key = (id(unit.dict), para_id)
    found = _PARADIGMS.get(key)
    if found is None:
        if len(_PARADIGMS) >= _PARADIGMS_MAX:
            _PARADIGMS.clear()
        found = _PARADIGMS[key] = tuple(unit.dict.build_paradigm_info(para_id))
    return found


def inflect(parse: Parse, grammemes: frozenset[str]) -> Parse | None:
    """`parse.inflect(set(grammemes))`: the form of the parse's lexeme with `grammemes`
    most similar to the parse, or None."""
    stack = parse.methods_stack
    if len(stack) != 1 or type(stack[0][0]) is not DictionaryAnalyzer:
        return parse.inflect(set(grammemes))
    unit, _, para_id, idx = stack[0]
    paradigm = _paradigm(unit, para_id)
    required: set[str] | frozenset[str] = grammemes
    fits = [k for k, (_, tag, _) in enumerate(paradigm) if required <= tag.grammemes]
    if not fits:
        required = parse.tag.fix_rare_cases(set(grammemes))
        fits = [k for k, (_, tag, _) in enumerate(paradigm) if required <= tag.grammemes]
    wanted = parse.tag.updated_grammemes(required)
    if not fits:
        return None

    def similarity(k: int) -> float:
        tag = paradigm[k][1].grammemes
        return len(wanted & tag) - 0.1 * len(wanted ^ tag)

    best = max(fits, key=similarity)  # the first of the most similar, as pymorphy3's
    prefix, tag, suffix = paradigm[best]
    stem = unit.dict.build_stem(unit.dict.paradigms[para_id], idx, parse.word)
    word = prefix + stem + suffix
    return type(parse)(word, tag, parse.normal_form, 1.0, ((unit, word, para_id, best),))
