"""Clustering of mentions into entities: one clusterer, used inside a document (its
units are mentions) and over the windows of a long text (its units are the entities
of each window), so a name joins the same entity whatever the window size.

Every candidate a rule may join is found through an index (surname, first name, the
first two letters every case form of a word shares with it), never by a scan over
all entities, so the cost grows with the text, not with its square.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field

from ..record import Entity, Mention
from ..text.chars import fold
from .aliases import canonical
from .names import full_name, surname_first

Parts = dict[str, str | None]


@dataclass
class Candidate:
    """A person mention with the parts of its name."""

    mention: Mention
    parts: Parts = field(default_factory=dict)


@dataclass
class Unit:
    """What clustering joins: one mention of a document, or one entity of a window.

    `name` is its fullest name (with the owner the text gives: `МИД России` for the
    mention `МИД`), `normal` its own name; `owned` when the two differ by an owner;
    `entity` the window entity it stands for."""

    type: str
    mentions: list[Mention]
    parts: Parts = field(default_factory=dict)
    name: str = ""
    normal: str = ""
    owned: bool = False
    entity: Entity | None = None

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def text(self) -> str:
        return self.mentions[0].text

    @classmethod
    def of_entity(cls, e: Entity) -> Unit:
        """A window's entity as one unit (its mentions in text order)."""
        names = {key_of(m.normal or m.text) for m in e.mentions}
        owned = e.type != "PER" and key_of(e.name) not in names
        return cls(e.type, e.mentions, dict(e.parts or {}), e.name, e.name, owned, e)


@dataclass
class Cluster:
    """An entity of the whole text: the units it joins, its name and parts."""

    type: str
    units: list[Unit]
    name: str = ""
    parts: Parts | None = None

    @property
    def mentions(self) -> list[Mention]:
        return sorted((m for u in self.units for m in u.mentions), key=lambda m: m.start)


