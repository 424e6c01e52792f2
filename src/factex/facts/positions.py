"""Position phrases: `министр промышленности и торговли России`, `глава российского МИД`.

A phrase is a post noun (`models/facts-positions.txt`) with its adjectives on the
left and its genitive complements on the right; an ORG or LOC mention among the
complements, or a nationality adjective, names the organisation the post belongs to.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..entities.aliases import canonical as canonical_name
from ..entities.types import LOC, ORG, PER
from ..record import Entity
from ..text.chars import OPEN_QUOTES
from ..text.morph import parses
from ..text.noun_group import GEN, NOUNS, Modifiers, Walk, closing_quote
from .args import nominal_phrase
from .context import Context, Span
from .lexicon import mapping, words

ORDINALS = {"первый", "второй", "третий"}
TAIL_PREPS = {"по", "в", "при", "от", "на"}
STATES = words("state-nouns")
PLACE_NOUNS = STATES | {"регион", "область", "край", "республика", "город"}
PLACE_PREPS = {"в", "на"}  # `посол ... на Южном Кавказе`: where, not what, the post is
PARTICIPLE_STEMS = ("управляющ", "заведующ", "командующ", "главнокомандующ")
INS_POSTS = (*PARTICIPLE_STEMS, "зав")
# nouns of an organisation after a post, named or meant (`директор ритейлера`)
ORG_COMPLEMENTS = words("org-nouns") | words("anaphora-nouns")


@dataclass
class Phrase:
    """A position phrase: words [first, last), its normal form and its organisation."""

    head: int
    first: int
    last: int
    position: str
    org: Entity | None = None
    countries: list[str] = field(default_factory=list)  # from nationality adjectives
    plural: bool = False
    inner: Phrase | None = None  # `президента` in `пресс-секретарь президента`
    lead: int = -1  # the first word before the post, dropped adjectives included
    org_text: str | None = None  # `Федеральная миграционная служба России`
    former: bool = False  # `бывший министр`, `экс-глава`


def is_former(ctx: Context, lead: int, head: int) -> bool:
    """Whether the post at head is a former one: `бывший` among the words before it, or
    an `экс-` prefix."""
    if ctx.lemma(head).startswith("экс") or ctx.text(head).lower().startswith("экс"):
        return True
    return any(ctx.lemma(k) == "бывший" for k in range(max(lead, 0), head))


PLURAL_ENDINGS = ("ы", "и", "ов", "ам", "ами", "ах")


def plural_form(word: str, lemma: str) -> bool:
    """Whether a post is written in the plural whatever the tagger says (it reads
    `Президенты` at a sentence start as a singular name): a noun on a consonant, or on
    `ь`, with a plural ending (`президенты`, `министрам`, `заместители`), which no
    singular form of it has."""
    word, lemma = word.lower(), lemma.lower()
    if lemma.endswith("ь"):
        return word in {lemma[:-1] + e for e in ("и", "ей", "ям", "ями", "ях")}
    if lemma[-1:] in "бвгджзклмнпрстфхцчшщ":
        return word in {lemma + e for e in PLURAL_ENDINGS}
    return False


def needs_org(ctx: Context, head: int) -> bool:
    """A profession (`журналист`, `хореограф`) is a post only with its organisation."""
    return base_post(ctx.lemma(head)) in words("professions")


def post_lemma(lemma: str) -> str:
    """`экс-премьер` -> `премьер`: the post without a former-holder prefix."""
    for prefix in ("экс-", "экс"):
        if lemma.startswith(prefix) and lemma[len(prefix) :] in words("positions"):
            return lemma[len(prefix) :]
    return lemma


def is_post(ctx: Context, i: int) -> bool:
    """Whether word i names a post; found for every word of the document at once."""
    posts = ctx.memo.get("posts")
    if posts is None:  # only a noun-like word may name a post (`_noun_like`)
        nounish = {"NOUN", "PROPN", "VERB", "ADJ"}
        posts = [t.pos in nounish and _is_post(ctx, k) for k, t in enumerate(ctx.tokens)]
        ctx.memo["posts"] = posts
    return 0 <= i < len(posts) and posts[i]


def _is_post(ctx: Context, i: int) -> bool:
    return (
        _noun_like(ctx, i)
        and (_is_post_lemma(ctx.lemma(i)) or _participle_post(ctx, i))
        and getattr(ctx.entity(i), "type", None) != PER
    )


def _noun_like(ctx: Context, i: int) -> bool:
    """A noun, or a post the tagger read as an adjective (`Экс-председатель`, `Главврач`:
    a word the dictionary knows only as a noun)."""
    if ctx.pos(i) in {"NOUN", "PROPN"}:
        return True
    if ctx.pos(i) == "ADJ" and not ctx.lemma(i).startswith("экс"):
        return _noun_only(ctx, i)
    return ctx.pos(i) in {"VERB", "ADJ"}


def _noun_only(ctx: Context, i: int) -> bool:
    """Whether the dictionary knows word i, and only as a noun (`Главврач`,
    `Заместители`, whatever the tagger says)."""
    known = [p for p in parses(ctx.text(i)) if p.is_known]
    return bool(known) and all(p.tag.POS == "NOUN" for p in known)


def _participle_post(ctx: Context, i: int) -> bool:
    """`управляющий`, `заведующего`, tagged as a participle (or as a noun of the verb's
    lemma), names a post in any case, unless it describes the noun after it
    (`управляющий директор`, `управляющая компания`)."""
    word = ctx.text(i).lower()
    if word not in words("positions") and not word.startswith(PARTICIPLE_STEMS):
        return False
    if ctx.pos(i) != "VERB" and not (ctx.pos(i) in {"NOUN", "PROPN"} and ctx.lemma(i) != word):
        return False
    if i + 1 < ctx.n and _is_post_lemma(ctx.lemma(i + 1)):
        return False
    if i + 1 >= ctx.n or ctx.pos(i + 1) != "NOUN" or ctx.feat(i + 1, "Case") != ctx.feat(i, "Case"):
        return True
    # agreeing with the noun after it, it is that noun's adjective (`управляющая компания`,
    # `управляющего совета` in the nominative), but for a masculine one in an oblique case
    # (`конкурсного управляющего банка`: the post and its genitive)
    return ctx.feat(i, "Case") != "Nom" and ctx.feat(i, "Gender") == "Masc"


def _adjective_participle(ctx: Context, j: int, head: int) -> bool:
    """`управляющий` right before a post noun is its adjective (in any case:
    `управляющим директором`)."""
    word = ctx.text(j).lower()
    post = word in words("positions") or word.startswith(("управляющ", "заведующ"))
    return j == head - 1 and ctx.pos(j) == "VERB" and post


def governs_instrumental(ctx: Context, head: int) -> bool:
    """`управляющий компанией`, `заведующий кафедрой`: posts with an instrumental object."""
    return ctx.text(head).lower().startswith(INS_POSTS)


def _is_post_lemma(lemma: str) -> bool:
    return base_post(lemma) is not None


@lru_cache(maxsize=100_000)  # per word: bounded, so memory stays flat over a corpus
def base_post(lemma: str) -> str | None:
    """The post a word names: itself, or the long post a compound ends in
    (`бундестренер` -> `тренер`, `женщина-космонавт` -> `космонавт`)."""
    lemma = post_lemma(lemma)
    if lemma in words("positions"):
        return lemma
    for post in _long_posts().get(lemma[-_TAIL:], ()):
        if lemma.endswith(post) and len(lemma) - len(post) >= 3:
            return post
    return None


_TAIL = 6  # the shortest post a compound may end in


@cache
def _long_posts() -> dict[str, list[str]]:
    """Posts of at least _TAIL letters by their last _TAIL letters, longest first (the
    most specific post a compound ends in wins, whatever the set's iteration order)."""
    out: dict[str, list[str]] = {}
    for post in sorted(words("positions"), key=lambda p: (-len(p), p)):
        if len(post) >= _TAIL:
            out.setdefault(post[-_TAIL:], []).append(post)
    return out


def canonical(name: str) -> str:
    """A comparison key for a place or organisation: its canonical name, in lower case."""
    return canonical_name(name).lower()


def country_entity(ctx: Context, country: str) -> Entity | None:
    """The LOC entity of the document that is `country` (by name or alias)."""
    want = canonical(country)
    for e in ctx.analysis.document.entities:
        if e.type in {LOC, ORG} and canonical(e.name) == want:
            return e
    return None


def _before_org_noun(ctx: Context, head: int, last: int, name_first: int) -> int:
    """`координатор движения «Левый фронт»`: a generic noun right before a name belongs
    to the organisation, so the position ends before it (and its adjectives)."""
    k = name_first - 1
    kind = ctx.lemma(k) in words("org-nouns") | words("unit-nouns") or _abbreviation(ctx, k)
    if k <= head or not kind or company_board(ctx, k):
        return last
    while k - 1 > head and not company_board(ctx, k - 1) and (
        ctx.pos(k - 1) in {"ADJ", "DET"} or ctx.lemma(k - 1) in words("org-nouns")
    ):
        k -= 1  # `группы компаний Michelin`, not `наблюдательного совета банка «X»`
    while k - 1 > head and ctx.pos(k - 1) == "ADP":
        k -= 1  # `депутат парламента от партии «Новые правые»`
    return min(last, k)


def _abbreviation(ctx: Context, k: int) -> bool:
    """`НПО`, `ПАО` before a quoted name: the organisation's kind, in capitals."""
    word = ctx.text(k)
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _unit_before_name(ctx: Context, head: int, last: int, name_first: int) -> int | None:
    """`глава отдела корпоративных серверов Hewlett-Packard`: an organisation noun in the
    genitive among the complements, not right before the name, opens a unit of the
    named organisation; the position ends before it."""
    for j in range(head + 1, min(last, name_first - 1)):
        if company_board(ctx, j):
            continue  # `председатель совета директоров «Веги»`: the board is the post's
        if ctx.lemma(j) in words("org-nouns") and ctx.feat(j, "Case") == "Gen":
            linked = all(ctx.pos(k) != "ADP" for k in range(j, name_first))
            return j if linked else None  # `депутат парламента от партии`: no unit of it
    return None


COMPANY_BOARDS = frozenset({"правление", "дирекция"})  # a company's boards of one word


def board_end(ctx: Context, head: int) -> int | None:
    """Where a company's board after a post's head ends (`председатель правления`,
    `член совета директоров`, `наблюдательного совета`), or None for no board."""
    k = head + 1
    while ctx.pos(k) == "ADJ":
        k += 1
    if ctx.lemma(k) in COMPANY_BOARDS and ctx.feat(k, "Case") == "Gen":
        return k + 1
    if company_board(ctx, k) and ctx.feat(k, "Case") == "Gen":
        return k + 2 if ctx.lemma(k + 1) == "директор" else k + 1
    return None


def company_board(ctx: Context, j: int) -> bool:
    """`совета директоров`, `наблюдательного совета`: a company's board, part of a post."""
    if ctx.lemma(j) != "совет":
        return False
    return ctx.lemma(j + 1) == "директор" or ctx.lemma(j - 1) == "наблюдательный"


def _unit_right_before(ctx: Context, head: int, name_first: int) -> int | None:
    """`лидер фракции КПРФ`, `глава внешнеполитического ведомства России`: a body's noun
    (`models/facts-unit-nouns.txt`) in the genitive right before the name opens a unit of
    the named organisation; where it starts, with its adjectives."""
    k = name_first - 1
    if k <= head or ctx.lemma(k) not in words("unit-nouns") or ctx.feat(k, "Case") != "Gen":
        return None
    if company_board(ctx, k):
        return None  # `член наблюдательного совета «Веги»`: the board is the post's
    while k - 1 > head and ctx.pos(k - 1) in {"ADJ", "DET"}:
        k -= 1
    return k


def _acting(ctx: Context, lead: int, sent_first: int) -> int | None:
    """Where an acting-holder prefix right before word `lead` starts, or None."""
    if lead - 1 >= sent_first and ctx.lemma(lead - 1) == "врио":
        return lead - 1
    acting = {"исполнять", "исполняющий"}
    if (
        lead - 2 >= sent_first
        and ctx.lemma(lead - 1) == "обязанность"
        and (ctx.lemma(lead - 2) in acting)
    ):
        temporary = lead - 3 >= sent_first and ctx.lemma(lead - 3) == "временно"
        return lead - 3 if temporary else lead - 2  # `временно исполняющий обязанности`
    if lead - 4 >= sent_first and [ctx.text(k).lower() for k in range(lead - 4, lead)] == [
        "и",
        ".",
        "о",
        ".",
    ]:
        return lead - 4
    if lead - 1 >= sent_first and ctx.text(lead - 1).lower() in {"и.о.", "и.о"}:
        return lead - 1
    return None


def _whose_place(ctx: Context, k: int) -> bool:
    """`министр культуры региона`: a generic place noun that ends a chain of complements
    says where the post is, not what it is (`глава региона` keeps it: it is the post)."""
    return ctx.lemma(k) in PLACE_NOUNS and ctx.pos(k - 1) == "NOUN" and not is_post(ctx, k - 1)


def _org_complement(ctx: Context, head: int, last: int) -> int | None:
    """The head noun of a genitive complement that names an unnamed organisation
    (`представитель вооружённых сил`, `глава палестинской делегации`), or None."""
    k = head + 1
    while k < last and ctx.pos(k) in {"ADJ", "DET"}:
        k += 1
    if k >= last or ctx.pos(k) != "NOUN" or ctx.feat(k, "Case") != "Gen":
        return None
    lemma = ctx.lemma(k)
    return k if lemma in ORG_COMPLEMENTS or lemma == "сила" and k > head + 1 else None


def place_of_adjective(ctx: Context, lemma: str) -> Entity | None:
    """The LOC entity an adjective is made from (`свердловский` -> `Свердловская
    область`, `японский` -> `Япония`): a shared stem of all but two letters."""
    if len(lemma) < 6:
        return None
    for e in ctx.analysis.document.entities:
        if e.type != LOC:
            continue
        for part in e.name.lower().split():
            n = 0
            while n < min(len(part), len(lemma)) and part[n] == lemma[n]:
                n += 1
            if n >= 4 and n >= len(part) - 2:
                return e
    return None


def _plural_complement(ctx: Context, k: int, org: Entity | None) -> bool:
    """`тренер вратарей`: a plural post in the genitive says what the post is about."""
    return org is None and ctx.feat(k, "Number") == "Plur" and ctx.feat(k, "Case") == "Gen"


def _ordinal_fits(ctx: Context, head: int) -> bool:
    """`второй тренер`, `первый секретарь`, `первый заместитель`: an ordinal ranks the
    post, except a leader's (`первый президент` counts holders, not ranks)."""
    return ctx.lemma(head) not in words("leader-posts")


def _district_before_name(ctx: Context, k: int) -> bool:
    """`представитель президента в Приволжском федеральном округе Игорь Комаров`: a place
    after `в` that a person's name follows is the post's district."""
    span = ctx.span_at.get(k)
    if span is None or span.first != k or ctx.lemma(k - 1) not in {"в", "во"}:
        return False
    after = ctx.span_at.get(span.last)
    return span.entity.type == LOC and after is not None and after.entity.type == PER


class _Before(Modifiers):
    """The words before a post: its adjectives (`первый`, `чрезвычайный и полномочный`,
    `управляющий`) and the nationalities and places among them (`российский`)."""

    def __init__(self, ctx: Context, head: int, first: int) -> None:
        super().__init__(ctx.tokens, head, first)
        self.ctx = ctx
        self.begin = head  # the first word of the position
        self.countries: list[str] = []

    def step(self, j: int) -> int | None:
        ctx = self.ctx
        if ctx.entity(j) is not None:
            return None
        between = self.begin == j + 1 and j > self.first and ctx.pos(j - 1) == "ADJ"
        if ctx.lemma(j) == "и" and between:
            if ctx.lemma(j - 1) in words("position-adjectives"):
                self.begin = j - 1  # `чрезвычайный и полномочный посол`
            return j - 2
        if _adjective_participle(ctx, j, self.head):
            self.begin = j  # `управляющий директор`
            return j - 1
        return super().step(j)

    def modifier(self, j: int) -> None:
        ctx, lem = self.ctx, self.ctx.lemma(j)
        if lem in mapping("nationality"):
            self.countries.append(mapping("nationality")[lem])
        elif (place := place_of_adjective(ctx, lem)) is not None:
            self.countries.append(place.name)
        elif self.begin == j + 1 and (
            lem in words("position-adjectives")
            or (lem in ORDINALS and _ordinal_fits(ctx, self.head))
        ):
            self.begin = j


def _number_at(ctx: Context, k: int) -> int:
    """The words of a number opening at word k (`№4`: 1, `№ 40`: 2), 0 for none."""
    text = ctx.text(k) if 0 <= k < ctx.n else ""
    if text[1:].isdigit() and text.startswith("№"):
        return 1
    return 2 if text == "№" and k + 1 < ctx.n and ctx.text(k + 1).isdigit() else 0


def _numbered_from(ctx: Context, k: int) -> int:
    """Where the number before word k begins (`№ 40`, `№4`), or k when there is none."""
    return next((k - n for n in (1, 2) if _number_at(ctx, k - n) == n), k)


class _After(Walk):
    """The complements after a post: the words of the position (`промышленности и
    торговли`), the organisation named after them (`России`, `партии «Яблоко»`), and an
    inner post in the genitive (`пресс-секретарь президента`), read as a phrase of its own.

    `last` ends the position words, `end` the whole phrase."""

    modifier_cases = frozenset({"Gen", "Dat", "Loc"})

    def __init__(self, ctx: Context, head: int, depth: int, countries: list[str]) -> None:
        super().__init__(ctx.tokens, ctx.sentence(head).last)
        self.ctx, self.head, self.depth, self.countries = ctx, head, depth, countries
        self.cases = frozenset({"Gen", "Ins"}) if governs_instrumental(ctx, head) else GEN
        lemma = ctx.lemma(head)
        self.relational = lemma in words("positions-relational") or lemma[:3] in {"виц", "зам"}
        self.envoy = post_lemma(lemma) in words("envoy-posts")  # `посол Японии в России`
        self.words_end = head + 1  # `last`: the end of the position words
        self.org: Entity | None = None
        self.org_spans: list[Span] = []
        self.quoted_name: str | None = None  # `партии «Яблоко»`, with no mention
        self.unit: int | None = None  # an unnamed unit of the named organisation
        self.prep: str | None = None
        self.inner: Phrase | None = None

    def step(self, k: int) -> int | None:
        ctx = self.ctx
        if (span := ctx.span_at.get(k)) is not None:
            return self.name(k, span)
        if ctx.is_quote(k):
            return self.quoted(k)
        if self.end == k > self.head + 1 and ctx.text(k).startswith("№"):
            return self.numbered(k)
        if is_post(ctx, k) and not self.relational and not _plural_complement(ctx, k, self.org):
            if self.depth < 2 and self.org is None and ctx.feat(k, "Case") == "Gen":
                self.inner = phrase_at(ctx, k, self.depth + 1)
            return None
        nxt = super().step(k)
        return self.adjunct(k) if nxt is None else nxt

    def numbered(self, k: int) -> int | None:
        """`школы № 5`, `больницы №4`: a number is part of the noun before it."""
        n = _number_at(self.ctx, k)
        if not n or k + n > self.last:
            return None
        self.noun(k + n - 1)
        return k + n

    def noun(self, k: int) -> None:
        if self.org is None and self.prep not in PLACE_PREPS and not _whose_place(self.ctx, k):
            self.words_end = k + 1
        self.end = k + 1

    def modifier(self, k: int) -> None:
        lem = self.ctx.lemma(k)
        if lem in mapping("nationality") and self.org is None:
            self.countries.append(mapping("nationality")[lem])

    def joins(self, k: int) -> bool:
        return self.org is None and super().joins(k)

    def adjunct(self, k: int) -> int | None:
        """`посол ... в Грузии`, `представитель президента в Приволжском федеральном
        округе`: a prepositional complement; a place after `в` ends the phrase, unless
        the post is held there (an envoy's, `models/facts-envoy-posts.txt`)."""
        ctx, lem = self.ctx, self.ctx.lemma(k)
        opens = k + 1 < self.last and (ctx.pos(k + 1) != "PUNCT" or ctx.is_quote(k + 1))
        if lem in TAIL_PREPS and opens:  # `депутат Госдумы от «Единой России»`
            self.prep = lem
            placed = self.org is None or not self.envoy  # `президентом Казахстана в России`
            where = ctx.span_at.get(k + 1)
            at_place = lem == "в" and where is not None and placed and not _body_within(ctx, where)
            return None if at_place and not _district_before_name(ctx, k + 1) else k + 1
        if ctx.pos(k) in NOUNS and ctx.feat(k, "Case") in {"Dat", "Loc"}:
            if ctx.lemma(k - 1) not in TAIL_PREPS and ctx.pos(k - 1) not in {"ADJ", "CCONJ"}:
                return None
            self.noun(k)
            return k + 1
        return None

    def name(self, k: int, span: Span) -> int | None:
        """An entity mention among the complements: the organisation (`клуба Челси`,
        `службы` + `России`), with its closing quote and abbreviation (`(ОФДД)`)."""
        ctx = self.ctx
        if span.entity.type == PER or span.first < k:
            return None
        quoted = ctx.is_quote(span.first - 1)
        before = _numbered_from(ctx, k)  # `больницы № 40 Екатеринбурга`: the number aside
        named = before > self.head + 1 and ctx.pos(before - 1) == "NOUN"  # `клуба Челси`
        after_prep = ctx.lemma(k - 1) in TAIL_PREPS and self.org is not None  # `посол ... в Грузии`
        after_prep = after_prep or _district_before_name(ctx, k)
        case = ctx.feat(span.first, "Case")
        case_ok = case is None or case in (self.cases or GEN)  # `флотом`: Ins
        if not (quoted or named or after_prep or case_ok):
            return None
        if self.org is None and (quoted or named):
            name_first = min(span.first - int(quoted), before)
            self.words_end = _before_org_noun(ctx, self.head, self.words_end, name_first)
            self.unit = _unit_before_name(ctx, self.head, self.words_end, name_first)
            if self.unit is None:
                self.unit = _unit_right_before(ctx, self.head, name_first)
            self.words_end = self.words_end if self.unit is None else min(self.words_end, self.unit)
        kind = self.org_spans and self.org_spans[-1].last == span.first - 1 and quoted
        if kind and _abbreviation(ctx, span.first - 2):  # `НПО «Сатурн»`: the name, not НПО
            self.org, self.org_spans = None, []
        if self.org is None:
            self.org, self.org_spans = span.entity, [span]
        elif self.org_spans and self.org_spans[-1].last == span.first and not after_prep:
            self.org_spans.append(span)  # `службы России`: one name in two mentions
        k = self.end = span.last
        opened = quoted or any(c in span.mention.text for c in OPEN_QUOTES)
        if k < self.last and ctx.is_quote(k) and opened:
            k = self.end = k + 1
        if k + 2 < self.last and ctx.text(k) == "(" and ctx.text(k + 2) == ")":
            k = self.end = k + 3  # `(ОФДД)`
        return k

    def quoted(self, k: int) -> int:
        """`партии «Яблоко»`: a quoted name after an organisation noun, with no mention,
        names the organisation; any other quotation mark is passed over."""
        ctx = self.ctx
        close = closing_quote(ctx.tokens, k, self.last, within=8)
        if (
            self.org is None
            and self.quoted_name is None
            and close
            and k > self.head + 1
            and close > k + 1
            and ctx.lemma(k - 1) in words("org-nouns")
            and not ctx.spans_in(k, close)
        ):
            self.quoted_name = ctx.chars(k + 1, close)
            self.words_end = _before_org_noun(ctx, self.head, self.words_end, k)
            self.end = close + 1
            return close + 1
        return k + 1


def _body_within(ctx: Context, where: Span) -> bool:
    """An organisation after `в` that the post is held within, its holder named right
    after it (`Лидер фракции КПРФ в Госдуме Геннадий Зюганов`), not where a thing is
    (`художники ... в Новой Третьяковской галерее`)."""
    after = ctx.span_at.get(where.last + ctx.is_quote(where.last))
    return where.entity.type == ORG and after is not None and after.entity.type == PER


def phrase_at(ctx: Context, head: int, depth: int = 0) -> Phrase:
    """The position phrase headed by word `head`.

    A post in the genitive after it (`пресс-секретарь президента РФ`) is read as an
    inner phrase: it is not part of the position but gives the organisation. Read once
    per word a document (the kinds and the facts ask for one word's phrase six times
    on average); each caller gets its own copy, whose `org` it may set.
    """
    phrases = ctx.memo.setdefault("phrases", {})
    phrase = phrases.get((head, depth))
    if phrase is None:
        phrase = phrases[head, depth] = _read_phrase(ctx, head, depth)
    return copy.copy(phrase)


def _read_phrase(ctx: Context, head: int, depth: int) -> Phrase:
    sent_first = ctx.sentence(head).first
    before = _Before(ctx, head, sent_first)
    lead = before.run()
    first = before.begin
    acting = _acting(ctx, lead, sent_first)
    if acting is not None:  # `исполняющий обязанности губернатора`, `врио мэра`, `и.о.`
        first = lead = acting
    after = _After(ctx, head, depth, before.countries)
    after.run(head + 1)
    plural = ctx.feat(head, "Number") == "Plur" or plural_form(ctx.text(head), ctx.lemma(head))
    former = is_former(ctx, lead, head)
    if after.inner is not None:
        position = nominal_phrase(ctx, first, head, after.words_end).lower()
        inner = after.inner
        return Phrase(
            head, first, inner.last, position, inner.org, before.countries, plural, inner,
            lead, former=former,
        )  # fmt: skip
    org_text = _org_text(ctx, head, after)
    position = _position(ctx, first, head, after.words_end, acting is not None)
    org = after.org
    if org is None and before.countries:
        org = country_entity(ctx, before.countries[0])
    return Phrase(
        head, first, after.end, position, org, before.countries, plural, None, lead,
        org_text, former,
    )  # fmt: skip


def _org_text(ctx: Context, head: int, after: _After) -> str | None:
    """The organisation's name when no one mention gives it: a quoted name, a unit of the
    named organisation, an unnamed one (`глава палестинской делегации`), or a name in two
    mentions (`Федеральная миграционная служба` + `России`). A bare `глава партии`
    says little: its position words end at the post."""
    org, spans = after.org, after.org_spans
    org_text = after.quoted_name if org is None else None
    if org is not None and (unit := after.unit) is not None:  # `глава отдела ... Hewlett-Packard`
        unit_noun = next((k for k in range(unit, after.end) if ctx.pos(k) in NOUNS), unit)
        org_text = nominal_phrase(ctx, unit, unit_noun, after.end)
    last = after.words_end
    board = board_end(ctx, head)  # `председатель правления банка`: the bank the text means
    unnamed = org is None and org_text is None
    if unnamed and board is not None and _org_complement(ctx, board - 1, last) is not None:
        after.words_end = board  # the post keeps its board
        return None
    if org is None and org_text is None and (noun := _org_complement(ctx, head, last)) is not None:
        if last - head > 2 or ctx.lemma(noun) in STATES:  # `глава государства`
            plural = ctx.feat(noun, "Number") == "Plur"
            org_text = nominal_phrase(ctx, head + 1, noun, last, keep_number=plural)
        after.words_end = head + 1
    if len(spans) > 1:
        tail = ctx.chars(spans[1].first, spans[-1].last)
        lead_name = spans[0].mention.normal or (org.name if org else "")
        org_text = f"{lead_name} {tail}"
    return org_text


def _position(ctx: Context, first: int, head: int, last: int, acting: bool) -> str:
    """The position in its normal form; an acting holder's as written (`и.о. губернатора`)."""
    if acting:
        position = " ".join(ctx.text(k) for k in range(first, last)).lower()
        position = ACTING_FORMS.sub("исполняющий обязанности", position)  # `исполняющим`
        return position.replace("и . о .", "и.о.")
    stem = next((s for s in PARTICIPLE_STEMS if ctx.text(head).lower().startswith(s)), None)
    if stem is not None:  # `конкурсного управляющего банка`: the participle as a post noun
        before = nominal_phrase(ctx, first, head, head) if first < head else ""
        after = ctx.chars(head + 1, last) if last > head + 1 else ""
        return " ".join(w for w in (before, stem + "ий", after) if w).lower()
    noun = ctx.lemma(head) if ctx.pos(head) == "ADJ" and _noun_only(ctx, head) else None
    return _participles_named(nominal_phrase(ctx, first, head, last, head_lemma=noun).lower())


ACTING_FORMS = re.compile(r"\bисполняющ[а-я]* обязанност[а-я]*")
PARTICIPLE_POSTS = re.compile(r"^(управляющ|заведующ)[а-я]*")


def _participles_named(position: str) -> str:
    """`управляющим директор` -> `управляющий директор`: a participle that names a post
    (which the noun phrase leaves as written) in its dictionary form."""
    return PARTICIPLE_POSTS.sub(r"\1ий", position)
