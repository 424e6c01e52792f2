"""Position phrases: `министр промышленности и торговли России`, `глава российского МИД`.

A phrase is a post noun (`models/facts-positions.txt`) with its adjectives on the
left and its genitive complements on the right; an ORG or LOC mention among the
complements, or a nationality adjective, names the organisation the post belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..entities.aliases import canonical as canonical_name
from ..record import Entity
from ..text.chars import OPEN_QUOTES
from .args import nominal_phrase
from .context import Context
from .lexicon import mapping, words

ORDINALS = {"первый", "второй", "третий"}
TAIL_PREPS = {"по", "в", "при", "от", "на"}
STATES = words("state-nouns")
PLACE_PREPS = {"в", "на"}  # `посол ... на Южном Кавказе`: where, not what, the post is
INS_POSTS = ("управляющ", "заведующ", "зав")


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


def post_lemma(lemma: str) -> str:
    """`экс-премьер` -> `премьер`: the post without a former-holder prefix."""
    for prefix in ("экс-", "экс"):
        if lemma.startswith(prefix) and lemma[len(prefix) :] in words("positions"):
            return lemma[len(prefix) :]
    return lemma


def is_post(ctx: Context, i: int) -> bool:
    return (
        _noun_like(ctx, i)
        and (_is_post_lemma(ctx.lemma(i)) or _participle_post(ctx, i))
        and getattr(ctx.entity(i), "type", None) != "PER"
    )


def _noun_like(ctx: Context, i: int) -> bool:
    """A noun, or a post the tagger read as an adjective (`Экс-председатель`)."""
    if ctx.pos(i) in {"NOUN", "PROPN"}:
        return True
    return ctx.pos(i) == "VERB" or ctx.pos(i) == "ADJ" and ctx.lemma(i).startswith("экс")


def _participle_post(ctx: Context, i: int) -> bool:
    """`управляющий`, tagged as a participle, names a post when written as one, unless
    it describes the post after it (`управляющий директор`)."""
    if ctx.pos(i) != "VERB" or ctx.text(i).lower() not in words("positions"):
        return False
    return not (i + 1 < ctx.n and _is_post_lemma(ctx.lemma(i + 1)))


def _adjective_participle(ctx: Context, j: int, head: int) -> bool:
    """`управляющий` right before a post noun is its adjective."""
    return j == head - 1 and ctx.pos(j) == "VERB" and ctx.text(j).lower() in words("positions")


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
        if e.type in {"LOC", "ORG"} and canonical(e.name) == want:
            return e
    return None


def _before_org_noun(ctx: Context, head: int, last: int, name_first: int) -> int:
    """`координатор движения «Левый фронт»`: a generic noun right before a name belongs
    to the organisation, so the position ends before it (and its adjectives)."""
    k = name_first - 1
    if k <= head or ctx.lemma(k) not in words("org-nouns"):
        return last
    while k - 1 > head and (
        ctx.pos(k - 1) in {"ADJ", "DET"} or ctx.lemma(k - 1) in words("org-nouns")
    ):
        k -= 1  # `группы компаний Michelin`
    while k - 1 > head and ctx.pos(k - 1) == "ADP":
        k -= 1  # `депутат парламента от партии «Новые правые»`
    return min(last, k)


def _unit_before_name(ctx: Context, head: int, last: int, name_first: int) -> int | None:
    """`глава отдела корпоративных серверов Hewlett-Packard`: an organisation noun in the
    genitive among the complements, not right before the name, opens a unit of the
    named organisation; the position ends before it."""
    for j in range(head + 1, min(last, name_first - 1)):
        if ctx.lemma(j) in words("org-nouns") and ctx.feat(j, "Case") == "Gen":
            linked = all(ctx.pos(k) != "ADP" for k in range(j, name_first))
            return j if linked else None  # `депутат парламента от партии`: no unit of it
    return None


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
        return lead - 2
    if lead - 4 >= sent_first and [ctx.text(k) for k in range(lead - 4, lead)] == [
        "и",
        ".",
        "о",
        ".",
    ]:
        return lead - 4
    if lead - 1 >= sent_first and ctx.text(lead - 1).lower() in {"и.о.", "и.о"}:
        return lead - 1
    return None


def _org_complement(ctx: Context, head: int, last: int) -> int | None:
    """The head noun of a genitive complement that names an unnamed organisation
    (`представитель вооружённых сил`, `глава палестинской делегации`), or None."""
    k = head + 1
    while k < last and ctx.pos(k) in {"ADJ", "DET"}:
        k += 1
    if k >= last or ctx.pos(k) != "NOUN" or ctx.feat(k, "Case") != "Gen":
        return None
    lemma = ctx.lemma(k)
    return k if lemma in words("org-nouns") or lemma == "сила" and k > head + 1 else None


def place_of_adjective(ctx: Context, lemma: str) -> Entity | None:
    """The LOC entity an adjective is made from (`свердловский` -> `Свердловская
    область`, `японский` -> `Япония`): a shared stem of all but two letters."""
    if len(lemma) < 6:
        return None
    for e in ctx.analysis.document.entities:
        if e.type != "LOC":
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
    return span.entity.type == "LOC" and after is not None and after.entity.type == "PER"


def phrase_at(ctx: Context, head: int, depth: int = 0) -> Phrase:
    """The position phrase headed by word `head`.

    A post in the genitive after it (`пресс-секретарь президента РФ`) is read as an
    inner phrase: it is not part of the position but gives the organisation.
    """
    sent_first, sent_last = ctx.sentence(head)
    case = ctx.feat(head, "Case")
    first = head
    countries: list[str] = []
    relational = ctx.lemma(head) in words("positions-relational") or ctx.lemma(head)[:3] in {
        "виц",
        "зам",
    }
    j = head - 1
    while j >= sent_first and ctx.entity(j) is None:
        if ctx.lemma(j) == "и" and first == j + 1 and j > sent_first and ctx.pos(j - 1) == "ADJ":
            if ctx.lemma(j - 1) in words("position-adjectives"):
                first = j - 1  # `чрезвычайный и полномочный посол`
            j -= 2
            continue
        if _adjective_participle(ctx, j, head):
            first = j  # `управляющий директор`
            j -= 1
            continue
        if ctx.pos(j) not in {"ADJ", "DET", "NUM"}:
            break
        if case and ctx.feat(j, "Case") not in {case, None}:
            break
        lem = ctx.lemma(j)
        if lem in mapping("nationality"):
            countries.append(mapping("nationality")[lem])
        elif (place := place_of_adjective(ctx, lem)) is not None:
            countries.append(place.name)
        elif first == j + 1 and (
            lem in words("position-adjectives") or (lem in ORDINALS and _ordinal_fits(ctx, head))
        ):
            first = j
        j -= 1
    lead = j + 1
    acting = _acting(ctx, lead, sent_first)
    if acting is not None:  # `исполняющий обязанности губернатора`, `врио мэра`, `и.о.`
        first = lead = acting
    last = head + 1  # end of the position words
    end = head + 1  # end of the whole phrase (with its organisation)
    org: Entity | None = None
    org_words: list = []
    quoted_name: str | None = None
    unit: int | None = None  # an unnamed unit of the named organisation
    prep: str | None = None
    complement_cases = {"Gen", "Ins"} if governs_instrumental(ctx, head) else {"Gen"}
    k = head + 1
    while k < sent_last:
        span = ctx.span_at.get(k)
        if span is not None:
            if span.entity.type == "PER" or span.first < k:
                break
            quoted = ctx.is_quote(span.first - 1)
            named = k > head + 1 and ctx.pos(k - 1) == "NOUN"  # `клуба Челси`
            after_prep = ctx.lemma(k - 1) in TAIL_PREPS and org is not None  # `посол ... в Грузии`
            after_prep = after_prep or _district_before_name(ctx, k)
            if quoted or named or after_prep or ctx.feat(span.first, "Case") in {"Gen", None}:
                if org is None and (quoted or named):
                    last = _before_org_noun(ctx, head, last, span.first - int(quoted))
                    unit = _unit_before_name(ctx, head, last, span.first - int(quoted))
                    last = last if unit is None else unit
                if org is None:
                    org, org_words = span.entity, [span]
                elif org_words and org_words[-1].last == span.first and not after_prep:
                    org_words.append(span)  # `службы России`: one name in two mentions
                k = end = span.last
                opened = quoted or any(c in span.mention.text for c in OPEN_QUOTES)
                if k < sent_last and ctx.is_quote(k) and opened:
                    k = end = k + 1
                if k + 2 < sent_last and ctx.text(k) == "(" and ctx.text(k + 2) == ")":
                    k = end = k + 3  # `(ОФДД)`
                continue
            break
        lem, pos = ctx.lemma(k), ctx.pos(k)
        if ctx.is_quote(k):
            close = next((q for q in range(k + 1, min(sent_last, k + 8)) if ctx.is_quote(q)), None)
            if (
                org is None
                and quoted_name is None
                and close
                and k > head + 1
                and close > k + 1
                and ctx.lemma(k - 1) in words("org-nouns")
                and not ctx.spans_in(k, close)
            ):
                quoted_name = ctx.chars(k + 1, close)  # `партии «Яблоко»`, no mention
                last = _before_org_noun(ctx, head, last, k)
                k = end = close + 1
                continue
            k += 1
            continue
        if is_post(ctx, k) and not relational and not _plural_complement(ctx, k, org):
            if depth < 2 and org is None and ctx.feat(k, "Case") == "Gen":
                inner = phrase_at(ctx, k, depth + 1)
                position = nominal_phrase(ctx, first, head, last).lower()
                plural = ctx.feat(head, "Number") == "Plur"
                former = is_former(ctx, lead, head)
                return Phrase(
                    head, first, inner.last, position, inner.org, countries, plural, inner, lead,
                    former=former,
                )
            break
        if pos in {"NOUN", "PROPN"} and ctx.feat(k, "Case") in complement_cases:
            if org is None and prep not in PLACE_PREPS:
                last = k + 1
            end = k + 1
        elif pos in {"ADJ", "DET", "NUM"} and ctx.feat(k, "Case") in {"Gen", "Dat", "Loc"}:
            if lem in mapping("nationality") and org is None:
                countries.append(mapping("nationality")[lem])
        elif lem == "и" and k + 1 < sent_last and ctx.feat(k + 1, "Case") == "Gen" and org is None:
            pass
        elif lem in TAIL_PREPS and k + 1 < sent_last and ctx.pos(k + 1) != "PUNCT":
            prep = lem
            at_place = lem == "в" and ctx.span_at.get(k + 1) is not None and org is None
            if at_place and not _district_before_name(ctx, k + 1):
                break
        elif pos in {"NOUN", "PROPN"} and ctx.feat(k, "Case") in {"Dat", "Loc"}:
            if ctx.lemma(k - 1) not in TAIL_PREPS and ctx.pos(k - 1) not in {"ADJ", "CCONJ"}:
                break
            if org is None and prep not in PLACE_PREPS:
                last = k + 1
            end = k + 1
        else:
            break
        k += 1
    org_text = quoted_name if org is None else None
    if org is not None and unit is not None:  # `глава отдела серверов Hewlett-Packard`
        org_text = nominal_phrase(ctx, unit, unit, end)
    if org is None and org_text is None and (noun := _org_complement(ctx, head, last)) is not None:
        if last - head > 2 or ctx.lemma(noun) in STATES:  # `глава палестинской делегации`,
            plural = ctx.feat(noun, "Number") == "Plur"  # `глава государства`; a bare
            org_text = nominal_phrase(ctx, head + 1, noun, last, keep_number=plural)
        last = head + 1  # `глава партии` says little
    position = nominal_phrase(ctx, first, head, last).lower()
    if acting is not None:
        position = " ".join(ctx.text(k) for k in range(first, last)).lower()
        position = position.replace("и . о .", "и.о.")
    if org is None and countries:
        org = country_entity(ctx, countries[0])
    plural = ctx.feat(head, "Number") == "Plur"
    if len(org_words) > 1:
        tail = ctx.chars(org_words[1].first, org_words[-1].last)
        lead_name = org_words[0].mention.normal or (org.name if org else "")
        org_text = f"{lead_name} {tail}"
    former = is_former(ctx, lead, head)
    return Phrase(
        head, first, end, position, org, countries, plural, None, lead, org_text, former
    )
