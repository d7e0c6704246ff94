"""Every knowledge file reads the same through ``yamlload.safe_load`` (libyaml's C loader
where PyYAML has it) as through ``yaml.safe_load``, and the C loader is the one used."""

from __future__ import annotations

from pathlib import Path

import yaml

from kidpedia import yamlload

SRC = Path(__file__).resolve().parents[1] / "src" / "kidpedia"


def test_every_knowledge_file_reads_the_same() -> None:
    files = sorted(SRC.rglob("*.yaml"))
    assert len(files) > 30
    for f in files:
        text = f.read_text("utf-8")
        assert yamlload.safe_load(text) == yaml.safe_load(text), f


def test_the_c_loader_is_used_where_there_is_one() -> None:
    if yaml.__with_libyaml__:
        assert yamlload._LOADER is yaml.CSafeLoader
    assert yamlload.safe_load("a: [1, two, {b: null}]") == {"a": [1, "two", {"b": None}]}
    assert yamlload.safe_load("x: !!str 3") == {"x": "3"}


def test_it_stays_a_safe_loader() -> None:
    import pytest

    with pytest.raises(yaml.YAMLError):
        yamlload.safe_load("!!python/object/apply:os.system ['true']")
