"""The analyst notebooks run top to bottom without errors (needs the `notebooks` extra)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import factex

nbformat = pytest.importorskip("nbformat", reason='pip install "factex[notebooks]"')
nbclient = pytest.importorskip("nbclient", reason='pip install "factex[notebooks]"')
pytest.importorskip("ipykernel", reason='pip install "factex[notebooks]"')
pytest.importorskip("matplotlib", reason='pip install "factex[notebooks]"')
pytest.importorskip("networkx", reason='pip install "factex[notebooks]"')

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, monkeypatch, tmp_path):
    if not list((ROOT / "samples").glob("*.txt")):
        pytest.skip("samples/*.txt are absent")
    # the kernel imports the same factex as this test (installed, or src/ on PYTHONPATH)
    here = str(Path(factex.__file__).resolve().parent.parent)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([here, os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        f"{path.name}: outputs should be stripped"
    )
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors
