"""Where the ASSET validation set is: ``shared/data/simplification/asset-valid`` beside
the repository (CC BY-NC: used to measure, never copied into the repository)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def asset_dir() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        d = base / "shared" / "data" / "simplification" / "asset-valid"
        if (d / "asset.valid.orig").exists():
            return d
    return None


def load() -> tuple[list[str], list[list[str]]]:
    d = asset_dir()
    assert d is not None
    orig = (d / "asset.valid.orig").read_text(encoding="utf-8").splitlines()
    refs = [(d / f"asset.valid.simp.{i}").read_text(encoding="utf-8").splitlines() for i in range(10)]
    return orig, refs
