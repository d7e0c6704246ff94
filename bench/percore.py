"""The build's cost per core on the real 2023 dumps, as a ratio to ``bzip2 -dc`` of the same files.

    python bench/percore.py [--repeat 3] [--baseline REF] [--dumps ja uk vi el]
                            [--no-wikiextractor] [--memory-mb 50 500] [--out bench/out]

Input: the real May 2023 ja, uk, vi and el dumps in ``../shared/data/dumps/``, each cut
after its last complete page (the files are truncated mid-page) and bzip2-compressed
again, so every row reads the same complete files (about 54 MB of XML, 2,669 pages).

Rows, run one after another in each round (``--repeat`` rounds, interleaved so that
the machine's load falls on every row alike):

  bzip2 -dc (floor)     Debian's bzip2 decompressing the files to /dev/null
  kidpedia build        ``kidpedia build FILES --db NEW --workers 1``: the whole kids'
                        pipeline (read, parse, prune, safety, pack, SQLite + FTS5)
  baseline build        the same command from ``--baseline REF`` (default: the tree the
                        issue was filed against), its ``src/`` taken out with ``git
                        archive`` and put first on PYTHONPATH; same venv, same files
  wikiextractor p1      ``python -m wikiextractor.WikiExtractor FILES --processes 1``,
                        the fast peer (plain text only, far less work)

Cost is CPU seconds (user + system) of the command's whole process tree, taken from
``getrusage(RUSAGE_CHILDREN)``: on a machine shared with other work, CPU time is what
one core spends, and wall time mostly measures the neighbours. The wall time is kept
beside it. Each round gives ratios to that round's floor; the report is the median
over rounds, with every round's ratios listed. "x floor" is (CPU of the row) / (CPU
of bzip2 -dc): the issue's target is <= 8x; "speed-up" is baseline CPU / ours.

``--memory-mb`` builds dumps of that many MB of XML made of the same real pages
repeated under new titles (``sources.repack.write_repeated``) and reports the build's
peak resident memory: of the whole tree and of its largest process (a worker).
The numbers go to ``bench/out/percore-<time>.json``.
"""

from __future__ import annotations

import argparse
import bz2
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import MB, SHARED, PeakRss, write_report

ROOT = Path(__file__).resolve().parent.parent
DUMPS = SHARED / "data" / "dumps"
# The tree issue 11 was filed against (before any of its speed work).
BASELINE = "5ba7b7d"
_CLOSE = b"</mediawiki>\n"


def log(msg: str) -> None:
    """A bench's progress line, on stderr with the time of day."""
    print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def report_header(argv: list[str] | None) -> dict:
    """What every bench report starts with: when, on what machine, by which command."""
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "command": " ".join(["bench/" + Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])]),
    }


