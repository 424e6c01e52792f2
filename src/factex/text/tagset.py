"""slovnet's UD tag vocabulary in OpenCorpora (pymorphy3) terms.

Every part of speech and feature value that the morphology model can emit is
listed here: mapped to the OpenCorpora grammemes that express it, or mapped to
nothing when OpenCorpora has no counterpart (the value is then ignored when
parses are compared with the tag). `tests/test_tagset.py` reads the model's own
vocabulary, so a value missing here fails the tests rather than a document.
"""

from __future__ import annotations

import gzip
import tarfile
from functools import cache

# UD part of speech -> the OpenCorpora parts of speech that can stand for it.
UD_TO_OC_POS: dict[str, frozenset[str]] = {
    "NOUN": frozenset({"NOUN"}),
    "PROPN": frozenset({"NOUN"}),
    "ADJ": frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS"}),
    "VERB": frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"}),
    "AUX": frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"}),
    "ADV": frozenset({"ADVB", "COMP", "PRED"}),
    "NUM": frozenset({"NUMR", "NUMB", "ADJF"}),
    "DET": frozenset({"ADJF", "NPRO"}),
    "PRON": frozenset({"NPRO", "ADJF"}),
    "ADP": frozenset({"PREP"}),
    "CCONJ": frozenset({"CONJ"}),
    "SCONJ": frozenset({"CONJ"}),
    "PART": frozenset({"PRCL"}),
    "INTJ": frozenset({"INTJ"}),
}
# Of those, the ones a word of that part of speech is first read as: an adjective
# before a participle, a determiner as an adjective-like pronoun (possessive `его`),
# a pronoun as a noun-like one (`это`), a numeral as a numeral (`один` is ADJF).
UD_TO_OC_POS_FIRST: dict[str, frozenset[str]] = {
    **UD_TO_OC_POS,
    "ADJ": frozenset({"ADJF", "ADJS", "COMP"}),
    "AUX": frozenset({"VERB", "INFN", "GRND"}),
    "NUM": frozenset({"NUMR", "NUMB"}),
    "DET": frozenset({"ADJF"}),
    "PRON": frozenset({"NPRO"}),
}
# Tags that name no dictionary word class: punctuation, symbols, foreign or
# unanalysable tokens, and the model's padding label.
NO_WORD_CLASS = frozenset({"PUNCT", "SYM", "X", "<pad>"})

# UD feature -> value -> the OpenCorpora grammemes that agree with it; an empty
# set means OpenCorpora has no counterpart and the value is ignored.
UD_TO_OC_FEATS: dict[str, dict[str, frozenset[str]]] = {
    "Case": {
        "Nom": frozenset({"nomn"}),
        "Gen": frozenset({"gent", "gen1", "gen2"}),
        # The partitive (чаю, сахару): pymorphy3's second genitive, or the
        # genitive itself for nouns without a form of their own.
        "Par": frozenset({"gen2", "gent", "gen1"}),
        "Dat": frozenset({"datv"}),
        "Acc": frozenset({"accs", "acc2"}),
        "Ins": frozenset({"ablt"}),
        # The locative (о лесе, в лесу): pymorphy3's loct and second locative.
        "Loc": frozenset({"loct", "loc1", "loc2"}),
        # The vocative: pymorphy3's voct, or the nominative most words use.
        "Voc": frozenset({"voct", "nomn"}),
    },
    "Number": {"Sing": frozenset({"sing"}), "Plur": frozenset({"plur"})},
    "Gender": {
        "Masc": frozenset({"masc", "ms-f"}),
        "Fem": frozenset({"femn", "ms-f"}),
        "Neut": frozenset({"neut"}),
    },
    "Animacy": {"Anim": frozenset({"anim"}), "Inan": frozenset({"inan"})},
    "Aspect": {"Imp": frozenset({"impf"}), "Perf": frozenset({"perf"})},
    "Tense": {
        "Past": frozenset({"past"}),
        "Pres": frozenset({"pres"}),
        "Fut": frozenset({"futr"}),
    },
    "Person": {"1": frozenset({"1per"}), "2": frozenset({"2per"}), "3": frozenset({"3per"})},
    # The conditional is the particle бы, which pymorphy3 tags as a bare PRCL.
    "Mood": {"Ind": frozenset({"indc"}), "Imp": frozenset({"impr"}), "Cnd": frozenset()},
    # The middle voice is a reflexive verb in -ся, which pymorphy3 does not mark.
    "Voice": {"Act": frozenset({"actv"}), "Pass": frozenset({"pssv"}), "Mid": frozenset()},
    # Verb forms are parts of speech in OpenCorpora.
    "VerbForm": {
        "Fin": frozenset({"VERB"}),
        "Inf": frozenset({"INFN"}),
        "Part": frozenset({"PRTF", "PRTS"}),
        "Conv": frozenset({"GRND"}),
    },
    # The positive degree is the unmarked adjective.
    "Degree": {"Pos": frozenset(), "Cmp": frozenset({"COMP"}), "Sup": frozenset({"Supr"})},
    "Variant": {"Short": frozenset({"ADJS", "PRTS"})},
    "Abbr": {"Yes": frozenset({"Abbr"})},
    "NumForm": {"Digit": frozenset({"NUMB"})},
    # A Latin-script word; pymorphy3 gives LATN only to words it cannot parse.
    "Foreign": {"Yes": frozenset()},
    # The first part of a hyphenated compound (северо-): no counterpart.
    "Hyph": {"Yes": frozenset()},
    # Negation (не, нет, никто) is lexical in OpenCorpora.
    "Polarity": {"Neg": frozenset()},
}

UD_TO_OC_CASE = UD_TO_OC_FEATS["Case"]
UD_TO_OC_NUMBER = {ud: next(iter(oc)) for ud, oc in UD_TO_OC_FEATS["Number"].items()}
UD_TO_OC_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
OC_TO_UD_CASE = {
    "nomn": "Nom",
    "gent": "Gen",
    "gen1": "Gen",
    "gen2": "Gen",
    "datv": "Dat",
    "accs": "Acc",
    "acc2": "Acc",
    "ablt": "Ins",
    "loct": "Loc",
    "loc1": "Loc",
    "loc2": "Loc",
    "voct": "Voc",
}

MORPH_MODEL = "model/slovnet_morph_news_v1.tar"


@cache
def model_tags() -> tuple[str, ...]:
    """Every tag the installed morphology model can emit (`POS|Feat=Value|...`)."""
    from ..resources import model_path

    with tarfile.open(model_path(MORPH_MODEL)) as tar:
        member = tar.extractfile("vocabs/tag.gz")
        if member is None:
            raise ValueError(f"{MORPH_MODEL} has no tag vocabulary")
        with member, gzip.open(member, "rt", encoding="utf-8") as lines:
            return tuple(line.rstrip("\n") for line in lines if line.strip())


def split_tag(tag: str) -> tuple[str, dict[str, str]]:
    """`POS|Feat=Value|...` as the part of speech and a feature dict."""
    pos, _, rest = tag.partition("|")
    return pos, dict(item.split("=", 1) for item in rest.split("|") if item)
