"""Template coverage (`kidpedia templates`): what is counted as handled, and the command."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kidpedia.cli import app
from kidpedia.model import RawPage
from kidpedia.sources.redirects import raw_page
from kidpedia.wikitext.coverage import measure, report_lines

TESTS = Path(__file__).resolve().parent.parent
SAMPLE_DUMP = TESTS.parent / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"


def test_counts_handled_and_unhandled() -> None:
    page = RawPage(
        title="P",
        text="{{Infobox thing|size={{convert|5|km}}|x={{mystery box|a}}}} Text{{cite web|url={{inner}}}} "
        "<small>{{another unknown}}</small> [[Link|{{nowrap|x}}]]<ref>{{in a ref}}</ref>",
    )
    cov = measure([page])
    assert cov.pages == 1
    # infobox, convert, mystery box, cite web (its inner template is never shown), another unknown, nowrap
    assert cov.uses == 6
    assert cov.handled == 4
    assert cov.unhandled == {"mystery box": 1, "another unknown": 1}
    assert cov.unhandled_in_infobox == {"mystery box": 1}
    assert cov.top(1)[0][0] in ("mystery box", "another unknown")


def test_redirects_and_other_namespaces_are_skipped() -> None:
    cov = measure([
        raw_page("R", "#REDIRECT [[X]] {{R from move}}"),
        RawPage(title="Talk:X", text="{{talk header}}", ns=1),
    ])
    assert cov.pages == 0 and cov.uses == 0 and cov.share == 1.0


def test_report_lines() -> None:
    cov = measure([RawPage(title="P", text="{{zzz}} {{zzz}} {{flag|France}}")])
    lines = report_lines(cov, 5)
    assert lines[0] == "1 articles, 3 template uses, 1 handled (33.3%)"
    assert lines[-1].split() == ["2", "0", "1", "zzz"]


def test_templates_command_on_the_sample_dump() -> None:
    result = CliRunner().invoke(app, ["templates", str(SAMPLE_DUMP), "--top", "5", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["pages"] > 100
    assert data["share"] > 0.85
    assert len(data["unhandled"]) == 5
    assert data["unhandled"][0]["uses"] >= data["unhandled"][-1]["uses"]


def test_templates_command_text_on_a_wikitext_file() -> None:
    page = TESTS / "data" / "wikitext" / "Alsea-(company).txt"
    result = CliRunner().invoke(app, ["templates", str(page), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 articles, ")
    assert "template (unhandled)" in result.output
