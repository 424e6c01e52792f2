"""quote: who said what — direct quotes in any quotation marks with the speaker before
(`X заявил: «...»`) or after (`"...", - сказано в сообщении`), and reported speech
(`как сообщил X`, `по словам X`, `X сообщал, что ...`)."""

from __future__ import annotations

from typing import Any

from ..entities.types import ORG, PER
from ..record import Entity, Fact
from ..text.chars import QUOTE_PAIRS
from ..text.segment import LINE_BREAK
from .args import nominal_phrase
from .context import Context
from .lexicon import words
from .matcher import Triggers
from .persons import Persons
from .positions import is_post, phrase_at
from .registry import Found, fact_type

OPENING = QUOTE_PAIRS
MESSAGE_WORDS = words("message-words")


def quotations(ctx: Context) -> list[tuple[int, int]]:
    """Word ranges (open, close) of quotation marks, outermost pairs, within a paragraph."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    text = ctx.analysis.text
    for i in range(ctx.n):
        t = ctx.text(i)
        if stack and LINE_BREAK.search(text, ctx.stop(stack[-1]), ctx.start(i)):
            stack = []
        if stack and t == OPENING[ctx.text(stack[-1])]:
            a = stack.pop()
            if not stack:
                out.append((a, i))
        elif t in OPENING:
            stack.append(i)
    return out


def _is_speech(ctx: Context, i: int) -> bool:
    """A finite speech verb or a short participle (`сказано`); not `написанная`."""
    if ctx.lemma(i) not in words("speech-verbs") or ctx.pos(i) not in {"VERB", "AUX", "ADJ"}:
        return False
    return ctx.feat(i, "Case") is None


class Speakers:
    """Who a speech verb's words belong to: a named entity, a resolved description, or
    a description alone (`представитель Кремля`) kept as text."""

    def __init__(self, ctx: Context, persons: Persons) -> None:
        self.ctx, self.persons = ctx, persons

    def near(self, a: int, b: int, prefer_first: bool) -> tuple[Entity | None, str | None]:
        ctx = self.ctx
        order = range(a, b) if prefer_first else range(b - 1, a - 1, -1)
        for j in order:
            span = ctx.span_at.get(j)
            if span is not None and span.entity.type in {PER, ORG}:
                if ctx.feat(span.first, "Case") == "Dat" and span.entity.type == ORG:
                    continue  # `сообщили ТАСС`: the addressee
                if span.entity.type == ORG and self._person_after(span.last, b):
                    continue
                return span.entity, None
            if span is None and _subject_pronoun(ctx, j):
                return self.antecedent(j), None  # `Он отметил, что ...`
            if ctx.lemma(j) in words("sources") and span is None and _source_case(ctx, j):
                phrase = phrase_at(ctx, j)
                described = _lower_first(ctx, j, nominal_phrase(ctx, j, j, phrase.last))
                if phrase.org is not None and phrase.org.type == ORG:
                    return phrase.org, described
                if phrase.last == j + 1 and (named := self._named_before(j)) is not None:
                    return named, None  # `в министерстве` after `Министерства культуры РФ`
                return None, described
            if is_post(ctx, j) and ctx.feat(j, "Case") in {"Nom", None}:
                person = self.persons.at(j)
                phrase = phrase_at(ctx, j)
                if person is not None:
                    return person, None
                if phrase.org is not None and phrase.org.type == ORG:
                    return phrase.org, _lower_first(
                        ctx, phrase.first, ctx.chars(phrase.first, phrase.last)
                    )
                return None, _lower_first(ctx, phrase.first, ctx.chars(phrase.first, phrase.last))
        return None, None

    def antecedent(self, j: int) -> Entity | None:
        return self.persons.antecedent(j)

    def _named_before(self, j: int) -> Entity | None:
        """The last organisation before word j whose name begins with its word."""
        ctx = self.ctx
        for span in reversed(ctx.spans):
            same_word = ctx.lemma(span.first) == ctx.lemma(j)
            if span.last <= j and span.entity.type == ORG and same_word:
                return span.entity
        return None

    def _person_after(self, k: int, b: int) -> bool:
        """A person named later in the speaker slot (`главы МИД Узбекистана Бахтиёра
        Саидова`): the organisation is only his post's."""
        return any(self.ctx.entity(j, PER) is not None for j in range(k, b))


