"""From tagged word spans to the document's entities: rules, normal forms, clusters."""

from __future__ import annotations

from ..analysis import Analysis
from ..record import Entity, Mention
from .coref import Candidate, build_entities
from .names import name_parts
from .ner import WordSpan
from .normalize import Word, normalize_name, normalize_person
from .repair import repair
from .rules import Words, owners, refine, retype


def find_entities(analysis: Analysis, spans: list[WordSpan]) -> list[Entity]:
    """Repair and refine the tagger's spans, normalise each mention, cluster them."""
    text, seg = analysis.text, analysis.segments
    frozen = [tuple(sorted(f.items())) for f in analysis.feats]
    context = Words(
        [w[2] for w in seg.words],
        analysis.lemmas,
        analysis.pos,
        [f.get("Case") for f in analysis.feats],
        [f.get("Number") for f in analysis.feats],
        analysis.sent_of_word,
    )
    persons: list[Candidate] = []
    others: list[Mention] = []
    full: dict[int, str] = {}

    def word(i: int, first: int) -> Word:
        space = i > first and seg.words[i][0] > seg.words[i - 1][1]
        return Word(seg.words[i][2], analysis.pos[i], frozen[i], space)

    spans = refine(repair(spans, context.text), context)
    owned = owners(spans, context)
    for k, span in enumerate(spans):
        start, stop = seg.words[span.first][0], seg.words[span.last - 1][1]
        words = [word(i, span.first) for i in range(span.first, span.last)]
        mention = Mention(start, stop, text[start:stop], span.type)
        if span.type == "PER":
            forms = normalize_person(words)
            mention.normal = " ".join(forms)
            persons.append(Candidate(mention, name_parts(words, forms)))
        else:
            mention.normal = normalize_name(words)
            mention.type = retype(mention.normal, span.type)
            others.append(mention)
            if k in owned:
                whole = [word(i, span.first) for i in range(span.first, owned[k])]
                full[id(mention)] = normalize_name(whole)
    return build_entities(persons, others, full)
