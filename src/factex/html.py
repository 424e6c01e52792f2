"""A self-contained HTML page for reading records: highlighted text and a facts table.

>>> page = to_html(factex.extract(text, date="2025-11-11"))
>>> Path("article.html").write_text(page, encoding="utf-8")

Entity mentions and the items of every layer (dates, numbers...) are `<mark>`s
coloured by type, with a legend; hovering one
shows its normal form or value. Each fact links to its evidence in the text.
The page has no scripts, fonts or stylesheets from elsewhere; every piece of
text is escaped.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from .entities.types import ENTITY_TYPES
from .layers import LAYERS

Record = Mapping[str, Any]


def legend() -> dict[str, str]:
    """The HTML class of each mark (entity types, then layers) and its word in the legend."""
    return {
        **{t.code: t.legend for t in ENTITY_TYPES.values()},
        **{layer.label: layer.legend for layer in LAYERS.values()},
    }


def _styles() -> str:
    styles = {
        **{t.code: f"background: {t.colour};" for t in ENTITY_TYPES.values()},
        **{lay.label: lay.style or f"background: {lay.colour};" for lay in LAYERS.values()},
    }
    return "\n".join(f"mark.{kind} {{ {style} }}" for kind, style in styles.items())


CSS = """
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 60em; padding: 0 1em; color: #1d1d1d; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1.05em; }
.meta, .legend { color: #555; font-size: .9em; }
.legend mark { margin-right: .6em; }
.text { white-space: pre-wrap; border-left: 3px solid #ddd; padding-left: 1em; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark mark { padding: 0; }
.evidence:target { background: #fff7d1; outline: 2px solid #f0c000; }
mark:target { outline: 2px solid #333; }
table { border-collapse: collapse; width: 100%; font-size: .92em; margin-top: .5em; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3em .5em; text-align: left;
         vertical-align: top; }
th { background: #f6f6f6; }
.args span { display: block; overflow-wrap: anywhere; }
.args b { font-weight: 600; color: #555; }
.excerpt { color: #444; width: 35%; font-size: .92em; }
.error { color: #a00000; }
"""


@dataclass
class _Span:
    start: int
    stop: int
    layer: int  # 0 evidence, 1 entity, 2... the layers in order: outer first at equal offsets
    tag: str
    close: str


def _mark(
    kind: str, start: int, stop: int, ident: str, hover: str, data: str, rank: int = 1
) -> _Span:
    tag = (
        f'<mark class="{kind}" id="{escape(ident)}" title="{escape(hover)}" '
        f'data-start="{start}" data-stop="{stop}" {data}>'
    )
    return _Span(start, stop, rank, tag, "</mark>")


def _marks(record: Record, size: int, prefix: str) -> list[_Span]:
    spans = []
    words = legend()
    for e in record.get("entities") or []:
        hover = f"{words.get(e['type'], e['type'])}: {e['name']} ({e['id']})"
        for m in e.get("mentions") or []:
            ident = f"{prefix}m{m['start']}"
            data = f'data-entity="{escape(str(e["id"]))}"'
            spans.append(_mark(e["type"], m["start"], m["stop"], ident, hover, data))
    for rank, layer in enumerate(LAYERS.values(), 2):
        for item in record.get(layer.key) or []:
            data = f'data-{layer.one}="{escape(str(item["id"]))}"'
            ident = f"{prefix}{item['id']}"
            hover = layer.hover(item)
            spans.append(_mark(layer.label, item["start"], item["stop"], ident, hover, data, rank))
    spans = [s for s in spans if 0 <= s.start < s.stop <= size]
    spans.sort(key=lambda s: (s.start, -s.stop, s.layer))
    kept: list[_Span] = []
    stack: list[_Span] = []
    for span in spans:  # drop a span that crosses the end of the one it starts in
        while stack and stack[-1].stop <= span.start:
            stack.pop()
        if stack and span.stop > stack[-1].stop:
            continue
        stack.append(span)
        kept.append(span)
    return kept


def _evidence(record: Record, marks: list[_Span], size: int, prefix: str) -> list[_Span]:
    """Evidence spans widened so no mark is cut, clipped so none crosses another."""
    found: dict[tuple[int, int], list[str]] = {}
    for fact in record.get("facts") or []:
        ev = fact.get("evidence") or {}
        start, stop = max(0, ev.get("start", 0)), min(size, ev.get("stop", 0))
        for m in marks:
            if m.start < start < m.stop:
                start = m.start
            if m.start < stop < m.stop:
                stop = m.stop
        found.setdefault((start, stop), []).append(f"{prefix}ev-{fact['id']}")
    spans: list[_Span] = []
    for (start, stop), ids in sorted(found.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        crossed = True
        while crossed:  # start after an earlier evidence span that this one would cross
            crossed = False
            for s in spans:
                if s.start <= start < s.stop < stop:
                    start, crossed = s.stop, True
        extra = "".join(f'<a id="{escape(i)}"></a>' for i in ids[1:])
        tag = f'<span class="evidence" id="{escape(ids[0])}">{extra}'
        spans.append(_Span(start, max(start, stop), 0, tag, "</span>"))
    return spans


def _render_text(text: str, spans: list[_Span]) -> str:
    spans = sorted(spans, key=lambda s: (s.start, -s.stop, s.layer))
    out: list[str] = []
    stack: list[_Span] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].stop <= limit:
            top = stack.pop()
            out.append(escape(text[pos : top.stop]))
            out.append(top.close)
            pos = top.stop

    for span in spans:
        close_until(span.start)
        out.append(escape(text[pos : span.start]))
        pos = span.start
        out.append(span.tag)
        if span.stop == span.start:
            out.append(span.close)
        else:
            stack.append(span)
    close_until(len(text))
    out.append(escape(text[pos:]))
    return "".join(out)


def _arg(value: Any, prefix: str, first: dict[str, int]) -> str:
    if isinstance(value, Mapping):
        ref = value.get("ref")
        if "name" in value:
            label = escape(str(value["name"]))
            if ref in first:
                return f'<a href="#{escape(prefix)}m{first[ref]}">{label}</a>'
            return label
        text = escape(str(value.get("text", "")))
        if value.get("value"):
            text += f" ({escape(str(value['value']))})"
        return f'<a href="#{escape(prefix + str(ref))}">{text}</a>' if ref else text
    if isinstance(value, list):
        return ", ".join(_arg(v, prefix, first) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return escape(str(value))


def _facts_table(record: Record, text: str, prefix: str) -> str:
    facts = record.get("facts") or []
    if not facts:
        return "<p class='meta'>No facts found.</p>"
    first = {
        e["id"]: e["mentions"][0]["start"] for e in record.get("entities") or [] if e["mentions"]
    }
    rows = []
    for fact in facts:
        ev = fact.get("evidence") or {}
        anchor = escape(f"{prefix}ev-{fact['id']}")
        args = " ".join(
            f"<span><b>{escape(k)}:</b> {_arg(v, prefix, first)}</span>"
            for k, v in fact.items()
            if k not in ("id", "type", "evidence") and v not in (None, [], "")
        )
        excerpt = text[ev.get("start", 0) : ev.get("stop", 0)]
        if len(excerpt) > 200:
            excerpt = excerpt[:200].rstrip() + "…"
        rows.append(
            f'<tr><td><a href="#{anchor}">{escape(str(fact["id"]))}</a></td>'
            f"<td>{escape(str(fact.get('type')))}</td><td class='args'>{args}</td>"
            f'<td class="excerpt"><a href="#{anchor}">{escape(excerpt)}</a></td></tr>'
        )
    return (
        "<table class='facts'><thead><tr><th>fact</th><th>type</th><th>arguments</th>"
        "<th>evidence</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _entities_table(record: Record, prefix: str) -> str:
    entities = record.get("entities") or []
    if not entities:
        return "<p class='meta'>No entities found.</p>"
    rows = []
    for e in entities:
        links = " ".join(
            f'<a href="#{escape(prefix)}m{m["start"]}">{escape(m["text"])}</a>'
            for m in e.get("mentions") or []
        )
        rows.append(
            f"<tr><td>{escape(str(e['id']))}</td>"
            f'<td><mark class="{escape(e["type"])}">{escape(e["type"])}</mark></td>'
            f"<td>{escape(e['name'])}</td><td>{links}</td></tr>"
        )
    return (
        "<table class='entities'><thead><tr><th>id</th><th>type</th><th>name</th>"
        "<th>mentions</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def section(record: Record, text: str, prefix: str = "", level: int = 1) -> str:
    """One document: heading, highlighted text, facts and entities (no page frame)."""
    info = record.get("doc") or {}
    heading = info.get("title") or info.get("id") or info.get("source") or "document"
    meta = [f"{k}: {info[k]}" for k in ("id", "source", "date") if info.get(k)]
    h = f"h{level}"
    parts = [
        f"<{h} id='{escape(prefix)}top'>{escape(str(heading))}</{h}>",
        f"<p class='meta'>{escape(' · '.join(meta))}</p>",
    ]
    if "error" in record:
        message = (record.get("error") or {}).get("message", "")
        parts.append(f"<p class='error'>Not processed: {escape(str(message))}</p>")
        return "\n".join(parts)
    marks = _marks(record, len(text), prefix)
    spans = marks + _evidence(record, marks, len(text), prefix)
    sub = f"h{level + 1}"
    parts += [
        f"<div class='text'>{_render_text(text, spans)}</div>",
        f"<{sub}>Facts</{sub}>",
        _facts_table(record, text, prefix),
        f"<{sub}>Entities</{sub}>",
        _entities_table(record, prefix),
    ]
    return "\n".join(parts)


def _pairs(docs: Any, texts: str | Sequence[str] | None) -> list[tuple[Record, str]]:
    single = isinstance(docs, Mapping) or hasattr(docs, "to_dict") or hasattr(docs, "_")
    items = [docs] if single else list(docs)
    if isinstance(texts, str):
        texts = [texts]
    pairs = []
    for i, doc in enumerate(items):
        if hasattr(doc, "_") and hasattr(doc._, "record"):  # a spaCy Doc from factex.load()
            pairs.append((doc._.record, doc.text))
        elif hasattr(doc, "to_dict"):  # a factex Document
            pairs.append((doc.to_dict(), doc.text))
        elif texts is None or i >= len(texts):
            raise ValueError("records carry no text: pass texts=[...] in the same order")
        else:
            pairs.append((doc, texts[i]))
    return pairs


def to_html(docs: Any, texts: str | Sequence[str] | None = None, title: str | None = None) -> str:
    """A whole HTML page for one or several documents.

    `docs` are `Document`s, spaCy Docs from `factex.load()`, or SPEC records with
    their `texts` (records do not carry the text). Several documents become
    sections of one page with a table of contents.
    """
    pairs = _pairs(docs, texts)
    marks = " ".join(f'<mark class="{kind}">{word}</mark>' for kind, word in legend().items())
    if len(pairs) == 1:
        record, text = pairs[0]
        info = record.get("doc") or {}
        title = title or info.get("title") or info.get("id") or "factex"
        body = section(record, text)
    else:
        title = title or f"factex: {len(pairs)} documents"
        toc = "".join(
            f'<li><a href="#s{i}-top">{escape(_heading(r))}</a></li>'
            for i, (r, _) in enumerate(pairs, 1)
        )
        body = f"<h1>{escape(title)}</h1><ol class='toc'>{toc}</ol>" + "".join(
            f"<section>{section(r, t, f's{i}-', level=2)}</section>"
            for i, (r, t) in enumerate(pairs, 1)
        )
    return (
        "<!DOCTYPE html>\n<html lang='ru'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{CSS}{_styles()}</style></head><body>"
        f"<p class='legend'>Highlighted: {marks} · hover for the normal form or value; "
        "fact ids link to their evidence.</p>\n"
        f"{body}\n</body></html>\n"
    )


def _heading(record: Record) -> str:
    info = record.get("doc") or {}
    return str(info.get("title") or info.get("id") or info.get("source") or "document")


def show(docs: Any, texts: str | Sequence[str] | None = None, height: int = 600) -> Any:
    """The page inside an isolated `<iframe>` for Jupyter (its styles stay inside)."""
    from .extras import require

    require("IPython", "notebooks")
    from IPython.display import HTML

    page = escape(to_html(docs, texts), quote=True)
    frame = (
        f'<iframe srcdoc="{page}" style="width: 100%; height: {int(height)}px; '
        'border: 1px solid #ddd;"></iframe>'
    )
    with warnings.catch_warnings():  # IPython suggests IFrame, which needs a file or URL
        warnings.simplefilter("ignore", UserWarning)
        return HTML(frame)
