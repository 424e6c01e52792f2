"""text/inflection.py inflects as pymorphy3's own `Parse.inflect` does, form for form."""

from factex.text.inflection import inflect
from factex.text.morph import parses

WORDS = (
    "директора министру президентом компании холдинга Орлова Белову Анны Петровны "
    "генерального главного бывшему новыми лучших руководившего основавший подписали "
    "возглавит продал купленной ёлке лесу чаю отпуске сыне Москве Вегу двумя пятого "
    "сотни мира года лет людей них его её им восьмисот полутора чаще больше"
)

GRAMMEMES = (
    {"nomn", "sing"}, {"nomn", "plur"}, {"nomn", "sing", "femn"}, {"gent"}, {"datv", "plur"},
    {"loc2"}, {"voct"}, {"gen2"}, {"PRTF", "masc", "sing", "nomn"}, {"past", "femn"},
    {"Supr", "masc", "sing", "nomn"}, {"accs", "anim"},
)


def test_the_same_form_as_pymorphy3_for_every_parse():
    checked = 0
    for word in WORDS.split():
        for parse in parses(word):
            for grammemes in GRAMMEMES:
                expected = parse.inflect(set(grammemes))
                got = inflect(parse, frozenset(grammemes))
                assert got == expected, (word, parse.tag, grammemes)
                assert type(got) is type(expected)
                checked += 1
    assert checked > 1000
