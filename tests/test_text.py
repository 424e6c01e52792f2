"""Segmentation and morphology: offsets, sentences, paragraphs, lemmas."""

import random

from razdel import tokenize as razdel_tokenize

from factex.text.morph import lemma
from factex.text.segment import MAX_SENTENCE, segment, tokenize


def test_words_have_exact_offsets():
    text = "Президент РФ Владимир Путин  провел переговоры.\n\nВ Москве — «Газпром»."
    seg = segment(text)
    assert seg.tokens
    for t in seg.tokens:
        assert text[t.start : t.stop] == t.text == t.word
    assert [t.word for t in seg.tokens][:4] == ["Президент", "РФ", "Владимир", "Путин"]
    assert [t.space for t in seg.tokens][:4] == [True, True, True, True]
    assert [t.space for t in seg.tokens if t.text in ("«", "Газпром")] == [True, False]


def test_tokens_are_razdels():
    """factex's tokenizer asks razdel's rules only where atoms touch: the same tokens."""
    texts = [
        "Цена выросла на 1,5% (с 3/4 до 1.75) — т.е. в 2 раза!!! :-) Yahoo! и т.д.",
        "Касым-Жомарт Токаев, 12-летний мальчик; ООО «Ромашка-2000» — сайт www.x.ru…",
        "ΔP=5 мβж, --> ***, e-mail: a_b@c.d, №5, 10 000 руб., 'кавычки' \u200bслово",
    ]
    rnd = random.Random(7)
    alphabet = [*"аб вгAZ.,-—–/\\_!?…:;()«»\"'*%$№019xΔ😀\u200b\u00ad\n", ":)", "1.5", "yahoo!"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(30)) for _ in range(2000)]
    for text in texts:
        assert tokenize(text) == [(t.start, t.text) for t in razdel_tokenize(text)], text


def test_invisible_characters_stay_in_the_text_not_in_the_word():
    text = "При\u00adмер \u200bслова"
    seg = segment(text)
    pairs = [(t.text, t.word) for t in seg.tokens]
    assert pairs == [("При\u00adмер", "Пример"), ("слова", "слова")]
    assert all(text[t.start : t.stop] == t.text for t in seg.tokens)


def test_sentences_never_cross_lines():
    text = "Заголовок без точки\n\nПервое предложение. Второе предложение!\nТретье"
    seg = segment(text)
    sentences = [text[seg.tokens[a].start : seg.tokens[b - 1].stop] for a, b in seg.sentences]
    assert [t.sent for t in seg.tokens][:4] == [0, 0, 0, 1]
    assert sentences == [
        "Заголовок без точки",
        "Первое предложение.",
        "Второе предложение!",
        "Третье",
    ]
    assert [text[a:b] for a, b in seg.paragraphs] == [
        "Заголовок без точки",
        "Первое предложение. Второе предложение!",
        "Третье",
    ]


def test_hyphenated_names_stay_one_token():
    assert [t.word for t in segment("Касым-Жомарт Токаев").tokens] == ["Касым-Жомарт", "Токаев"]


def test_empty_and_blank_texts():
    assert segment("").tokens == []
    assert segment(" \n\n \t").paragraphs == []


def test_lemma_agrees_with_tag():
    nom = (("Case", "Nom"), ("Gender", "Masc"), ("Number", "Sing"))
    assert lemma("Токаев", "PROPN", nom) == "токаев"  # not the plural of "токай"
    assert lemma("Песков", "PROPN", nom) == "песков"  # not "песок"
    gen = (("Case", "Gen"), ("Gender", "Masc"), ("Number", "Sing"))
    assert lemma("Токаева", "PROPN", gen) == "токаев"
    assert lemma("переговоры", "NOUN", (("Case", "Nom"), ("Number", "Plur"))) == "переговоры"


def test_pipeline_tokens_layer(nlp):
    text = "Президент Казахстана начинает визит в Россию."
    record = nlp(text, tokens=True).to_dict()
    assert record["sentences"] == [{"start": 0, "stop": len(text)}]
    by_text = {t["text"]: t for t in record["tokens"]}
    assert by_text["Казахстана"]["lemma"] == "казахстан"
    assert by_text["Казахстана"]["pos"] == "PROPN"
    assert by_text["Казахстана"]["feats"]["Case"] == "Gen"
    assert by_text["начинает"]["lemma"] == "начинать"
    assert all(text[t["start"] : t["stop"]] == t["text"] for t in record["tokens"])
    assert "tokens" not in nlp(text).to_dict()


def test_run_on_sentence_is_cut_after_commas():
    text = "Путин, Токаев и Лукашенко встретились в Москве " * 100  # 700 words, no full stop
    seg = segment(text)
    lengths = [b - a for a, b in seg.sentences]
    assert sum(lengths) == len(seg.tokens) and max(lengths) <= MAX_SENTENCE
    assert len(lengths) > 1
    for a, _ in seg.sentences[1:]:
        assert seg.tokens[a - 1].word == ","


def test_line_breaks_of_every_kind_end_paragraphs():
    text = "Один\rДва\u2028Три\u2029Четыре\x0cПять\x85Шесть\r\nСемь"
    seg = segment(text)
    assert [text[a:b] for a, b in seg.paragraphs] == [
        "Один", "Два", "Три", "Четыре", "Пять", "Шесть", "Семь",
    ]  # fmt: skip
