"""The spaCy component: `factex.load()`, `add_pipe("factex")`, span groups, displaCy."""

from __future__ import annotations

import pickle
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy import displacy
from spacy.language import Language

import factex
from factex.record import DateExpr, Fact, Number
from factex.spacy_component import to_doc

TEXT = (
    "МОСКВА, 11 ноября. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев 11-12 ноября "
    "совершит государственный визит в Россию. Его примет Владимир Путин. "
    "Токаев выступит на XXI Форуме регионов."
)


@pytest.fixture(scope="module")
def sp():
    return factex.load(date="2025-11-11")


def test_entities_match_the_record(sp):
    doc = sp(TEXT)
    assert doc.text == TEXT
    record = doc._.record
    assert record["doc"]["date"] == "2025-11-11"
    mentions = {
        (m["start"], m["stop"], e["type"], e["id"])
        for e in record["entities"]
        for m in e["mentions"]
    }
    # The Doc keeps spaCy's tokens: a mention inside a token (`ТАСС` of `/ТАСС/.`) is
    # widened to whole tokens.
    widened = {(s.start_char, s.end_char, label, kb) for a, b, label, kb in mentions
               if (s := doc.char_span(a, b, alignment_mode="expand")) is not None}  # fmt: skip
    assert {(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents} == widened
    assert ("ТАСС", "/ТАСС/.") in {(TEXT[a:b], TEXT[s.start_char:s.end_char])
                                   for a, b, _, _ in mentions
                                   if (s := doc.char_span(a, b, alignment_mode="expand"))}
    assert {e.label_ for e in doc.ents} <= {"PER", "LOC", "ORG"}
    names = {e._.value for e in doc.ents}
    assert {"Касым-Жомарт Токаев", "Владимир Путин", "Россия"} <= names
    assert doc._.facts == record["facts"]
    assert {"dates", "numbers", "facts"} <= set(doc.spans)
    assert all(t.lemma_ for t in doc if not t.is_space)


def test_span_groups_and_displacy(nlp):
    """Hand-made dates, numbers and facts (the rules may still be empty) become spans."""
    analysis = nlp.analyse(TEXT, "2025-11-11")
    start = TEXT.index("11-12 ноября")
    analysis.document.dates = [
        DateExpr(start, start + 12, "11-12 ноября", "2025-11-11/2025-11-12", "range", id="D1")
    ]
    xxi = TEXT.index("XXI")
    analysis.document.numbers = [Number(xxi, xxi + 3, "XXI", 21, "ordinal", id="N1")]
    sent = TEXT.index("Президент")
    analysis.document.facts = [
        Fact("visit", sent, TEXT.index("Его"), {"dates": {"ref": "D1"}}, id="F1")
    ]
    doc = to_doc(analysis)
    (date,) = doc.spans["dates"]
    assert (date.text, date.label_, date.kb_id_, date._.value) == (
        "11-12 ноября",
        "DATE",
        "D1",
        "2025-11-11/2025-11-12",
    )
    (number,) = doc.spans["numbers"]
    assert (number.text, number.label_, number._.value) == ("XXI", "ORDINAL", 21)
    (fact,) = doc.spans["facts"]
    assert fact.label_ == "visit" and fact.text.startswith("Президент Казахстана")
    markup = displacy.render(doc, style="span", options={"spans_key": "dates"})
    assert "DATE" in markup and "11-12" in markup  # span style renders token by token
    markup = displacy.render(doc, style="ent")
    assert "Касым-Жомарт Токаев" in markup and "PER" in markup


def test_load_takes_texts_beyond_spacys_million(sp):
    assert sp.max_length > 1_000_000


def test_add_pipe_by_name():
    nlp = spacy.blank("ru")
    nlp.add_pipe("factex", config={"date": "2025-11-11"})
    assert nlp.pipe_names == ["factex"]
    assert nlp(TEXT).ents


def test_entry_point_registers_the_factory():
    if not any(ep.name == "factex" for ep in entry_points(group="spacy_factories")):
        pytest.skip("factex is not installed (pip install -e .): no spacy_factories entry point")
    code = "import spacy; nlp = spacy.blank('ru'); nlp.add_pipe('factex'); print(len(nlp('"
    code += "Владимир Путин прибыл в Москву.').ents))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) == 2


def test_component_pickles(sp):
    component = pickle.loads(pickle.dumps(sp.get_pipe("factex")))
    assert component.date == "2025-11-11"
    assert component(sp.make_doc(TEXT)).ents


def test_pipe_with_two_processes(sp):
    texts = [TEXT, "Сергей Лавров провел переговоры в Ереване.", ""]
    one = [[(e.text, e.label_) for e in d.ents] for d in sp.pipe(texts)]
    docs = list(sp.pipe(texts, n_process=2, batch_size=1))
    assert [[(e.text, e.label_) for e in d.ents] for d in docs] == one
    assert [d.text for d in docs] == texts
    assert docs[0]._.record["entities"] and docs[0].ents[0]._.value


def test_a_doc_with_factex_tokens_is_kept(sp):
    """A Doc tokenized as factex tokenizes is annotated in place, not replaced."""
    first = sp(TEXT)
    words, spaces = [t.text for t in first], [bool(t.whitespace_) for t in first]
    doc = spacy.tokens.Doc(first.vocab, words=words, spaces=spaces)
    doc.user_data["mine"] = 1
    kept = sp.get_pipe("factex")(doc)
    assert kept is doc and doc.user_data["mine"] == 1
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in first.ents]
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in first]
    assert doc.ents[0]._.value == first.ents[0]._.value


def test_the_component_declares_what_it_assigns(sp):
    meta = sp.get_pipe_meta("factex")
    assert {"doc.ents", "doc.spans", "doc._.record", "span._.value"} <= set(meta.assigns)


@Language.component("test_early_ents")
def _early_ents(doc):
    """An earlier component: an EVENT factex does not find, a PERSON it finds too."""
    spans = [doc.char_span(*_find(doc.text, w), label=label, alignment_mode="expand")
             for w, label in (("государственный визит", "EVENT"), ("Владимир Путин", "PERSON"))]
    doc.ents = [s for s in spans if s is not None]
    doc.user_data["early"] = True
    return doc


def _find(text, words):
    start = text.index(words)
    return start, start + len(words)


def test_the_incoming_doc_is_kept_with_what_earlier_components_set(nlp):
    early = spacy.blank("ru")
    early.add_pipe("test_early_ents")
    early.add_pipe("factex", config={"date": "2025-11-11"})
    doc = early(TEXT)
    assert doc.user_data["early"] is True
    assert [t.text for t in doc] == [t.text for t in early.make_doc(TEXT)]  # spaCy's tokens
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("государственный визит", "EVENT") in ents
    assert ("Владимир Путин", "PER") in ents and ("Владимир Путин", "PERSON") not in ents
    assert doc._.record == nlp(TEXT, "2025-11-11").to_dict()
    starts = [s.text.split()[0] for s in doc.sents]
    assert {"Президент", "Его", "Токаев"} <= set(starts), starts
    assert all(t.lemma_ for t in doc if not t.is_space)
    token = next(t for t in doc if t.text == "ноября")
    assert (token.lemma_, token.pos_) == ("ноябрь", "NOUN")


def test_long_texts_run_in_windows_as_in_extract(sp, nlp, monkeypatch):
    """The component takes the road of `factex.extract`: a text longer than the window
    runs window by window, and gives the same record."""
    text = "\n\n".join([TEXT, "Сергей Лавров провел переговоры в Ереване."] * 6)
    monkeypatch.setattr(nlp, "window", 300)
    analyse = nlp.analyse
    calls = []
    monkeypatch.setattr(nlp, "analyse", lambda t, *a, **k: calls.append(len(t)) or
                        analyse(t, *a, **k))  # fmt: skip
    doc = sp(text)
    assert len(calls) > 3 and max(calls) <= 300
    assert doc._.record == factex.extract(text, "2025-11-11").to_dict()
    assert len({e.kb_id_ for e in doc.ents if e.text == "Токаев"}) == 1


def test_nlp_pipe_tags_a_batch_together(sp, nlp, monkeypatch):
    texts = [TEXT, "Сергей Лавров провел переговоры в Ереване.", "", "Путин прибыл в Казань."]
    alone = [sp(t)._.record for t in texts]
    together = nlp.together
    batches = []

    def spy(batch):
        batches.append(len(batch))
        return together(batch)

    monkeypatch.setattr(nlp, "together", spy)
    docs = list(sp.pipe(texts, batch_size=3))
    assert batches == [3, 1]
    assert [d.text for d in docs] == texts and [d._.record for d in docs] == alone
