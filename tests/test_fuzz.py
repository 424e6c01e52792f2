"""Property-based fuzzing: for arbitrary Unicode, Russian-looking text and mutations of
real texts, factex raises nothing, warns of no failed stage, gives exact offsets and a
record valid against the schema, and the same record on a second run.

Bounded for CI (about a minute); FACTEX_FUZZ_EXAMPLES=N runs N examples per property,
and benchmarks/fuzz.py runs the same properties for many more cases."""

from __future__ import annotations

import os
from random import Random

import pytest
from fuzzing import (
    MUTATIONS,
    any_unicode,
    base_texts,
    long_sentence,
    long_word,
    mutant,
    paragraph,
    repeated_paragraph,
    russian_like,
    violations,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("FACTEX_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,  # the same cases on every CI run; raise EXAMPLES to explore
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TEXTS = base_texts()


def _holds(nlp, text: str) -> None:
    found = violations(nlp, text)
    assert not found, f"{text[:300]!r}:\n" + "\n".join(found[:10])


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text(nlp, text):
    _holds(nlp, text)


@FUZZ
@given(st.randoms(use_true_random=False))
def test_arbitrary_code_points(nlp, rng):
    _holds(nlp, any_unicode(rng, 400))


@FUZZ
@given(st.randoms(use_true_random=False))
def test_russian_looking_text(nlp, rng):
    _holds(nlp, russian_like(rng, 120))


@FUZZ
@given(st.randoms(use_true_random=False))
def test_mutated_real_text(nlp, rng):
    _, text = mutant(TEXTS, rng, 1200)
    _holds(nlp, text)


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_of_a_paragraph(nlp, name):
    rng = Random(name)
    _holds(nlp, MUTATIONS[name](paragraph(TEXTS, rng), rng))


def test_paragraph_repeated_hundreds_of_times(nlp):
    _holds(nlp, repeated_paragraph(TEXTS, Random(1), 200))


def test_a_100000_character_word(nlp):
    _holds(nlp, long_word(Random(2), 100_000))


def test_a_5000_word_sentence(nlp):
    _holds(nlp, long_sentence(Random(3), 5000))
