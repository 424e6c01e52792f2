"""Normal forms of mentions: nominative singular, proper-name case kept.

`Новой Третьяковской галерее` -> `Новая Третьяковская галерея`,
`Толена Абдикова` -> `Толен Абдиков`, `Касым-Жомарта` -> `Касым-Жомарт`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache, lru_cache

from pymorphy3.analyzer import Parse

from ..document import Token
from ..resources import table, wordlist
from ..text.chars import QUOTES, fold
from ..text.morph import OC_TO_UD_CASE, UD_TO_OC_CASE, UD_TO_OC_GENDER, best_parse, inflect, parses

GENITIVE = frozenset({"gent"})


def analyses(text: str) -> tuple[Parse, ...]:
    """pymorphy3's parses of a word (cached: the entity rules ask about names often)."""
    return parses(text)


def _case_like(form: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def restore_case(form: str, original: str) -> str:
    """Give `form` the capitalisation of `original`, hyphen part by hyphen part."""
    parts, orig = form.split("-"), original.split("-")
    if len(parts) != len(orig):
        return _case_like(form, original)
    return "-".join(_case_like(p, o) for p, o in zip(parts, orig))


def _loose_parse(word: Token) -> Parse | None:
    """For a name the tagger's part of speech rules out (`Долгорукому` is an adjective,
    `Лемана` a guess): the likeliest parse in the tagged case and gender."""
    feats = dict(word.feats)
    cases = UD_TO_OC_CASE.get(feats.get("Case", ""), frozenset())
    gender = UD_TO_OC_GENDER.get(feats.get("Gender", ""))
    if feats.get("Case") == "Acc" and gender != "femn":
        cases = cases | {"gent"}  # a man's accusative is his genitive (`Йенса Лемана`)
    for parse in analyses(word.word):
        tag = parse.tag
        if tag.POS in ("NOUN", "ADJF") and tag.case in cases and tag.number != "plur":
            if gender and tag.gender and tag.gender != gender:
                continue
            return parse
    return None


def _soft_feminine(parse: Parse) -> bool:
    """A reading as a feminine noun in `-ь` that is no first name (`Моди` as `модь`):
    no person's surname declines so (a woman's `Меркель` does not decline at all), and
    a foreign surname in `-и` stays as written."""
    tag = parse.tag
    return (
        tag.POS == "NOUN"
        and tag.gender == "femn"
        and "Name" not in tag
        and parse.normal_form.endswith("ь")
        and parse.word != parse.normal_form
    )


def _inflect(word: Token, grammemes: set[str], loose: bool = False) -> str | None:
    if word.word.isupper() and len(word.word) > 1:  # abbreviations do not inflect
        return None
    parse = best_parse(word.word, word.pos, word.tag)
    if parse is not None and loose and parse.tag.number == "plur":
        parse = None  # a person is one: `Беназир` is no plural `Беназиры`
    if parse is None and loose and word.case not in (None, "Nom"):
        parse = _loose_parse(word)
    if parse is None or parse.tag.case is None:
        return None
    if loose and _soft_feminine(parse):
        return None  # `Нарендры Моди`, `Джорджа Мелони`: no `Модь`, `Мелонь`
    if not parse.is_known and parse.tag.number == "plur" and parse.tag.case == "gent":
        return None  # `Юнайт` is no guessed plural `Юнайты`: a zero ending tells no case
    if parse.tag.case == "nomn" and not grammemes - {"nomn"}:
        return None
    form = inflect(parse, frozenset(grammemes))
    if form is None:
        return None
    if "Supr" in parse.tag:
        return restore_case(_closest_form(parse, grammemes, word.word.lower()), word.word)
    return restore_case(form.word, word.word)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _closest_form(parse: Parse, grammemes: set[str], original: str) -> str:
    """`высшего` -> `высший`, not `высочайший`: of a superlative's forms with the
    wanted grammemes, the one closest to the word as written."""
    wanted = grammemes | {"Supr"}
    forms = [f.word for f in parse.lexeme if wanted <= f.tag.grammemes]
    return max(forms, key=lambda f: _shared_prefix(f, original), default=original)


def _inflect_hyphenated(word: Token, grammemes: set[str], loose: bool = False) -> str:
    """Inflect a word; for `Касым-Жомарта` inflect the last part only if whole fails."""
    whole = _inflect(word, grammemes, loose)
    if whole is not None or "-" not in word.word:
        return whole or word.word
    head, _, tail = word.word.rpartition("-")
    if tail.isdigit():  # `волны-2009` -> `волна-2009`
        first = _inflect(replace(word, text=head, word=head, space=True), grammemes)
        return f"{first}-{tail}" if first else word.word
    last = _inflect(replace(word, text=tail, word=tail, space=True), grammemes)
    return f"{head}-{last}" if last else word.word


CASES = ("Nom", "Gen", "Dat", "Acc", "Ins", "Loc")
FOREIGN_FINALS = frozenset("аяеёиоуэю")
INDECLINABLE_FINALS = frozenset("еёиоуэю")


@lru_cache(maxsize=100_000)  # per word: bounded, so memory stays flat over a corpus
def _foreign(text: str, finals: frozenset[str]) -> bool:
    """A word outside the dictionary ending in one of `finals`."""
    return text[-1:].lower() in finals and not any(p.is_known for p in analyses(text))


@cache
def _indeclinable(text: str) -> bool:
    """`Хорхе` (a name the dictionary fixes in form), `Кими` (an unknown word
    ending in a vowel other than `а`, `я`, `ы`)."""
    if _foreign(text, INDECLINABLE_FINALS):
        return True
    return any("Fixd" in p.tag and "Name" in p.tag for p in analyses(text))


def _lead(words: list[Token]) -> Token | None:
    """The word whose tagged case the name takes: not an initial, and not a foreign
    word that never declines (`Хорхе`, `Кими`) while another follows."""
    tagged = [w for w in words if len(w.word) > 2 and w.case]
    declining = [w for w in tagged if not _indeclinable(w.word)]
    return next(iter(declining or tagged), None)


@cache
def _name_cases(text: str) -> frozenset[str] | None:
    """The cases a word of a person's name can be in, by the dictionary (or its
    guesses); None when it sets no bound (indeclinable, hyphenated, too short).

    Persons are singular, and animate: a masculine genitive is also accusative,
    while an inanimate accusative reading (= the nominative) is none, nor is a place.
    """
    if len(text) < 3 or not text.isalpha():
        return None
    if _foreign(text, FOREIGN_FINALS):
        return None  # `Пелоси`, `Ларрионда`: a foreign name whose case only the tagger knows
    cases: set[str] = set()
    for parse in analyses(text):
        tag = parse.tag
        if "Fixd" in tag:
            return None
        if tag.POS not in ("NOUN", "ADJF") or tag.number == "plur" or tag.case is None:
            continue
        if "Geox" in tag:
            continue  # `Кирсанова` read as the town `Кирсанов` bounds no person's case
        case = OC_TO_UD_CASE.get(tag.case)
        if case == "Acc" and "inan" in tag and tag.gender != "femn":
            continue
        if case is not None:
            cases.add(case)
        if case == "Gen" and tag.gender == "masc":
            cases.add("Acc")
    return frozenset(cases) or None


def _shared_case(words: list[Token]) -> str | None:
    """The case all parts of a name can be in: the tagger's for the lead word when
    it fits them all, else another the tagger gave, else the one most fit.
    `Наине Иосифовне` read as nominative and genitive is a dative; a name of one
    word keeps the tagger's case."""
    lead = _lead(words)
    if lead is None or len(words) < 2:
        return lead.case if lead else None
    bounds = [b for b in (_name_cases(w.word) for w in words) if b is not None]
    tagged = [lead.case] + [w.case for w in words if w.case]
    order = list(dict.fromkeys([*tagged, *CASES]))
    return max(order, key=lambda c: (sum(c in b for b in bounds), -order.index(c)))


def _agreeing(words: list[Token]) -> list[Token]:
    """Parts of one name agree in case: the case they can all be in
    (the tagger sometimes reads `Абдикова` after `Толена` as another case).
    When that is not the tagger's, its gender is not trusted either."""
    case = _shared_case(words)
    if case is None:
        return words
    lead = _lead(words)
    assert lead is not None
    shared = {k: v for k, v in lead.feats.items() if k in ("Case", "Gender", "Number")}
    shared["Case"] = case
    out = []
    for w in words:
        if len(w.word) <= 2:
            out.append(w)
            continue
        feats = {**dict(w.feats), **shared}
        if case != w.case:
            feats.pop("Gender", None)
        out.append(replace(w, feats=feats))
    return out


# Case endings of a masculine noun after a hard and a soft stem: the nominative
# ends in the stem itself (`Райкконен`) or in `ь` (`Цзюнь`).
MASC_ENDINGS = {
    "Gen": (("а", ""), ("я", "ь")),
    "Acc": (("а", ""), ("я", "ь")),
    "Dat": (("у", ""), ("ю", "ь")),
    "Ins": (("ом", ""), ("ем", "ь")),
    "Loc": (("е", ""),),
}
VOWELS = frozenset("аеёиоуыэюяй")
HUSHING = frozenset("цжшчщ")  # after these `-ем` is a hard ending (`Шольцем`, `Бушем`)
# Endings no Chinese, Korean or Vietnamese given name has in Russian spelling.
EUROPEAN_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ова", "ева", "ий", "ый", "ой", "ая", "вич", "ко")


@cache
def east_asian_surnames() -> frozenset[str]:
    """Chinese, Korean and Vietnamese surnames, which come first (`Ху Цзиньтао`)."""
    return frozenset(wordlist("entities-east-asian-surnames"))


def _unknown_surname(word: Token, guessed: bool = False) -> str | None:
    """`Райкконена` -> `Райкконен`, `Цзюня` -> `Цзюнь`: a masculine name the
    dictionary cannot parse as a noun (or, with `guessed`, does not know at all)
    loses the ending of its case after a consonant stem."""
    text = word.word
    if dict(word.feats).get("Gender") != "Masc" or not text.isalpha():
        return None
    parses = analyses(text)
    if any(p.is_known if guessed else p.tag.POS == "NOUN" for p in parses):
        return None
    for ending, nominative in MASC_ENDINGS.get(word.case or "", ()):
        stem = text[: -len(ending)]
        if not text.endswith(ending) or len(stem) < 2:
            continue
        last = stem[-1].lower()
        if nominative == "ь" and last in VOWELS - {"й"}:
            return stem + "й"  # `Милеем` -> `Милей`
        if last not in VOWELS:
            return stem if nominative == "ь" and last in HUSHING else stem + nominative
    return None


def _misguessed(text: str, form: str) -> bool:
    """`Шольцем` read as a form of `Шолец`, `Райкконеном` as one of an adjective
    `Райкконеный`: a guessed nominative with a vowel the word lacks (a foreign surname
    keeps its stem in every case), or an adjective's for a noun's instrumental ending."""
    if any(p.is_known for p in analyses(text)):
        return False
    low, stem = fold(text.lower()), fold(form.lower()).rstrip("ьй" + "".join(VOWELS))
    adjective = form.endswith(("ый", "ий", "ой")) and low.endswith(("ом", "ем"))
    return adjective or not low.startswith(stem)  # `Халушко` is no fleeting vowel


def _town_surname(word: str, form: str) -> bool:
    """A surname the dictionary knows only as a town in `-ино`/`-ово`/`-ево` (`Ступина`
    read as `Ступино`): its nominative drops the `о`."""
    known = [p for p in analyses(word) if p.is_known]
    return (
        form.endswith(("ино", "ово", "ево", "ыно"))
        and word[-1:] in ("а", "у")
        and bool(known)
        and all("Geox" in p.tag and p.tag.gender == "neut" for p in known)
    )


# Endings of a masculine surname declined as an adjective (`Мостового`, `Жуковским`),
# by the name's case; `-ом` only in the locative (`о Береговом`), where no noun has it.
ADJECTIVE_ENDINGS = {
    "Gen": ("ого", "его"),
    "Acc": ("ого", "его"),
    "Dat": ("ому", "ему"),
    "Ins": ("ым", "им"),
    "Loc": ("ом", "ем"),
}
# Stems of possessive surnames (`Ивановым`, `Путиным`: the instrumental of `-ов`, `-ин`).
POSSESSIVE_STEMS = ("ов", "ев", "ёв", "ин", "ын")


def _surname_known(form: str) -> bool:
    """Whether the dictionary knows `form` as a man's surname in the nominative."""
    return any(
        p.is_known and "Surn" in p.tag and p.tag.case == "nomn" and p.tag.gender != "femn"
        for p in analyses(form)
    )


def _adjective_nominatives(text: str, cases: frozenset[str]) -> list[str]:
    """The masculine nominatives of the adjectival readings of `text` in `cases`:
    adjectives, and surnames that decline as adjectives (`Толстого` -> `толстой`)."""
    out: list[str] = []
    for parse in analyses(text):
        tag = parse.tag
        if tag.case not in cases or tag.number != "sing" or tag.gender == "femn":
            continue
        if tag.POS == "ADJF":
            form = inflect(parse, frozenset({"nomn", "sing", "masc"}))
        elif tag.POS == "NOUN" and "Surn" in tag and parse.normal_form.endswith(("ий", "ый", "ой")):
            form = inflect(parse, frozenset({"nomn"}))
        else:
            continue
        if form is not None and form.word not in out:
            out.append(form.word)
    return out


def _likelier_surname(forms: list[str]) -> str:
    """Of the nominatives an adjectival surname may have, the one a surname has: the one
    the dictionary knows as a surname (`Толстой`, `Заболотный`), else `-ой` after
    `-ов`/`-ев` (`Мостовой`, `Лановой`, `Луговой`: `-овый` is rare in surnames)."""
    known = [f for f in forms if _surname_known(f)]
    if known:
        return known[0]
    form = forms[0]
    if form.endswith("ый") and form[:-2].endswith(("ов", "ев")):
        return form[:-2] + "ой"
    return form


def adjective_surname(word: Token) -> str | None:
    """`Мостового` -> `Мостовой`, `Лановому` -> `Лановой`, `Рымашевского` ->
    `Рымашевский`: a man's surname in an adjective's oblique ending, put in the
    nominative as an adjective (a noun reading such as `лановом` is no surname).
    None when the word has no such ending, or is a possessive surname's instrumental
    (`Рудаковым`) that no dictionary adjective explains."""
    text, case = word.word, word.case or ""
    low = text.lower()
    if not text.isalpha() or not low.endswith(ADJECTIVE_ENDINGS.get(case, ())):
        return None
    cases = UD_TO_OC_CASE.get(case, frozenset())
    if case == "Acc":
        cases = cases | GENITIVE
    forms = _adjective_nominatives(text, cases)
    if not forms:
        return None
    if low.endswith(("ом", "ем")) and not any(p.is_known for p in analyses(text)):
        return None  # `Райкконеном` is a guess: the instrumental of a noun
    stem = low[:-2]
    if case == "Ins" and stem.endswith(POSSESSIVE_STEMS):
        adjectives = [p for p in analyses(text) if p.is_known and p.tag.POS == "ADJF"]
        if not adjectives or any(p.is_known and "Surn" in p.tag and p.tag.POS == "NOUN"
                                 and not p.normal_form.endswith(("ий", "ый", "ой"))
                                 for p in analyses(text)):  # fmt: skip
            return None
    return restore_case(_likelier_surname(forms), text)


def _double_surname(word: Token) -> str | None:
    """`Прокудина-Горского` -> `Прокудин-Горский`: a double surname the dictionary
    does not know whole, whose second part declines as an adjective, part by part."""
    head, _, tail = word.word.partition("-")
    if not head or not tail or "-" in tail or any(p.is_known for p in analyses(word.word)):
        return None
    last = adjective_surname(replace(word, text=tail, word=tail))
    if last is None:
        return None
    first = _inflect(replace(word, text=head, word=head), {"nomn"}, loose=True) or head
    return f"{first}-{last}"


def east_asian_order(texts: list[str], forms: list[str]) -> bool:
    """`Дун Цзюня`, `Кима Чен Ира`: a known East Asian surname leads two or three
    words, none of them a European surname (`Ян Томашевский` is a Pole)."""
    lead = {texts[0].lower(), forms[0].lower()}
    return (
        len(texts) in (2, 3)
        and bool(lead & east_asian_surnames())
        and not any(f.lower().endswith(EUROPEAN_SURNAME_ENDINGS) for f in forms[1:])
    )


def normalize_person(words: list[Token]) -> list[str]:
    """Each word of a person's name in the nominative, gender kept.

    Parts agree in case (see `_agreeing`); a part left as it was (an
    indeclinable first name such as `Кими` leads) is retried in its own case.
    """
    out = []
    agreeing = _agreeing(words)
    for w, agreed in zip(words, agreeing):
        if not any(c.isalpha() for c in w.word):
            out.append(w.word)
            continue
        form = _inflect_hyphenated(agreed, {"nomn"}, loose=True)
        if form == w.word and agreed.case != w.case:
            form = _inflect_hyphenated(w, {"nomn"}, loose=True)
        if form == w.word and w is words[-1] and len(words) > 1 and len(w.word) > 3:
            form = _unknown_surname(w) or form
        elif w is words[-1] and len(words) > 1 and _misguessed(w.word, form):
            gender = dict(w.feats).get("Gender", "")  # the tagger's, though not its case
            gendered = replace(agreed, feats={**dict(agreed.feats), "Gender": gender})
            form = _unknown_surname(gendered, True) or _unknown_surname(w, True) or form
        elif form == w.word and len(words) > 1 and len(w.word) > 3 and agreed.case != "Loc":
            form = _unknown_surname(agreed, guessed=True) or form  # `Олафа Шольца`
        if w is words[-1] and len(words) > 1 and _town_surname(w.word, form):
            form = form[:-1]  # `Владимира Ступина` -> `Ступин`, not the town `Ступино`
        if w is words[-1] and len(words) > 1 and dict(w.feats).get("Gender") != "Fem":
            form = adjective_surname(agreed) or _double_surname(agreed) or form
        out.append(form)
    if any(f != w.word for f, w in zip(out, words)) or _woman_fixed(words):  # it declines
        for k, (w, agreed) in enumerate(zip(words, agreeing)):
            if out[k] == w.word and agreed.case not in (None, "Nom") and k < len(words) - 1:
                out[k] = _declined_name(w.word, agreed.case) or out[k]
    if out and east_asian_order([w.word for w in words], out):
        out[1:] = [
            _unknown_surname(w, guessed=True) or f if f == w.word else f
            for w, f in zip(words[1:], out[1:])
        ]
    return out


def _declined_name(text: str, case: str) -> str | None:
    """`Анне` in `Анне Беловой` -> `Анна`: a first name that also reads as an
    indeclinable one (`Анне`), in a name whose other parts decline, takes its
    declining reading in the name's case."""
    cases = UD_TO_OC_CASE.get(case, frozenset())
    for parse in analyses(text):
        tag = parse.tag
        if "Name" in tag and "Fixd" not in tag and tag.case in cases and tag.number != "plur":
            form = inflect(parse, frozenset({"nomn"}))
            return restore_case(form.word, text) if form else None
    return _feminine_name(text, cases)


# A woman's first name in an oblique case: its ending and the nominative endings it
# may come from (`Ангеле` <- `Ангела`, `Майе` <- `Майя`).
FEMININE_NAME_ENDINGS = (
    ("ой", ("а",)),
    ("ей", ("я", "а")),
    ("е", ("а", "я")),
    ("ы", ("а",)),
    ("и", ("я", "а")),
    ("у", ("а",)),
    ("ю", ("я",)),
)


def _feminine_name(text: str, cases: frozenset[str]) -> str | None:
    """`Ангеле` -> `Ангела`: a woman's first name that the dictionary also knows as a
    fixed foreign one, given the nominative whose case form it is."""
    low = text.lower()
    for ending, nominatives in FEMININE_NAME_ENDINGS:
        if not low.endswith(ending) or len(low) - len(ending) < 2:
            continue
        for nominative in nominatives:
            candidate = low[: -len(ending)] + nominative
            for parse in analyses(candidate):
                tag = parse.tag
                if not (parse.is_known and "Name" in tag and tag.gender == "femn"
                        and tag.case == "nomn" and "Fixd" not in tag):  # fmt: skip
                    continue
                forms = (inflect(parse, frozenset({c, "sing"})) for c in cases)
                if any(f is not None and f.word == low for f in forms):
                    return restore_case(candidate, text)
        return None
    return None


def _woman_fixed(words: list[Token]) -> bool:
    """`Анне Герман`, `Ангеле Меркель`: a woman's surname in a consonant or `ь` never
    declines, so only her first name shows the case."""
    last = words[-1]
    return (
        len(words) > 1
        and dict(last.feats).get("Gender") == "Fem"
        and last.word[-1:].lower() not in VOWELS
        and last.word.isalpha()
    )


def _is_nominal(word: Token) -> bool:
    return word.pos in {"NOUN", "PROPN"}


@cache
def _countries() -> dict[str, str]:
    return {row[0]: row[1] for row in table("facts-nationality") if len(row) > 1}


def _genitive(name: str) -> str:
    """`Россия` -> `России`; names that do not inflect (`США`) stay."""
    if name.isupper() or " " in name:
        return name
    for parse in parses(name):
        if "Geox" in parse.tag and parse.tag.case == "nomn":
            form = inflect(parse, GENITIVE)
            return restore_case(form.word, name) if form else name
    return name


def _owner_first(words: list[Token]) -> str | None:
    """`российского МИД` -> `МИД России`: a country adjective before an abbreviation
    names the abbreviation's owner, written after it in the genitive."""
    if len(words) != 2 or not words[0].word.islower() or not words[1].word.isupper():
        return None
    parse = best_parse(words[0].word, words[0].pos, words[0].tag)
    country = _countries().get(parse.normal_form) if parse is not None else None
    if country is None or len(words[1].word) < 2:
        return None
    return f"{words[1].word} {_genitive(country)}"


def _adjective_follows(words: list[Token], i: int, case: str | None) -> bool:
    return i < len(words) and words[i].pos == "ADJ" and words[i].case == case


def _singular_before(words: list[Token]) -> bool:
    """Adjectives before a plural head that the tagger reads as singular."""
    adjectives = [w for w in words if w.pos == "ADJ"]
    return bool(adjectives) and all(dict(w.feats).get("Number") == "Sing" for w in adjectives)


def normalize_name(words: list[Token]) -> str:
    """A place or organisation name in the nominative.

    The leading agreement group (adjectives and the first noun, in the case of
    the first word) is put in the nominative; complements after it
    (`культуры и информации Казахстана`) and quoted names stay as written.
    """
    if not words:
        return ""
    owned = _owner_first(words)
    if owned is not None:
        return owned
    case = words[0].case
    out: list[str] = []
    inflecting = case is not None and case != "Nom" and words[0].word[0] not in QUOTES | {"'"}
    head_number: str | None = None
    head_gender: str | None = None
    for k, w in enumerate(words):
        if _is_nominal(w):
            parse = best_parse(w.word, w.pos, w.tag)
            if parse is not None:
                head_number, head_gender = parse.tag.number, parse.tag.gender
            if head_number == "plur" and _singular_before(words[:k]):
                head_number = "sing"  # `Мариинского` (`и Большого`) `театров`: one theatre
            break
    for k, w in enumerate(words):
        if inflecting and w.word == "и" and _adjective_follows(words, k + 1, case):
            out.append(w.word)  # `Продовольственной и сельскохозяйственной организации`
            continue
        if inflecting and w.case == case:
            grammemes = {"nomn"}
            if w.pos in {"ADJ", "DET"}:
                if head_number == "plur":
                    grammemes.add("plur")
                elif head_gender:
                    grammemes |= {"sing", head_gender}
            elif _is_nominal(w) and head_number == "sing":
                grammemes.add("sing")
            out.append(_inflect_hyphenated(w, grammemes))
            if _is_nominal(w):
                inflecting = False
        else:
            if _is_nominal(w) or w.case != case:
                inflecting = False
            out.append(w.word)
    return join_words(out, words)


def join_words(forms: list[str], words: list[Token]) -> str:
    """Join normalised words, with a space where the text had whitespace."""
    return "".join((" " if i and w.space else "") + f for i, (f, w) in enumerate(zip(forms, words)))
