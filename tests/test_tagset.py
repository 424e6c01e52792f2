"""Every tag slovnet's morphology model can emit is mapped to OpenCorpora terms or ignored."""

import pytest

from factex.text.morph import analyzer, lemma
from factex.text.tagset import (
    NO_WORD_CLASS,
    UD_TO_OC_FEATS,
    UD_TO_OC_POS,
    model_tags,
    split_tag,
)

TAGS = [split_tag(tag) for tag in model_tags()]


def test_vocabulary_is_read_from_the_model():
    assert len(TAGS) > 500
    assert ("NOUN", {"Animacy": "Inan", "Case": "Par", "Gender": "Masc", "Number": "Sing"}) in TAGS


def test_every_part_of_speech_is_mapped_or_has_no_word_class():
    emitted = {pos for pos, _ in TAGS}
    assert emitted <= UD_TO_OC_POS.keys() | NO_WORD_CLASS, emitted - UD_TO_OC_POS.keys()
    assert not UD_TO_OC_POS.keys() & NO_WORD_CLASS


def test_every_feature_value_is_mapped_or_deliberately_ignored():
    emitted = {(name, value) for _, feats in TAGS for name, value in feats.items()}
    missing = {(n, v) for n, v in emitted if v not in UD_TO_OC_FEATS.get(n, {})}
    assert not missing


def test_mapped_terms_are_opencorpora_grammemes():
    terms = {g for oc in UD_TO_OC_POS.values() for g in oc}
    terms |= {g for values in UD_TO_OC_FEATS.values() for oc in values.values() for g in oc}
    known = analyzer().TagClass.KNOWN_GRAMMEMES
    assert terms <= known, terms - known


@pytest.mark.parametrize("word", ["чаю", "Маша", "лесу", "бы", "не", "пятью", "12", "XX", "северо"])
def test_lemma_never_fails_on_any_emitted_tag(word):
    for pos, feats in TAGS:
        assert lemma(word, pos, tuple(sorted(feats.items())))


def test_partitive_and_second_locative():
    par = (("Animacy", "Inan"), ("Case", "Par"), ("Gender", "Masc"), ("Number", "Sing"))
    loc = (("Animacy", "Inan"), ("Case", "Loc"), ("Gender", "Masc"), ("Number", "Sing"))
    assert lemma("чаю", "NOUN", par) == "чай"
    assert lemma("сахару", "NOUN", par) == "сахар"
    assert lemma("лесу", "NOUN", loc) == "лес"
