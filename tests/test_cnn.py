"""slovnet's taggers run without padding (text/cnn.py) give the tags slovnet gives when
it pads every sentence of a batch to the longest one."""

from __future__ import annotations

from factex.text.batch import blas_within_one_thread
from factex.text.segment import segment

TEXT = (
    "МОСКВА, 11 ноября. /ТАСС/. Президент России Владимир Путин провел переговоры с "
    "Касым-Жомартом Токаевым.\n"
    "Да.\n"
    "Стороны обсудили сотрудничество в энергетике, транспорте, "
    "сельском хозяйстве и гуманитарной сфере, а также подписали 12 документов — "
    "соглашения, меморандумы и программы; глава МИД Сергей Лавров назвал визит «важным».\n"
    "«Газпром» и Сбербанк? Нет!"
)


def _sentences() -> list[list[str]]:
    words = segment(TEXT).sentence_words()
    assert len({len(s) for s in words}) > 3  # short and long ones in one batch
    return words + [[]]  # and an empty one


def test_morphology_is_slovnets(nlp):
    tagger = nlp.models.morph
    sentences = _sentences()
    with blas_within_one_thread():
        theirs = [[(t.pos, dict(t.feats)) for t in m.tokens] for m in tagger.model.infer(sentences)]
    assert tagger(sentences) == theirs
    assert tagger(sentences[1:2]) == theirs[1:2]  # alone, or with longer ones


def test_named_entity_tags_are_slovnets(nlp):
    tagger = nlp.models.ner
    infer = tagger.model.infer
    sentences = _sentences()
    with blas_within_one_thread():
        theirs = list(infer.decoder(infer.process(infer.encoder(sentences[:-1]))))
    assert tagger.tags(sentences) == [*theirs, []]
    assert any(tag != "O" for sentence in theirs for tag in sentence)


def test_the_taggers_share_one_input(nlp):
    morph, ner, syntax = nlp.models.morph.net, nlp.models.ner.net, nlp.models.syntax.net
    assert morph.input is ner.input is syntax.input  # one navec lookup a batch for all three
    sentences = _sentences()
    shape_id, vectors = morph.input(sentences)
    assert ner.input(sentences)[1] is vectors  # the NER tagger reads the morph tagger's batch
    import numpy as np

    rows = [morph.input.pad[0]]
    for sentence in sentences:
        rows += [morph.input.words.encode(w.lower()) for w in sentence] + [morph.input.pad[0]]
    theirs = morph.emb(np.array(rows), shape_id)  # slovnet's own embedding
    ours = np.concatenate((vectors, morph.emb.shape.weight.array[shape_id]), axis=-1)
    assert np.array_equal(ours, theirs)