def key_of(name: str) -> str:
    """The comparison key of a place or organisation name (aliases resolved)."""
    return fold(canonical(name))


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = fold(a), fold(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short.endswith(".") and long.startswith(short[:-1])


def same_person(parts: Parts, cluster: Parts) -> bool:
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
    """`text` (one word as written) is a case form of the nominative surname `last`;
    a form always shares the first two letters of the surname (`stem`)."""
    t, s = fold(text), fold(last)
    if t == s:
        return True
    if " " in t or " " in s or len(s) < 3:
        return False
    stems = (s, s[:-1]) if s[-1] in "аяьй" else (s,)
    return any(t.startswith(stem) and t[len(stem) :] in SURNAME_ENDINGS for stem in stems)


def stem(word: str) -> str:
    """What every case form of `word` begins with: its first two letters, folded."""
    return fold(word)[:2]


def _words_forms(words: list[str], name: str) -> bool:
    """Each of `words` is a case form of the word of `name` in its place, the
    last words aligned (`Юн Сок Ёлю` ~ `Юн Сок Ёль`, `Абдель Ати` ~ `Бадр Абдель Ати`)."""
    full = name.split()
    return len(words) <= len(full) and all(
        surname_form(w, f) for w, f in zip(words, full[len(full) - len(words) :])
    )


def _filled(parts: Parts) -> int:
    return sum(1 for v in parts.values() if v)


def _lone_word(unit: Unit) -> bool:
    """A unit named by one word, read as a first name or a surname alone."""
    parts = unit.parts
    return (
        _filled(parts) == 1
        and not parts.get("middle")
        and all(" " not in m.text for m in unit.mentions)
    )


class _Person:
    """A person being clustered: the fullest parts so far and the units joined."""

    def __init__(self, unit: Unit, order: int) -> None:
        self.parts = dict(unit.parts)
        self.units = [unit]
        self.order = order


class _Persons:
    """Person units clustered: the fullest names first, each joining the earliest
    person it may be; a lone surname form (`Мерцу`) or a name of several words in
    other case forms (`Юн Сок Ёлю`) joins the one person it can be."""

    def __init__(self) -> None:
        self.people: list[_Person] = []
        self.by_last: dict[str, list[_Person]] = {}
        self.by_first: dict[str, list[_Person]] = {}
        self.by_surname_stem: dict[str, list[_Person]] = {}  # persons with first and last
        self.by_word_stem: dict[str, list[tuple[str, _Person]]] = {}  # a mention's last word

    def add(self, unit: Unit) -> None:
        parts = unit.parts
        last, first = fold(parts.get("last") or ""), fold(parts.get("first") or "")
        if last:
            near = self.by_last.get(last, [])
        else:
            near = self.by_first.get(first, []) + self.by_last.get(first, []) if first else []
        matches = [p for p in near if same_person(parts, p.parts)]
        if not matches:
            by_form = self._by_surname_form(unit) or self._by_word_forms(unit)
            if len(by_form) == 1:  # two people of one surname: the word stays apart
                self._join(by_form[0], unit, merge=False)
                return
        if matches:
            self._join(min(matches, key=lambda p: p.order), unit, merge=True)
        else:
            person = _Person(unit, len(self.people))
            self.people.append(person)
            self._index(person, unit, {})

    def _join(self, person: _Person, unit: Unit, merge: bool) -> None:
        before = dict(person.parts)
        if merge:
            for key, value in unit.parts.items():
                old = person.parts.get(key)
                if value and (not old or old.endswith(".")):
                    person.parts[key] = value
        person.units.append(unit)
        self._index(person, unit, before)

    def _index(self, person: _Person, unit: Unit, before: Parts) -> None:
        """Index what is new about `person`: a name part, a surname, a mention."""
        parts = person.parts
        for key, index in (("last", self.by_last), ("first", self.by_first)):
            value = parts.get(key)
            if value and value != before.get(key):
                index.setdefault(fold(value), []).append(person)
        last = parts.get("last")
        had = before.get("last") and before.get("first")
        if last and parts.get("first") and (not had or last != before.get("last")):
            self.by_surname_stem.setdefault(stem(last), []).append(person)
        for m in unit.mentions:
            for name in {m.text, m.normal}:
                if name.split():
                    self.by_word_stem.setdefault(stem(name.split()[-1]), []).append((name, person))

    def _by_surname_form(self, unit: Unit) -> list[_Person]:
        """Persons named in full whose surname `unit`'s lone word is a form of
        (`Мерцу` -> `Фридрих Мерц`), for words the normaliser misread."""
        if not _lone_word(unit):
            return []
        found = {
            p.order: p
            for p in self.by_surname_stem.get(stem(unit.text), [])
            if (last := p.parts.get("last")) and p.parts.get("first")
            and surname_form(unit.text, last)
        }  # fmt: skip
        return [found[k] for k in sorted(found)]

    def _by_word_forms(self, unit: Unit) -> list[_Person]:
        """Persons with a mention whose last words `unit`'s words are case forms of,
        for names of two words or more the normaliser read in another way."""
        words = unit.text.split()
        if len(words) < 2:
            return []
        found = {
            p.order: p
            for name, p in self.by_word_stem.get(stem(words[-1]), [])
            if _words_forms(words, name)
        }
        return [found[k] for k in sorted(found)]


def cluster_persons(units: list[Unit]) -> list[Cluster]:
    """Person units grouped: the fullest names first, then shorter ones join them."""
    persons = _Persons()
    for unit in sorted(units, key=lambda u: (-_filled(u.parts), u.start)):
        persons.add(unit)
    return [Cluster("PER", p.units, parts=p.parts) for p in persons.people]


def abbreviation(name: str) -> str:
    """The initials a name is abbreviated to (`Министерство иностранных дел` -> `МИД`):
    the first letters of its words, short lower-case words left out."""
    words = [w for w in name.replace("-", " ").split() if len(w) > 2 or w[0].isupper()]
    return "".join(w[0] for w in words).upper()


class _Group:
    """A place or organisation being clustered: its units and their starts, sorted."""

    def __init__(self, order: int) -> None:
        self.order = order
        self.units: list[Unit] = []
        self.starts: list[int] = []
        self.first = -1  # the start of the first unit joined

    def add(self, unit: Unit) -> None:
        if not self.units:
            self.first = unit.start
        self.units.append(unit)
        for m in unit.mentions:
            insort(self.starts, m.start)

    def last_before(self, start: int) -> int:
        """The start of its last mention before `start`, or -1."""
        k = bisect_left(self.starts, start)
        return self.starts[k - 1] if k else -1


def cluster_names(units: list[Unit], same: dict[int, Mention] | None = None) -> list[Cluster]:
    """Group place or organisation units of one type by name, aliases and acronyms.

    A name with its owner (`МИД России`, `МИД Казахстана`) is an entity of its
    own; a bare `МИД` joins the nearest such entity before it; an abbreviation joins
    the first name it abbreviates.
    """
    groups: dict[str, _Group] = {}
    shorter: dict[str, list[str]] = {}  # a short name's key -> keys of groups it names
    initials: dict[str, str] = {}  # abbreviation -> the first group key it abbreviates

    def add(key: str, unit: Unit) -> None:
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(len(groups))
            initials.setdefault(abbreviation(key), key)
        group.add(unit)
        for short in {key_of(m.normal) for m in unit.mentions} | {key_of(unit.normal)}:
            keys = shorter.setdefault(short, [])
            if key not in keys:
                keys.append(key)

    for unit in sorted((u for u in units if u.owned), key=lambda u: u.start):
        add(key_of(unit.name), unit)
    for unit in sorted((u for u in units if not u.owned), key=lambda u: -len(u.normal)):
        key = key_of(unit.normal)
        if key not in groups:
            near = sorted(shorter.get(key, []), key=lambda k: groups[k].order)
            if near:
                before = [k for k in near if groups[k].first < unit.start] or near
                key = max(before, key=lambda k: groups[k].last_before(unit.start))
        if key not in groups and unit.normal.isupper():
            key = initials.get(unit.normal.upper(), key)
        add(key, unit)
    kind = units[0].type if units else ""
    clusters = [Cluster(kind, g.units) for g in _join_same(list(groups.values()), same or {})]
    for c in clusters:
        c.name = _fullest([u.name for u in c.units])
    return clusters


def _join_same(groups: list[_Group], same: dict[int, Mention]) -> list[_Group]:
    """Merge the group of each mention with the group of the mention it is another
    name of (`Минфин` in brackets after `Министерство финансов`)."""
    where = {id(m): i for i, g in enumerate(groups) for u in g.units for m in u.mentions}
    for m_id, other in same.items():
        a, b = where.get(m_id), where.get(id(other))
        if a is None or b is None or a == b:
            continue
        groups[b].units.extend(groups[a].units)
        for u in groups[a].units:
            for m in u.mentions:
                where[id(m)] = b
        groups[a].units = []
    return [g for g in groups if g.units]


def _fullest(names: list[str]) -> str:
    """The longest name, with the owner where the text gives one (`Конгресс` +
    `США` -> `Конгресс США`); abbreviations only when nothing else, the original in
    Latin script only when no Cyrillic name (`Фольксваген (Volkswagen)`)."""
    spelled = [n for n in names if not n.split()[0].isupper()] or names
    spelled = [n for n in spelled if not n[:1].isascii()] or spelled
    return max(spelled, key=lambda n: (len(n.split()), len(n)))


def _surname_owner(unit: Unit, persons: dict[str, Cluster], stems: dict[str, list[str]]) -> (
    Cluster | None
):  # fmt: skip
    """The one person whose surname a one-word place or organisation unit is."""
    if " " in unit.normal:
        return None
    if fold(unit.normal) in persons:
        return persons[fold(unit.normal)]
    owners = [persons[last] for last in stems.get(stem(unit.text), []) if
              surname_form(unit.text, last)]  # fmt: skip
    return owners[0] if len(owners) == 1 else None


def _person_name(c: Cluster) -> None:
    parts = c.parts or {}
    middle, first = parts.get("middle") or "", parts.get("first") or ""
    if middle.endswith(".") and first and not first.endswith("."):
        parts["middle"] = None  # `В. В. Путин` joined `Владимир Путин`
    c.name = full_name(parts, surname_first(parts, [m.normal for m in c.mentions]))


def cluster(units: list[Unit], same: dict[int, Mention] | None = None) -> list[Cluster]:
    """The entities `units` name, ordered by first mention: persons by their names,
    a one-word place that is a person's surname (`Мирзиёева`) joined to that person,
    places and organisations by name. `same` maps `id(mention)` to a mention the
    text gives as another name of the same entity."""
    persons = cluster_persons([u for u in units if u.type == "PER"])
    full = {fold(last): c for c in persons if (last := (c.parts or {}).get("last"))
            and (c.parts or {}).get("first")}  # fmt: skip
    stems: dict[str, list[str]] = {}
    for last in full:
        stems.setdefault(last[:2], []).append(last)
    by_type: dict[str, list[Unit]] = {}
    for unit in (u for u in units if u.type != "PER"):
        owner = _surname_owner(unit, full, stems)
        if owner is None:
            by_type.setdefault(unit.type, []).append(unit)
            continue
        unit.type = "PER"
        for m in unit.mentions:
            m.type = "PER"
        owner.units.append(unit)
    for c in persons:
        _person_name(c)
    clusters = persons + [c for kind in by_type.values() for c in cluster_names(kind, same)]
    return sorted(clusters, key=lambda c: c.mentions[0].start)


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
    units = [Unit("PER", [c.mention], c.parts, c.mention.normal, c.mention.normal)
             for c in persons]  # fmt: skip
    for m in others:
        name = full.get(id(m), m.normal)
        units.append(Unit(m.type, [m], {}, name, m.normal, id(m) in full))
    return [
        Entity("", c.type, c.name, c.mentions, c.parts if c.type == "PER" else None)
        for c in cluster(units, same)
    ]