def _lower_first(ctx: Context, first: int, text: str) -> str:
    """A description that opens the sentence, without the sentence's capital letter."""
    if first != ctx.sentence(first)[0] or ctx.span_at.get(first) is not None:
        return text
    return text[:1].lower() + text[1:]


def _subject_pronoun(ctx: Context, j: int, possessive: bool = False) -> bool:
    """`Он отметил`, `- добавил он` (with `possessive`, also `По его словам`): a personal
    pronoun with no person before it in its sentence."""
    tags = {"PRON", "DET"} if possessive else {"PRON"}
    if ctx.lemma(j) not in {"он", "она", "его", "ее"} or ctx.pos(j) not in tags:
        return False
    if not possessive and ctx.feat(j, "Case") not in {"Nom", None}:
        return False
    first, _ = ctx.sentence(j)
    return not ctx.spans_in(first, j, PER)


def _source_case(ctx: Context, j: int) -> bool:
    """A speaking body in the nominative, or `в пресс-службе X` (`заявили в ...`)."""
    if ctx.feat(j, "Case") in {"Nom", None}:
        return True
    return ctx.feat(j, "Case") == "Loc" and ctx.lemma(j - 1) in {"в", "во"}


_TRAILING = frozenset({".", ",", ";", ":", "!", "?", "…", "-", "–", "—", "...", "?!", "!?"})


def _text(ctx: Context, a: int, b: int) -> str:
    while b > a and ctx.text(b - 1) in _TRAILING:
        b -= 1
    return ctx.chars(a, b) if b > a else ""


def _fact(ctx: Context, a: int, b: int, speaker, text: str, direct: bool) -> Fact:
    entity, described = speaker
    args: dict[str, Any] = {
        "speaker": entity,
        "text": text,
        "direct": direct,
    }
    if described:
        args["speaker_text"] = described
    return Fact("quote", ctx.start(a), ctx.stop(b - 1), args)


@fact_type("quote")
def extract(ctx: Context, persons: Persons, found: Found) -> list[Fact]:
    """The quote facts of the document."""
    return find(ctx, persons)


def find(ctx: Context, persons: Persons) -> list[Fact]:
    speakers = Speakers(ctx, persons)
    facts: list[Fact] = []
    covered: set[int] = set()
    for a, b in quotations(ctx):
        if b - a < 2:
            continue
        found = [
            f
            for f in (
                _after(ctx, speakers, a, b),
                _before(ctx, speakers, a, b),
                _inside(ctx, speakers, a, b),
                _headline(ctx, a, b),
            )
            if f is not None
        ]
        known = [f for f in found if f.args["speaker"] or f.args.get("speaker_text")]
        fact = next(iter(known or found), None)  # `X заявил: «...», добавив, что ...`
        if fact is not None:
            facts.append(fact)
            covered.update(range(a, b + 1))
    facts += _reported(ctx, speakers, covered)
    return facts


def _after(ctx: Context, speakers: Speakers, a: int, b: int) -> Fact | None:
    """`"...", - заявил X` / `"...", - сказано в сообщении`; not a name inside a phrase
    (`ставший гендиректором «Веги», заявил`: the quotation mark follows a word)."""
    first, last = ctx.sentence(b)
    if a > first and ctx.pos(a - 1) != "PUNCT":
        return None
    k = b + 1
    while k < last and (ctx.text(k) == "," or ctx.is_dash(k)):
        k += 1
    if k == b + 1 or k >= last:
        return None
    verb = next((v for v in range(k, min(k + 3, last)) if _is_speech(ctx, v)), None)
    if verb is None:
        return None
    end = verb + 1
    while end < last and not (ctx.text(end) == "," and ctx.pos(end + 1) in {"VERB", "ADV"}):
        end += 1
    speaker = speakers.near(verb + 1, end, prefer_first=True)
    if speaker == (None, None):
        speaker = speakers.near(k, verb, prefer_first=False)
    if speaker == (None, None) and any(ctx.lemma(j) in MESSAGE_WORDS for j in range(verb, end)):
        speaker = _source_before(ctx, speakers, a)
    return _fact(ctx, a, end, speaker, ctx.chars(a + 1, b), True)


