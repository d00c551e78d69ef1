"""Shared fixtures for the end-to-end tests: built sites (the repository's seeds and a
generated corpus), made once per session with the real `sitegen` binary."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "test-output"


def sitegen_binary():
    for candidate in (ROOT / ".build" / "debug" / "sitegen", ROOT / ".build" / "release" / "sitegen"):
        if candidate.exists():
            return str(candidate)
    raise RuntimeError("sitegen binary not built: run `swift build` first")


def build(seeds, output):
    if os.path.exists(output):
        shutil.rmtree(output)
    r = subprocess.run([sitegen_binary(), "build", "--seeds", str(seeds), "--output", str(output),
                        "--templates", str(ROOT / "Templates")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return pathlib.Path(output)


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory):
    return build(ROOT / "seeds", tmp_path_factory.mktemp("seeds") / "Public")


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(SHARED / "bench" / "gen_corpus.py"), "--count", "300", "--out", str(corpus)],
                   check=True, capture_output=True)
    return build(corpus / "seeds", tmp_path_factory.mktemp("corpus-site") / "Public")
