"""Shared fixtures: one pipeline per test session, the seed article when present.

The suite runs strict (FACTEX_STRICT, inherited by the `factex` commands the
tests start): a stage that fails raises instead of leaving a warning, so that
bugs fail tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("FACTEX_STRICT", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "tass-tokayev-visit.txt"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp():
    from factex import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("seed article ../shared/seed/tass-tokayev-visit.txt is absent")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record(nlp, seed_text) -> dict:
    return nlp(seed_text, "2025-11-11", doc_id="tass-tokayev-visit").to_dict()


@pytest.fixture()
def article(tmp_path) -> Path:
    """A short agency-style article written to a file."""
    from cli_run import ARTICLE

    path = tmp_path / "visit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def cluster():
    """A Dask LocalCluster with two worker processes (and its client), for the session."""
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as local, Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def scores(nlp, request):
    """Scores by group of the development fact cases of the test module (its `CASES`)."""
    from fact_cases import score

    cases = request.module.CASES
    return score(cases, [nlp(c.text, c.date).to_dict() for c in cases])