def _before(ctx: Context, speakers: Speakers, a: int, b: int) -> Fact | None:
    """`X заявил: «...»`."""
    first, _ = ctx.sentence(a)
    if a - 1 < first or ctx.text(a - 1) != ":":
        return None
    verb = next((v for v in range(a - 2, max(first, a - 6) - 1, -1) if _is_speech(ctx, v)), None)
    if verb is None:
        return None
    speaker = speakers.near(first, verb, prefer_first=False)
    if speaker == (None, None):
        speaker = speakers.near(verb + 1, a, prefer_first=True)
    return _fact(ctx, first, b + 1, speaker, ctx.chars(a + 1, b), True)


def _headline(ctx: Context, a: int, b: int) -> Fact | None:
    """`Захарова: «Москва не оставит это без ответа»`: a name alone before a colon."""
    first, _ = ctx.sentence(a)
    speaker = _headline_speaker(ctx, first, a - 1)
    if speaker is None:
        return None
    return _fact(ctx, first, b + 1, (speaker, None), ctx.chars(a + 1, b), True)


def _headline_speaker(ctx: Context, first: int, colon: int) -> Entity | None:
    """The person or body named (after its post, if any) between a sentence start and
    a colon: `Захарова:`, `Пресс-секретарь президента Дмитрий Песков:`."""
    if colon - 1 < first or ctx.text(colon) != ":":
        return None
    span = ctx.span_at.get(colon - 1)
    if span is None or span.last != colon or span.entity.type not in {PER, ORG}:
        return None
    words_before = range(first, span.first)
    if any(
        ctx.pos(k) not in {"NOUN", "ADJ", "PROPN", "DET"} and not ctx.span_at.get(k)
        for k in words_before
    ):
        return None
    return span.entity


def _headline_said(ctx: Context, first: int, last: int, covered: set[int]) -> Fact | None:
    """`Лавров: переговоры прошли конструктивно`: words after a name and a colon."""
    colon = next((k for k in range(first + 1, min(last, first + 8)) if ctx.text(k) == ":"), None)
    if colon is None or colon + 1 >= last or colon + 1 in covered or ctx.is_quote(colon + 1):
        return None
    speaker = _headline_speaker(ctx, first, colon)
    text = _text(ctx, colon + 1, last) if speaker is not None else ""
    if not text or len(text.split()) < 2:
        return None
    return _fact(ctx, first, last, (speaker, None), text, False)


def _inside(ctx: Context, speakers: Speakers, a: int, b: int) -> Fact | None:
    """`«Мы готовы к диалогу, — сказал Путин, — но не на любых условиях»`: the speaker
    between two dashes inside the quotation marks; the text is both parts."""
    for k in range(a + 2, b - 3):
        if ctx.text(k) not in {",", "."} or not ctx.is_dash(k + 1):
            continue
        verb = next((v for v in range(k + 2, min(k + 5, b)) if _is_speech(ctx, v)), None)
        if verb is None:
            continue
        resume = next(
            (j for j in range(verb + 1, b - 1) if ctx.text(j) in {",", "."} and ctx.is_dash(j + 1)),
            None,
        )
        if resume is None:
            return None
        speaker = speakers.near(verb + 1, resume, prefer_first=True)
        if speaker == (None, None):
            speaker = speakers.near(k + 2, verb, prefer_first=False)
        sep = "." if ctx.text(resume) == "." else ctx.text(k)  # `..., — сказал X. — ...`
        text = f"{ctx.chars(a + 1, k)}{sep} {ctx.chars(resume + 2, b)}"
        first, _ = ctx.sentence(a)
        return _fact(ctx, first, b + 1, speaker, text, True)
    return None


def _source_before(ctx: Context, speakers: Speakers, a: int):
    """`Об этом сообщила пресс-служба президента РФ. "...", - сказано в сообщении`:
    the subject of the last speech verb before the quote."""
    first, _ = ctx.sentence(a)
    lo = ctx.sentence(first - 1)[0] if first > 0 else first
    for v in range(a - 1, lo - 1, -1):
        if _is_speech(ctx, v):
            _, last = ctx.sentence(v)
            return speakers.near(v + 1, min(last, a), prefer_first=True)
    return None, None