@dataclass
class Run:
    row: str
    round: int
    cpu_s: float
    wall_s: float
    peak_rss_mb: float
    load: float = field(default_factory=lambda: round(os.getloadavg()[0], 2))


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cpu(cmd: list[str] | str, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> tuple[float, float, float]:
    """(CPU seconds of the process tree, wall seconds, peak RSS MB) of one command."""
    cpu0, t0 = _cpu_children(), time.perf_counter()
    proc = subprocess.Popen(cmd, shell=isinstance(cmd, str), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = PeakRss(proc.pid)
    out, _ = proc.communicate()
    wall, peak = time.perf_counter() - t0, sampler.stop()
    if proc.returncode not in ok:
        raise SystemExit(f"failed ({proc.returncode}): {cmd}\n{out.decode(errors='replace')[-2000:]}")
    return _cpu_children() - cpu0, wall, peak


def complete_copy(src: Path, out: Path) -> tuple[int, int]:
    """``src`` cut after its last complete page and closed, bzip2 again: (XML bytes, pages)."""
    with bz2.open(src) as f:
        xml = f.read()
    cut = xml.rfind(b"</page>")
    xml = xml[: cut + len(b"</page>")] + b"\n" + _CLOSE
    out.write_bytes(bz2.compress(xml, 9))
    return len(xml), xml.count(b"<page>")


def baseline_tree(ref: str, into: Path) -> Path:
    """``src/`` of git ref ``ref`` under ``into``; returns the folder to put on PYTHONPATH."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def fresh_db(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    subprocess.run(["rm", "-rf", f"{path}.shards"], check=True)
    return path


def build_cmd(files: list[Path], db: Path, workers: int = 1) -> list[str]:
    return [sys.executable, "-m", "kidpedia", "build", *map(str, files), "--db", str(db), "--workers", str(workers)]


def which_kidpedia(env: dict[str, str]) -> str:
    code = "import kidpedia, os; print(os.path.dirname(kidpedia.__file__))"
    return subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout.strip()


def summary(runs: list[Run], floor: str) -> dict[str, dict[str, float | list[float]]]:
    """Per row: median CPU and wall seconds, and each round's CPU ratio to that round's floor."""
    floors = {r.round: r.cpu_s for r in runs if r.row == floor}
    out: dict[str, dict[str, float | list[float]]] = {}
    for row in dict.fromkeys(r.row for r in runs):
        mine = [r for r in runs if r.row == row]
        ratios = [round(r.cpu_s / floors[r.round], 2) for r in mine]
        out[row] = {
            "cpu_s": round(statistics.median(r.cpu_s for r in mine), 2),
            "wall_s": round(statistics.median(r.wall_s for r in mine), 2),
            "peak_rss_mb": round(max(r.peak_rss_mb for r in mine), 1),
            "x_floor_rounds": ratios,
            "x_floor": round(statistics.median(ratios), 2),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="rounds (default 3; 0: memory builds only)")
    ap.add_argument("--baseline", default=BASELINE, help=f"git ref to compare with (default {BASELINE}); '' for none")
    ap.add_argument("--dumps", nargs="+", default=["ja", "uk", "vi", "el"], help="2023 dumps by language")
    ap.add_argument("--no-wikiextractor", action="store_true", help="leave the peer out")
    ap.add_argument("--memory-mb", type=float, nargs="*", default=[], help="XML sizes for the peak-memory builds")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where the JSON goes")
    args = ap.parse_args(argv)

    report: dict = report_header(argv)
    with tempfile.TemporaryDirectory(prefix="kidpedia-percore-") as tmp:
        work = Path(tmp)
        files, xml_bytes, pages = [], 0, 0
        for lang in args.dumps:
            src = DUMPS / f"{lang}wiki-2023-truncated.xml.bz2"
            out = work / f"{lang}wiki-2023-complete.xml.bz2"
            size, n = complete_copy(src, out)
            files.append(out)
            xml_bytes, pages = xml_bytes + size, pages + n
        log(f"{len(files)} dumps, {xml_bytes / MB:.1f} MB XML, {pages:,} pages")
        report["input"] = {"dumps": [f.name for f in files], "xml_mb": round(xml_bytes / MB, 2), "pages": pages}

        env_ours = dict(os.environ)
        rows: list[tuple[str, list[str] | str, dict[str, str] | None]] = [
            ("bzip2 -dc (floor)", "bzip2 -dc " + " ".join(map(str, files)) + " > /dev/null", None),
            ("kidpedia build", build_cmd(files, work / "ours.db"), env_ours),
        ]
        if args.baseline:
            src = baseline_tree(args.baseline, work / "baseline")
            env_base = dict(os.environ, PYTHONPATH=str(src))
            where = which_kidpedia(env_base)
            if not where.startswith(str(src)):
                raise SystemExit(f"baseline not imported from {src} but {where}")
            rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.baseline],
                                 check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
            report["baseline"] = rev
            rows.append((f"baseline build ({rev})", build_cmd(files, work / "base.db"), env_base))
        if not args.no_wikiextractor:
            # wikiextractor takes one input: once per file in one shell, so the tree's CPU adds up.
            py = sys.executable
            cmd = " && ".join(f"{py} -m wikiextractor.WikiExtractor {f} -o {work / f'wx-{i}'} --processes 1 -q"
                              for i, f in enumerate(files))  # fmt: skip
            rows.append(("wikiextractor p1", cmd, None))
        report["head"] = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                        check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip

        runs: list[Run] = []
        for rnd in range(1, args.repeat + 1):
            for name, cmd, env in rows:
                if isinstance(cmd, list) and "--db" in cmd:
                    fresh_db(Path(cmd[cmd.index("--db") + 1]))
                log(f"round {rnd}: {name}")
                # The build exits 0; a source error would be 1 (the copies are complete, so none).
                cpu, wall, peak = run_cpu(cmd, env)
                runs.append(Run(name, rnd, cpu, wall, peak))
                log(f"  {cpu:.2f} CPU s, {wall:.1f} s wall, peak {peak:.0f} MB")
                subprocess.run(["rm", "-rf", *map(str, work.glob("wx-*"))], check=True)
        if runs:
            rows_summary = summary(runs, "bzip2 -dc (floor)")
            report["runs"] = [asdict(r) for r in runs]
            report["rows"] = rows_summary
            ours = rows_summary["kidpedia build"]
            report["per_core_mb_s"] = {n: round(xml_bytes / MB / float(s["cpu_s"]), 2) for n, s in rows_summary.items()}
            if args.baseline:
                base = rows_summary[f"baseline build ({report['baseline']})"]
                report["speed_up_vs_baseline"] = round(float(base["cpu_s"]) / float(ours["cpu_s"]), 2)

        memory = []
        for size in args.memory_mb:
            log(f"writing {size:g} MB of XML (the same real pages repeated under new titles)")
            from kidpedia.sources.repack import write_repeated

            n_pages, n_bytes = 0, 0
            parts = []
            for i, f in enumerate(files):  # every language's pages, a share each
                part = work / f"repeated-{size:g}MB-{i}.xml.bz2"
                p, b = write_repeated(f, part, int(size * MB / len(files)))
                parts.append(part)
                n_pages, n_bytes = n_pages + p, n_bytes + b
            db = fresh_db(work / f"mem-{size:g}.db")
            log(f"build of {n_bytes / MB:.0f} MB XML ({n_pages:,} pages), peak memory")
            cpu0, t0 = _cpu_children(), time.perf_counter()
            tree_peak, largest = _peak_memory(build_cmd(parts, db))
            memory.append({"xml_mb": round(n_bytes / MB, 1), "pages": n_pages,
                           "cpu_s": round(_cpu_children() - cpu0, 1), "wall_s": round(time.perf_counter() - t0, 1),
                           "tree_peak_rss_mb": round(tree_peak, 1), "largest_process_peak_rss_mb": round(largest, 1)})  # fmt: skip
            log(f"  peak {tree_peak:.0f} MB (the tree), {largest:.0f} MB (its largest process)")
            for part in parts:
                part.unlink()
        if memory:
            report["memory"] = memory

    for name, s in report.get("rows", {}).items():
        print(f"{name:<28} cpu {s['cpu_s']:>7.2f} s  wall {s['wall_s']:>7.2f} s  peak {s['peak_rss_mb']:>6.0f} MB"
              f"  x floor {s['x_floor']:>6.2f}  rounds {s['x_floor_rounds']}")  # fmt: skip
    if "per_core_mb_s" in report:
        print("per core, MB of XML per CPU second:", report["per_core_mb_s"])
    if "speed_up_vs_baseline" in report:
        print(f"speed-up over {report['baseline']} (CPU): {report['speed_up_vs_baseline']}x")
    for m in report.get("memory", []):
        print(f"memory at {m['xml_mb']} MB XML: tree {m['tree_peak_rss_mb']} MB, largest process "
              f"{m['largest_process_peak_rss_mb']} MB")  # fmt: skip
    write_report(args.out, "percore", report)
    return 0


def _peak_memory(cmd: list[str]) -> tuple[float, float]:
    """(peak summed RSS of the process tree, peak RSS of its largest single process), MB.
    The tree is sampled every 0.2 s; a process's own peak is its VmHWM."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree_peak, peaks = 0.0, {}
    while proc.poll() is None:
        total = 0.0
        for pid in _tree(proc.pid):
            try:
                text = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            rss, hwm = re.search(r"VmRSS:\s+(\d+) kB", text), re.search(r"VmHWM:\s+(\d+) kB", text)
            if rss and hwm:
                total += int(rss.group(1)) * 1024 / MB
                peaks[pid] = max(peaks.get(pid, 0.0), int(hwm.group(1)) * 1024 / MB)
        tree_peak = max(tree_peak, total)
        time.sleep(0.2)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return tree_peak, max(peaks.values(), default=0.0)


def _tree(root: int) -> list[int]:
    pids, todo = [], [root]
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_bytes()
            except OSError:
                continue
            children.setdefault(int(stat[stat.rindex(b")") + 2 :].split()[1]), []).append(int(entry))
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, ()))
    return pids


if __name__ == "__main__":
    raise SystemExit(main())
