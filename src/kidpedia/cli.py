"""The `kidpedia` command (Typer + Rich).

Every command turns a KidpediaError (bad input, missing database, ...) into one
line on stderr and a non-zero exit code; ``main`` is the entry point.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

from kidpedia.errors import ArticleNotFound, KidpediaError, UsageError

DEFAULT_DB = os.environ.get("KIDPEDIA_DB", "data/sample.db")

app = typer.Typer(
    name="kidpedia",
    help="kidpedia: a safe, readable, offline 'facts for kids' encyclopedia built from Wikipedia dumps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
# soft_wrap: a line is never cut at the terminal's width (or at 80 columns when piped)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


@app.command()
def build(
    sources: list[Path] = typer.Argument(..., help="Dump files (.xml, .xml.bz2, multistream .bz2) or wikitext files."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="SQLite database to build (created if missing)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Stop after this many pages."),
    title: str | None = typer.Option(None, "--title", help="Title for a single wikitext file."),
    level: str = typer.Option("default", "--level", help="Safety level: strict, default or loose."),
    force: bool = typer.Option(False, "--force", help="Rebuild finished sources instead of skipping them."),
    reading_levels: bool = typer.Option(
        False, "--levels", help="Also make and store every article's reading levels 1 and 2 (and their measures)."
    ),
    langlinks: list[Path] = typer.Option(
        [], "--langlinks", help="A Wikimedia langlinks.sql.gz table: links to the same page in other editions."
    ),
    dask: str | None = typer.Option(
        None, "--dask", help="Run on a Dask cluster: local[:N] (N worker processes here) or tcp://HOST:8786."
    ),
    partition_mb: float = typer.Option(
        4.0, "--partition-mb", min=0.001, help="With --dask: MB of XML per partition (one task)."
    ),
    page_timeout: float = typer.Option(
        30.0, "--page-timeout", min=0.01, help="Seconds one page may take; a slower page is skipped as too-slow."
    ),
    max_page_bytes: int = typer.Option(
        4 << 20, "--max-page-bytes", min=1, help="Bytes of text one page may have; a bigger page is skipped as too-large."
    ),
) -> None:
    """Build a kids' encyclopedia database from dumps of one or several editions; resumes an interrupted build."""
    from kidpedia.build import BuildReport
    from kidpedia.build import build as run_build
    from kidpedia.pool import Budgets

    budgets = Budgets(page_timeout=page_timeout, max_page_bytes=max_page_bytes)

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[pages]:,} pages"),
        TextColumn("{task.fields[rate]:.0f} pages/s"),
        TextColumn("{task.fields[skipped]:,} skipped"),
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,
    )
    started = time.perf_counter()
    with progress:
        task = progress.add_task("building", total=None, pages=0, rate=0.0, skipped=0)

        def tick(report: BuildReport, done_bytes: int, total_bytes: int) -> None:
            rate = report.pages / max(1e-9, time.perf_counter() - started)
            progress.update(
                task, completed=done_bytes, total=total_bytes or None, pages=report.pages,
                rate=rate, skipped=sum(report.skipped.values()),
            )

        if dask:
            from kidpedia.build_dask import build_dask

            if limit is not None:
                raise UsageError("--limit does not work with --dask", "build without --dask to stop early")
            report = build_dask(sources, db, cluster=dask, level=level, force=force, progress=tick,
                                partition_mb=partition_mb, title=title)
            if langlinks:
                from kidpedia.build import add_langlinks

                for path in langlinks:
                    report.langlinks[str(path)] = add_langlinks(db, path)
        else:
            report = run_build(
                sources, db, workers=workers, limit=limit, level=level, title=title, force=force, progress=tick,
                langlinks=langlinks, budgets=budgets,
            )
    for source in report.already_built:
        out.print(f"{source} is already built into {db} (use --force to build it again)")
    for source, done in report.resumed_from.items():
        out.print(f"resumed {source} after {done:,} pages already built")
    out.print(
        f"[bold]{report.articles:,} articles[/], {report.redirects:,} redirects, "
        f"{sum(report.skipped.values()):,} skipped from {report.pages:,} pages "
        f"in {report.seconds:.1f} s ({report.pages_per_s:.0f} pages/s) -> {db}"
    )
    for reason, n in sorted(report.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        out.print(f"  skipped {n:,}: {reason}")
    if report.duplicates:
        out.print(f"  duplicate {report.duplicates:,} pages with the title of an earlier page (the first is kept)")
    if report.redirects_dropped:
        out.print(f"  dropped {report.redirects_dropped:,} redirects to excluded articles")
    out.print(f"  markup-dropped {report.markup_dropped:,} paragraphs that still looked like wikitext")
    if report.pictures:
        out.print(f"  stored {report.pictures:,} pictures")
    for links_file, n in report.langlinks.items():
        out.print(f"  {n:,} language links from {Path(links_file).name}")
    _note_missing_wordlists(report.languages)
    for line in report.errors:
        err.print(f"error: {line}", markup=False, highlight=False)
    if report.workers_replaced:
        out.print(f"  replaced the worker processes {report.workers_replaced:,} times after one died")
    if report.interrupted:
        err.print(f"interrupted ({report.interrupted_by}): the {report.pages:,} pages counted above are saved;"
                  " run the same command again to resume", markup=False, highlight=False)
        raise typer.Exit(143 if report.interrupted_by == "SIGTERM" else 130)
    if report.errors:
        raise typer.Exit(1)
    if reading_levels:
        _build_levels(db)


def _build_levels(db: Path) -> None:
    """``build --levels``: reading levels 1 and 2 of every article still without them."""
    from kidpedia.build_levels import build_levels

    with Progress(TextColumn("[bold]reading levels"), BarColumn(), TextColumn("{task.completed:,}/{task.total:,}"),
                  TimeRemainingColumn(), console=err, disable=not err.is_terminal) as bar:
        task = bar.add_task("levels", total=None)
        done = build_levels(db, lambda i, n: bar.update(task, completed=i, total=n))
    out.print(f"  reading levels made for {done:,} articles")


def _note_missing_wordlists(languages: list[str]) -> None:
    """Say once per edition that has no word list of its own (everything else still applies)."""
    from kidpedia.kidify.safety_words import wordlist

    for lang in languages:
        if wordlist(lang) is None:
            out.print(
                f"  note: no word list for {lang!r}; English words and every other rule still apply",
                markup=False, highlight=False,
            )


def _load_article(source_or_title: str, db: Path, title: str | None, lang: str | None = None):  # type: ignore[no-untyped-def]
    """An Article from a file (wikitext or dump) or, failing that, from the database."""
    from kidpedia.model import Article, Redirect, Skip
    from kidpedia.pipeline import process_page

    path = Path(source_or_title)
    if path.exists() or any(source_or_title.endswith(x) for x in (".xml", ".bz2", ".txt", ".wikitext", ".zim", ".html")):
        from kidpedia.sources.dump import iter_pages

        for raw in iter_pages(path, title=title):
            if title and raw.title != title and raw.ns == 0 and not _is_single_file(path):
                continue
            result = process_page(raw)
            if isinstance(result, Article):
                return result
            if isinstance(result, Redirect):
                raise ArticleNotFound(f"{raw.title!r} is a redirect to {result.target!r}")
            if isinstance(result, Skip) and (title or _is_single_file(path)):
                raise ArticleNotFound(f"{raw.title!r} was skipped: {result.reason} ({result.detail})")
        raise ArticleNotFound(f"no article {title!r} in {path}" if title else f"no article in {path}")
    from kidpedia.store import Store

    store = Store(db)
    found = store.resolve(title or source_or_title, lang=lang)
    if not found:
        raise ArticleNotFound(f"no article called {source_or_title!r} in {db}", "try: kidpedia search WORDS")
    article = store.get(found[0], lang=lang)
    assert article is not None
    return _with_store_language_links(article, store)


def _with_store_language_links(article, store):  # type: ignore[no-untyped-def]
    """The article with the language links the database knows besides its own (a
    langlinks table, links from other built editions, a shared Wikidata id)."""
    from dataclasses import replace

    from kidpedia.model import LanguageLink

    have = {x.lang for x in article.language_links}
    more = [LanguageLink(code, t) for code, t in store.language_links(article.title, lang=article.lang)
            if code not in have]
    return replace(article, language_links=article.language_links + tuple(more)) if more else article


def _is_single_file(path: Path) -> bool:
    from kidpedia.sources import enterprise, zim

    if path.suffix.lower() in (".xml", ".bz2") or enterprise.kind_of(path) == "enterprise":
        return False
    return not (path.is_file() and zim.is_zim(path))


@app.command()
def page(
    source_or_title: str = typer.Argument(..., help="A wikitext file, a dump (with --title), or a title in --db."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="Database to look titles up in."),
    title: str | None = typer.Option(None, "--title", help="Which page of a dump, or a wikitext file's title."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or html."),
    lang: str | None = typer.Option(None, "--lang", help="Which edition of --db (default: its first built)."),
    reading_level: str = typer.Option("3", "--level", help="Reading level: 1 (ages 7-9), 2 (ages 10-12) or 3 (full)."),
) -> None:
    """Show one kids' page."""
    from kidpedia.kidify.levels import at_level, level_number

    if fmt not in ("text", "json", "html"):
        raise UsageError(f"unknown format {fmt!r}", "use text, json or html")
    number = level_number(reading_level)
    if number is None:
        raise UsageError(f"unknown reading level {reading_level!r}", "use --level 1, 2 or 3")
    article = at_level(_load_article(source_or_title, db, title, lang), number)
    if fmt == "json":
        sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "html":
        from kidpedia.export.html import article_html
        from kidpedia.store import Store

        sys.stdout.write(article_html(article, Store(db).edition(article.lang) if db.exists() else None))
    else:
        from kidpedia.export.text import article_to_text

        sys.stdout.write(article_to_text(article))


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to look for."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="Database to search."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, max=100),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    lang: str | None = typer.Option(None, "--lang", help="Which edition of --db (default: its first built)."),
) -> None:
    """Search the encyclopedia (ranked by BM25; forgives typos and half words)."""
    from kidpedia.store import MARK_END, MARK_START, Store, forgive
    from kidpedia.store.db import READ_MMAP_MB

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}", "use text or json")
    store = Store(db, mmap_mb=READ_MMAP_MB).edition(lang)
    blocked = _blocked(query)
    found = None if blocked else forgive.find(store, query, limit=limit, blocked=_blocked)
    hits = found.hits if found else []
    did_you_mean = found.did_you_mean if found else None
    if fmt == "json":
        data = {
            "query": query,
            "blocked": blocked,
            "did_you_mean": did_you_mean,
            "results": [
                {"title": h.title, "snippet": h.snippet.replace(MARK_START, "").replace(MARK_END, ""), "score": round(h.score, 4)}
                for h in hits
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if blocked:
        out.print("Let's look for something else! Try another word.")
        return
    if not hits:
        out.print(f"No results for {query!r}.", markup=False, highlight=False)
        return
    if did_you_mean:
        out.print(f"Did you mean {did_you_mean!r}? Results for it:", markup=False, highlight=False)
    for i, h in enumerate(hits, 1):
        snippet = h.snippet.replace(MARK_START, "").replace(MARK_END, "")
        out.print(f"{i}. {h.title}", style="bold", markup=False, highlight=False)
        out.print(f"   {snippet}", markup=False, highlight=False)


@app.command()
def serve(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="Database to serve."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    lang: str | None = typer.Option(
        None, "--lang", help="Edition served at /wiki/ (default: the first built); others at /<lang>/wiki/."
    ),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Server processes."),
) -> None:
    """Serve the kids' web site (and its JSON API) from a database."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from kidpedia.web import server
    from kidpedia.web.app import create_app

    # A missing or wrong database, a busy port: one error line, before saying "serving".
    web_app = create_app(db, lang=lang, headers_by_server=True)
    sock = server.listen(host, port)
    if workers == 1:
        server.settle(web_app)
    out.print(f"kidpedia: serving {db} at http://{host}:{port}/ with {workers} process"
              f"{'es' if workers > 1 else ''} (Ctrl+C to stop)")
    try:
        if workers == 1:
            uvicorn.Server(server.config(web_app)).run(sockets=[sock])
            return
        os.environ["KIDPEDIA_DB"] = str(db.resolve())
        if lang:
            os.environ["KIDPEDIA_LANG"] = lang
        config = server.config("kidpedia.web.app:app_from_env", factory=True, workers=workers)
        Multiprocess(config, sockets=[sock]).run()
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()


@app.command()
def templates(
    source: Path = typer.Argument(..., help="A dump (.xml, .xml.bz2, multistream) or a wikitext file."),
    top: int = typer.Option(30, "--top", "-n", min=1, help="How many unhandled templates to list."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """List the most used templates kidpedia does not handle yet (in text and in infoboxes)."""
    from kidpedia.errors import DumpFormatError
    from kidpedia.sources.dump import iter_pages
    from kidpedia.wikitext.coverage import Coverage, measure, report_lines

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}", "use text or json")
    cov, fault = Coverage(), None
    try:
        measure(iter_pages(source), cov)
    except DumpFormatError as e:  # a truncated dump: the report of the pages read, then the one line
        fault = e
    if fmt == "json":
        data = {
            "pages": cov.pages, "uses": cov.uses, "handled": cov.handled, "share": round(cov.share, 4),
            "unhandled": [{"template": n, "uses": u, "in_infobox": b, "pages": p} for n, u, b, p in cov.top(top)],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for line in report_lines(cov, top):
            out.print(line, markup=False, highlight=False)
    if fault is not None:
        raise fault


@app.command()
def safety(
    title_or_file: str = typer.Argument(..., help="A wikitext file, a dump (with --title), or a title (in --source, else in --db)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="Database to look titles up in (it holds kept articles only)."),
    source: Path | None = typer.Option(None, "--source", help="A dump to look the title up in (excluded pages too)."),
    title: str | None = typer.Option(None, "--title", help="Which page of a dump file."),
    level: str = typer.Option("default", "--level", help="Safety level: strict, default or loose."),
) -> None:
    """Explain why a page is kept or excluded by the child-safety policy (docs/safety.md)."""
    from kidpedia.kidify.safety import explain, level_named

    level_named(level)  # an unknown level is a usage error before any reading
    sys.stdout.write(explain(_unjudged_article(title_or_file, db, source, title), level))


def _unjudged_article(title_or_file: str, db: Path, source: Path | None, title: str | None):  # type: ignore[no-untyped-def]
    """The page as the safety layer sees it (parsed and pruned, not yet cleaned), from a
    file, a dump given with --source, or (already cleaned) the database."""
    from kidpedia.model import Article
    from kidpedia.pipeline import unjudged

    path = Path(title_or_file)
    if path.is_file() or source is not None:
        read = path if path.is_file() else Path(source)  # type: ignore[arg-type]
        wanted = title if path.is_file() else title_or_file
        from kidpedia.sources.dump import iter_pages

        for raw in iter_pages(read, title=wanted):
            if not wanted or raw.title == wanted or _is_single_file(read):
                result = unjudged(raw)
                if isinstance(result, Article):
                    return result
        raise ArticleNotFound(f"no article {wanted or title_or_file!r} in {read}")
    from kidpedia.store import Store

    found = Store(db).resolve(title_or_file)
    if not found:
        raise ArticleNotFound(f"no article called {title_or_file!r} in {db}",
                              "excluded pages are not stored: give the dump with --source")
    return Store(db).get(found[0])


export_app = typer.Typer(
    help="Export the kids' encyclopedia: a ZIM for Kiwix, or a static web site.", no_args_is_help=True
)
app.add_typer(export_app, name="export")


@export_app.command("zim")
def export_zim(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="Database to export."),
    target: Path = typer.Option(..., "--out", "-o", help="The ZIM file to write (replaced if it exists)."),
    lang: str | None = typer.Option(None, "--lang", help="The edition to export (en, fr, ...); default: the database's first."),
) -> None:
    """Write a kids' ZIM (articles, redirects, pictures, search index) that Kiwix opens."""
    from kidpedia.export.zim import export_zim as run

    report = run(db, target, lang=lang)
    out.print(
        f"{report.articles:,} articles, {report.redirects:,} redirects, {report.pictures:,} pictures"
        f" ({report.language}) -> {target}", markup=False, highlight=False,
    )


@export_app.command("site")
def export_site(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="Database to export."),
    target: Path = typer.Option(..., "--out", "-o", help="Folder to write the site into (new or empty)."),
    lang: str | None = typer.Option(None, "--lang", help="The edition to export (en, fr, ...); default: the database's first."),
) -> None:
    """Write a static site (one HTML file per article, pictures, search) that opens from file://."""
    from kidpedia.export.site import export_site as run

    report = run(db, target, lang=lang)
    out.print(f"{report.articles:,} articles, {report.pictures:,} pictures -> {target / 'index.html'}",
              markup=False, highlight=False)


@app.command()
def simplify(
    level: int = typer.Option(2, "--level", help="Reading level: 1 (ages 7-9) or 2 (ages 10-12)."),
    lang: str = typer.Option("en", "--lang", help="Language of the sentences."),
) -> None:
    """Simplify sentences: one per line on stdin, one per line on stdout (same order and count)."""
    from kidpedia.kidify.simplify import simplify as simplify_sentence

    if level not in (1, 2, 3):
        raise UsageError(f"unknown reading level {level!r}", "use --level 1 or --level 2")
    for line in sys.stdin:
        sys.stdout.write(simplify_sentence(line.rstrip("\n"), level, lang) + "\n")


def _blocked(query: str) -> bool:
    from kidpedia.kidify.safety import is_blocked_query

    return is_blocked_query(query)


def main() -> None:
    """Entry point: run the app; bad input is one line on stderr, never a traceback."""
    # Typer (0.29+) carries its own copy of click as typer._click; older ones use click.
    try:
        click_exceptions = importlib.import_module("typer._click.exceptions")
    except ImportError:
        click_exceptions = importlib.import_module("click.exceptions")

    try:
        code = app(standalone_mode=False)
    except click_exceptions.UsageError as e:
        if type(e).__name__ == "NoArgsIsHelpError" and e.ctx is not None:
            sys.stdout.write(e.ctx.get_help() + "\n")
            sys.exit(2)
        where = e.ctx.command_path if e.ctx is not None else "kidpedia"
        message = " ".join(e.format_message().split())
        err.print(f"kidpedia: error: {message} (see: {where} --help)", markup=False, highlight=False)
        sys.exit(e.exit_code)
    except click_exceptions.ClickException as e:
        err.print(f"kidpedia: error: {' '.join(e.format_message().split())}", markup=False, highlight=False)
        sys.exit(e.exit_code)
    except typer.Abort:
        err.print("kidpedia: interrupted")
        sys.exit(130)
    except KidpediaError as e:
        err.print(f"kidpedia: error: {e.one_line()}", markup=False, highlight=False)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        err.print("kidpedia: interrupted")
        sys.exit(130)
    except (OSError, ValueError) as e:
        if os.environ.get("KIDPEDIA_DEBUG"):
            raise
        err.print(f"kidpedia: error: {' '.join(str(e).split())}", markup=False, highlight=False)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