def _quoted(ctx: Context, a: int, last: int) -> str | None:
    """The words inside quotation marks that open at word a and close the sentence."""
    if not ctx.is_quote(a) or ctx.text(a) not in OPENING:
        return None
    b = last
    while b > a + 1 and ctx.text(b - 1) in _TRAILING:
        b -= 1
    if b - a < 3 or ctx.text(b - 1) != OPENING[ctx.text(a)]:
        return None
    return ctx.chars(a + 1, b - 1)


INTROS = Triggers("speech-intro")  # `по словам`, `как сообщил`: the speaker follows


def _reported(ctx: Context, speakers: Speakers, covered: set[int]) -> list[Fact]:
    """`X сообщал, что ...`, `как сообщил X, ...`, `по словам X, ...`."""
    out: list[Fact] = []
    for first, last in ctx.sentences():
        if (said := _headline_said(ctx, first, last, covered)) is not None:
            out.append(said)
            continue
        if (about := _about_this(ctx, speakers, first, last, covered)) is not None:
            out.append(about)
            continue
        for v in range(first, last):
            if v in covered:
                continue
            intro = INTROS.at(ctx, v, last)
            if intro is None and (said := _by_his_words(ctx, speakers, v, first, last)):
                out.append(said)
                break
            if intro is not None:
                s_first = intro.last
                comma = next(
                    (
                        k
                        for k in range(s_first, last)
                        if ctx.text(k) == "," and ctx.span_at.get(k) is None
                    ),
                    None,
                )
                if comma is None:
                    continue
                speaker = speakers.near(s_first, comma, prefer_first=True)
                text, direct = _text(ctx, comma + 1, last), False
                if v > first and ctx.text(v - 1) == ",":
                    text = _text(ctx, first, v - 1)
                elif (inner := _quoted(ctx, comma + 1, last)) is not None:
                    text, direct = inner, True  # `по словам X, «...»`
                if text and speaker != (None, None):
                    out.append(_fact(ctx, first, last, speaker, text, direct))
                break
            if (
                _is_speech(ctx, v)
                and v + 2 < last
                and ctx.text(v + 1) == ","
                and ctx.lemma(v + 2) == "что"
            ):
                speaker = speakers.near(first, v, prefer_first=False)
                if speaker == (None, None):
                    continue
                text = _text(ctx, v + 3, last)
                if text:
                    out.append(_fact(ctx, first, last, speaker, text, False))
                break
    return out


def _about_this(
    ctx: Context, speakers: Speakers, first: int, last: int, covered: set[int]
) -> Fact | None:
    """`... . Об этом сообщил X`: X's words are the sentence before (after the dateline);
    direct when that sentence is one quotation, none when it holds a quote already."""
    if first == 0 or last - first < 4 or ctx.lemma(first) not in {"о", "об", "обо"}:
        return None
    if ctx.lemma(first + 1) not in {"этот", "это"}:
        return None
    verb = next((v for v in range(first + 2, min(last, first + 5)) if _is_speech(ctx, v)), None)
    if verb is None or any(ctx.pos(k) in {"NOUN", "ADJ"} for k in range(first + 2, verb)):
        return None  # `Об этом человеке говорят разное`: about something else
    speaker = speakers.near(verb + 1, last, prefer_first=True)
    if speaker == (None, None):
        return None
    p_first, _ = ctx.sentence(first - 1)
    dl_stop = ctx.dateline[1]
    while p_first < first and ctx.start(p_first) < dl_stop:
        p_first += 1
    if p_first >= first or any(k in covered for k in range(p_first, first)):
        return None
    if (inner := _quoted(ctx, p_first, first)) is not None:
        return _fact(ctx, p_first, last, speaker, inner, True)
    text = _text(ctx, p_first, first)
    return _fact(ctx, p_first, last, speaker, text, False) if text else None


def _by_his_words(
    ctx: Context, speakers: Speakers, v: int, first: int, last: int
) -> Fact | None:
    """`По его словам, ...`: the words after the comma, said by whom the pronoun stands for."""
    if v + 3 >= last or ctx.lemma(v) != "по" or ctx.lemma(v + 2) not in {"слово", "мнение"}:
        return None
    if not _subject_pronoun(ctx, v + 1, possessive=True) or ctx.text(v + 3) != ",":
        return None
    speaker = speakers.antecedent(v + 1)
    text = _text(ctx, v + 4, last)
    return _fact(ctx, first, last, (speaker, None), text, False) if speaker and text else None
