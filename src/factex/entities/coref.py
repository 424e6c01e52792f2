"""Clustering of mentions into entities within one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Entity, Mention
from ..text.chars import fold
from .aliases import canonical
from .names import full_name, surname_first


@dataclass
class Candidate:
    """A mention with what clustering needs to know about it."""

    mention: Mention
    parts: dict[str, str | None] = field(default_factory=dict)


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = fold(a), fold(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short.endswith(".") and long.startswith(short[:-1])


def same_person(parts: dict[str, str | None], cluster: dict[str, str | None]) -> bool:
    """Whether a name with these `parts` may name the person whose fullest parts are
    `cluster`: the same surname with first names and patronymics that fit (`В.` fits
    `Владимир`), or a lone first name (or surname read as one) that the person has."""
    last, first = parts.get("last"), parts.get("first")
    cluster_last, cluster_first = cluster.get("last"), cluster.get("first")
    if last and cluster_last:
        return (
            fold(last) == fold(cluster_last)
            and _compatible(first, cluster_first)
            and _compatible(parts.get("middle"), cluster.get("middle"))
        )
    if last and not first and not cluster_last:
        return False
    if first and not last and not parts.get("middle"):
        # A lone word read as a first name may be the surname (`Пашиняна`).
        known = (cluster_first, cluster_last)
        return any(name and fold(first) == fold(name) for name in known)
    if first and not last:
        return bool(cluster_first) and fold(first) == fold(cluster_first or "")
    return False


# Case endings a surname takes after its nominative (or after its final vowel,
# `ь` or `й`): `Мерцу`, `Голиковой`, `Исибе`.
SURNAME_ENDINGS = frozenset(
    {"", "а", "я", "у", "ю", "ом", "ем", "ым", "им", "е", "и", "ы", "ой", "ей", "ою", "ую"}
)


def surname_form(text: str, last: str) -> bool:
    """`text` (one word as written) is a case form of the nominative surname `last`."""
    t, s = fold(text), fold(last)
    if t == s:
        return True
    if " " in t or " " in s or len(s) < 3:
        return False
    stems = (s, s[:-1]) if s[-1] in "аяьй" else (s,)
    return any(t.startswith(stem) and t[len(stem) :] in SURNAME_ENDINGS for stem in stems)


def _lone_word(cand: Candidate) -> bool:
    """A mention of one word read as a first name or a surname alone."""
    given = [v for v in cand.parts.values() if v]
    return len(given) == 1 and " " not in cand.mention.text and not cand.parts.get("middle")


def _by_surname_form(
    cand: Candidate, clusters: list[tuple[dict[str, str | None], list[Mention]]]
) -> list[tuple[dict[str, str | None], list[Mention]]]:
    """Clusters of full names whose surname `cand`'s lone word is a form of
    (`Мерцу` -> `Фридрих Мерц`), for words the normaliser misread."""
    if not _lone_word(cand):
        return []
    return [
        c
        for c in clusters
        if (last := c[0].get("last"))
        and c[0].get("first")
        and surname_form(cand.mention.text, last)
    ]


def _words_forms(words: list[str], name: str) -> bool:
    """Each of `words` is a case form of the word of `name` in its place, the
    last words aligned (`Юн Сок Ёлю` ~ `Юн Сок Ёль`, `Абдель Ати` ~ `Бадр Абдель Ати`)."""
    full = name.split()
    return len(words) <= len(full) and all(
        surname_form(w, f) for w, f in zip(words, full[len(full) - len(words) :])
    )


def _by_word_forms(
    cand: Candidate, clusters: list[tuple[dict[str, str | None], list[Mention]]]
) -> list[tuple[dict[str, str | None], list[Mention]]]:
    """Clusters with a mention whose last words `cand`'s words are case forms of,
    for names of two words or more the normaliser read in another way."""
    words = cand.mention.text.split()
    if len(words) < 2:
        return []
    return [
        c for c in clusters if any(_words_forms(words, n) for m in c[1] for n in (m.text, m.normal))
    ]


def cluster_persons(
    candidates: list[Candidate],
) -> list[tuple[dict[str, str | None], list[Mention]]]:
    """Group person mentions: the fullest names first, then shorter ones join them."""
    order = sorted(
        range(len(candidates)),
        key=lambda i: (
            -sum(1 for v in candidates[i].parts.values() if v),
            candidates[i].mention.start,
        ),
    )
    clusters: list[tuple[dict[str, str | None], list[Mention]]] = []
    for i in order:
        cand = candidates[i]
        matches = [c for c in clusters if same_person(cand.parts, c[0])]
        if not matches:
            by_form = _by_surname_form(cand, clusters) or _by_word_forms(cand, clusters)
            if len(by_form) == 1:  # two people of one surname: the word stays apart
                by_form[0][1].append(cand.mention)
                continue
        if len(matches) >= 1:
            parts, mentions = matches[0]
            for key, value in cand.parts.items():
                old = parts.get(key)
                if value and (not old or old.endswith(".")):
                    parts[key] = value
            mentions.append(cand.mention)
        else:
            clusters.append((dict(cand.parts), [cand.mention]))
    return clusters


def abbreviation(name: str) -> str:
    """The initials a name is abbreviated to (`Министерство иностранных дел` -> `МИД`):
    the first letters of its words, short lower-case words left out."""
    words = [w for w in name.replace("-", " ").split() if len(w) > 2 or w[0].isupper()]
    return "".join(w[0] for w in words).upper()


def cluster_names(
    mentions: list[Mention],
    full: dict[int, str] | None = None,
    same: dict[int, Mention] | None = None,
) -> list[list[Mention]]:
    """Group place or organisation mentions by normal form, aliases and acronyms.

    A name with its owner (`МИД России`, `МИД Казахстана`) is an entity of its
    own; a bare `МИД` joins the nearest such entity before it.
    """
    full = full or {}
    def key_of(name: str) -> str:
        return fold(canonical(name))

    groups: dict[str, list[Mention]] = {}
    short: dict[str, set[str]] = {}
    owned = sorted((m for m in mentions if id(m) in full), key=lambda m: m.start)
    for m in owned:
        key = key_of(full[id(m)])
        groups.setdefault(key, []).append(m)
        short.setdefault(key, set()).add(key_of(m.normal))
    for m in sorted((m for m in mentions if id(m) not in full), key=lambda m: -len(m.normal)):
        key = key_of(m.normal)
        if key not in groups:
            near = [k for k, ks in short.items() if key in ks]
            if near:
                before = [k for k in near if groups[k][0].start < m.start] or near
                key = max(
                    before,
                    key=lambda k: (
                        max(x.start for x in groups[k] if x.start < m.start)
                        if any(x.start < m.start for x in groups[k])
                        else -1
                    ),
                )
        if key not in groups and m.normal.isupper():
            key = next((k for k in groups if abbreviation(k) == m.normal.upper()), key)
        groups.setdefault(key, []).append(m)
        short.setdefault(key, set()).add(key_of(m.normal))
    return _join_same(list(groups.values()), same or {})


def _join_same(groups: list[list[Mention]], same: dict[int, Mention]) -> list[list[Mention]]:
    """Merge the group of each mention with the group of the mention it is another
    name of (`Минфин` in brackets after `Министерство финансов`)."""
    where = {id(m): i for i, g in enumerate(groups) for m in g}
    for m_id, other in same.items():
        a, b = where.get(m_id), where.get(id(other))
        if a is None or b is None or a == b:
            continue
        groups[b].extend(groups[a])
        for m in groups[a]:
            where[id(m)] = b
        groups[a] = []
    return [g for g in groups if g]


def _fullest(mentions: list[Mention], full: dict[int, str]) -> str:
    """The longest normal form, with the owner where the text gives one
    (`Конгресс` + `США` -> `Конгресс США`); abbreviations only when nothing else."""
    names = [full.get(id(m), m.normal) for m in mentions]
    spelled = [n for n in names if not n.split()[0].isupper()] or names
    return max(spelled, key=lambda n: (len(n.split()), len(n)))


def _by_first_letters(surnames: dict[str, list[Mention]]) -> dict[str, list[str]]:
    """Folded surnames by their first two letters, which every case form of a surname
    shares with it, so that a word is compared with those surnames only."""
    out: dict[str, list[str]] = {}
    for last in surnames:
        out.setdefault(last[:2], []).append(last)
    return out


def _surname_owners(
    m: Mention, surnames: dict[str, list[Mention]], first_letters: dict[str, list[str]]
) -> list[list[Mention]]:
    """The persons whose surname a one-word place or organisation mention is."""
    if " " in m.normal:
        return []
    if fold(m.normal) in surnames:
        return [surnames[fold(m.normal)]]
    near = first_letters.get(fold(m.text)[:2], [])
    return [surnames[last] for last in near if surname_form(m.text, last)]


def build_entities(
    persons: list[Candidate],
    others: list[Mention],
    full: dict[int, str] | None = None,
    same: dict[int, Mention] | None = None,
) -> list[Entity]:
    """Entities of a document, ordered by first mention (ids come at the end, with the
    other ids: `Document.assign_ids`).

    `full` maps `id(mention)` to a fuller name (`Министерство культуры Казахстана`),
    `same` to a mention the text gives as another name of the same entity.
    """
    full = full or {}
    entities: list[Entity] = []
    clusters = cluster_persons(persons)
    surnames = {fold(last): ms for p, ms in clusters if (last := p.get("last")) and p.get("first")}
    first_letters = _by_first_letters(surnames)
    kept = []
    for m in others:  # `Мирзиёева`, `Голиковой` tagged as a place is the person's surname
        owners = _surname_owners(m, surnames, first_letters)
        if len(owners) == 1:
            m.type = "PER"
            owners[0].append(m)
        else:
            kept.append(m)
    others = kept
    for parts, mentions in clusters:
        middle, first = parts.get("middle") or "", parts.get("first") or ""
        if middle.endswith(".") and first and not first.endswith("."):
            parts["middle"] = None  # `В. В. Путин` joined `Владимир Путин`
        name = full_name(parts, surname_first(parts, [m.normal for m in mentions]))
        entities.append(Entity("", "PER", name, mentions, parts))
    by_type: dict[str, list[Mention]] = {}
    for m in others:
        by_type.setdefault(m.type, []).append(m)
    for kind, mentions in by_type.items():
        for group in cluster_names(mentions, full, same):
            entities.append(Entity("", kind, _fullest(group, full), group))
    for e in entities:
        e.mentions.sort(key=lambda m: m.start)
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities
