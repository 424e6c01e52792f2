"""The syntax stage: slovnet's dependency parse without padding, mended into trees,
on the tokens of the record and on the spaCy Doc."""

from __future__ import annotations

import numpy as np
from test_cnn import _sentences

from factex.text.batch import blas_within_one_thread
from factex.text.syntax import tree

TEXT = (
    "Президент России Владимир Путин провел переговоры с Касым-Жомартом Токаевым.\n\n"
    "Члены совета директоров Анна Белова, Игорь Сомов и Павел Грин   покинули пост."
)


def test_heads_and_relations_are_slovnets(nlp):
    parser = nlp.models.syntax
    sentences = _sentences()
    with blas_within_one_thread():
        marks = parser.model.infer(sentences[:-1])
        theirs = [[(int(t.head_id), t.rel) for t in m.tokens] for m in marks]
    parser.mend = False
    try:
        assert parser(sentences) == [*theirs, []]
        assert parser(sentences[1:2]) == theirs[1:2]  # alone, or with longer ones
    finally:
        parser.mend = True


def _is_tree(heads: list[int]) -> bool:
    if [h for h in heads if h == 0] != [0]:
        return False
    for i in range(len(heads)):
        seen, j = 0, i + 1
        while j and seen <= len(heads):
            j, seen = heads[j - 1], seen + 1
        if j:
            return False
    return True


def test_mended_parses_are_trees(nlp):
    parsed = nlp.models.syntax(_sentences()[:-1])
    assert all(_is_tree([h for h, _ in arcs]) for arcs in parsed)


def test_tree_mends_roots_and_cycles():
    rng = np.random.default_rng(0)
    scores = rng.normal(size=(4, 5))
    assert _is_tree(tree([0, 0, 2, 3], scores))  # two roots
    assert _is_tree(tree([2, 1, 4, 3], scores))  # no root, two cycles
    assert tree([0, 1, 1, 3], scores) == [0, 1, 1, 3]  # a tree stays as it is


def test_tokens_carry_head_and_relation(nlp):
    record = nlp(TEXT, tokens=True).to_dict()
    tokens = record["tokens"]
    by_text = {t["text"]: t for t in tokens}
    assert by_text["провел"]["head"] is None and by_text["провел"]["dep"] == "root"
    assert tokens[by_text["Президент"]["head"]]["text"] == "провел"
    assert by_text["Президент"]["dep"] == "nsubj"
    for k, t in enumerate(tokens):
        assert t["dep"]
        if t["head"] is not None:  # the head is in the same sentence
            assert tokens[t["head"]]["sent"] == t["sent"] and t["head"] != k
    roots = [t["sent"] for t in tokens if t["head"] is None]
    assert roots == sorted(set(roots)) == list(range(len(record["sentences"])))


def test_without_syntax_tokens_have_no_parse(nlp):
    from factex import Pipeline

    record = Pipeline(exclude=["syntax"])(TEXT, tokens=True).to_dict()
    assert {(t["head"], t["dep"]) for t in record["tokens"]} == {(None, None)}
    assert record["facts"] is not None


def test_spacy_doc_has_the_tree_and_displacy_draws_it(nlp):
    from spacy import displacy

    doc = nlp.analyse(TEXT, tokens=True).doc
    words = [t for t in doc if not t.is_space]
    assert len(list(doc.sents)) == 2
    assert {t.dep_ for t in words} >= {"nsubj", "obj", "root"}
    assert next(t for t in doc if t.text == "Президент").head.text == "провел"
    html = displacy.render(doc, style="dep", options={"collapse_punct": False})
    assert html.count('class="displacy-arc"') == len(doc) - 2  # an arc a token, roots aside


def test_heads_point_into_the_whole_record_across_windows(nlp):
    text = "\n\n".join([TEXT] * 4)
    whole = nlp(text, tokens=True).to_dict()["tokens"]
    window, nlp.window = nlp.window, len(TEXT) + 10  # one paragraph pair a window
    try:
        windowed = nlp(text, tokens=True).to_dict()["tokens"]
    finally:
        nlp.window = window
    assert [(t["head"], t["dep"]) for t in windowed] == [(t["head"], t["dep"]) for t in whole]


def test_pipe_parses_as_one_text_at_a_time(nlp):
    texts = [TEXT, "Да.", "Сергей Лавров провел переговоры в Ереване с коллегой."]
    alone = [nlp(t, tokens=True).to_dict()["tokens"] for t in texts]
    together = [d.to_dict()["tokens"] for d in nlp.pipe(texts, tokens=True)]
    assert together == alone


def test_only_sentences_a_frame_can_read_are_parsed(nlp):
    from factex.facts.patterns import triggers

    text = (
        "Вчера в городе шел сильный дождь.\n\n"  # no trigger, no name
        "Компания «Вега» открыла новый офис.\n\n"  # a name, no trigger
        "Переговоры продлились три часа.\n\n"  # a trigger, no name
        "Иван Орлов возглавил холдинг «Альфа»."  # both: parsed
    )
    tokens = nlp.analyse(text).tokens
    parsed = {t.sent for t in tokens if t.dep is not None}
    assert parsed == {3}
    assert ("возглавить", "VERB") in triggers() and ("переговоры", "NOUN") in triggers()
    every = nlp.analyse(text, tokens=True).tokens  # the tree users see is whole
    assert all(t.dep for t in every)
    alone = nlp.analyse(text, tokens=True).document.to_dict()
    assert alone["facts"] == nlp(text).to_dict()["facts"]


def test_a_pronoun_by_a_trigger_has_its_sentence_and_its_paragraph_before_parsed(nlp):
    text = (
        "Анна Белова живет в Казани.\n\n"  # another paragraph: not parsed
        "Иван Орлов долго работал в Самаре. В 2019 году он возглавил завод."
    )
    tokens = nlp.analyse(text).tokens
    assert {t.sent for t in tokens if t.dep is not None} == {1, 2}


def test_triggers_come_from_the_pattern_files():
    from factex.facts.lexicon import words
    from factex.facts.patterns import triggers

    # `@positions` in patterns-occupation.tsv stands for every word of the post lexicon
    assert {(w, "NOUN") for w in words("positions")} <= triggers()
    assert ("дочерний", "ADJ") in triggers() and ("дочерний", "NOUN") not in triggers()
