"""Benchmark `ilo-data validate` against plain `frictionless validate` (`make bench`; not a test).

Generates synthetic packages with the shape of the test fixture (its descriptor and schemas, its
small tables copied, a large synthetic `ratifications`) at 10k, 100k and 1M ratification rows in a
temporary folder, runs both validators in child processes and prints wall time and peak memory
(ru_maxrss of that child, from os.wait4) side by side. Targets: ratio <= 1.2, <= 300 MB peak at
1M rows. Then the same with every row invalid (a date written DD/MM/YYYY; one row in ten also
cites a source that does not exist): a time comparable with the valid rows and <= 300 MB still.
Record the figures in docs/benchmarks.md.

  python -m ilo_data.bench [--sizes 10k,100k,1M] [--invalid-sizes 1M] [--keep DIR]
"""
from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pycountry

from .paths import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "valid"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
CONVENTIONS, PROTOCOLS = 999, 999          # instrument ids C001-C999 and P001-P999


def _fields(root: Path, name: str) -> list[str]:
    return [f["name"] for f in json.loads((root / "schemas" / f"{name}.schema.json").read_text())["fields"]]


def _read(root: Path, name: str) -> list[dict]:
    with open(root / "data" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(root: Path, name: str, rows) -> None:
    names = _fields(root, name)
    with open(root / "data" / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([row.get(n, "") for n in names] for row in rows)


def _country_codes(count: int, keep: list[dict]) -> list[tuple[str, str]]:
    """Real ISO codes first; beyond the ~250 that exist, invented ones (iso-codes-real reports those)."""
    codes = {(c["iso3"], c["iso2"]) for c in keep}
    used2 = {c[1] for c in codes}
    for country in pycountry.countries:
        if len(codes) >= count:
            break
        if country.alpha_2 not in used2:
            codes.add((country.alpha_3, country.alpha_2))
            used2.add(country.alpha_2)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    pairs = (a + b for a, b in itertools.product(letters, repeat=2))
    used3 = {c[0] for c in codes}
    for pair in pairs:
        if len(codes) >= count:
            break
        iso3 = "Q" + pair          # Q-codes: not assigned to any country
        if pair not in used2 and iso3 not in used3:
            codes.add((iso3, pair))
            used2.add(pair)
    return sorted(codes)


BROKEN_SOURCE_EVERY = 10   # in an invalid package, one row in ten cites a source that does not exist


def _broken(row: dict, produced: int) -> dict:
    """The row made invalid: its date written DD/MM/YYYY (partial-date-pattern), and one row in
    ten citing a source that does not exist (schema-foreign-key)."""
    year, _, rest = row["ratified"].partition("-")
    month, _, day = rest.partition("-")
    row["ratified"] = f"{day or '01'}/{month or '01'}/{year}"
    if produced % BROKEN_SOURCE_EVERY == 0:
        row["source_id"] = "no-such-source"
    return row


def generate(target: Path, rows: int, fixture: Path = FIXTURE, invalid: bool = False) -> Path:
    """Write a synthetic package with `rows` ratification rows into `target`; with `invalid`,
    every one of them fails (see `_broken`)."""
    shutil.copytree(fixture, target, dirs_exist_ok=True)
    per_country = CONVENTIONS + PROTOCOLS
    fixture_countries = _read(target, "countries")
    codes = _country_codes(max(len(fixture_countries), -(-rows // per_country)), fixture_countries)
    known = {c["iso3"]: c for c in fixture_countries}
    countries = [known.get(iso3) or {"iso3": iso3, "iso2": iso2, "name": f"Country {iso3}", "member_since": "1945",
                                      "ilo_region": "Europe and Central Asia", "source_id": "wikipedia-members"}
                 for iso3, iso2 in codes]
    _write(target, "countries", countries)

    fixture_conventions = {c["instrument_id"]: c for c in _read(target, "conventions")}
    conventions = []
    for n in range(1, CONVENTIONS + 1):
        cid = f"C{n:03d}"
        conventions.append(fixture_conventions.get(cid) or {
            "instrument_id": cid, "kind": "convention", "number": n, "title": f"Synthetic Convention No. {n}",
            "adoption_date": f"{1919 + n % 30}-06-{10 + n % 18:02d}", "category": "technical", "status": "up-to-date",
            "source_id": "ilo-normlex"})
    categories = {c["instrument_id"]: c["category"] for c in conventions}
    for n in range(1, PROTOCOLS + 1):
        pid = f"P{n:03d}"
        conventions.append(fixture_conventions.get(pid) or {
            "instrument_id": pid, "kind": "protocol", "number": n, "title": f"Protocol to Convention No. {n}",
            "adoption_date": "2000", "category": categories[f"C{n:03d}"], "parent_id": f"C{n:03d}",
            "source_id": "ilo-normlex", "notes": "Category: its Convention's."})
    _write(target, "conventions", conventions)

    instruments = [c["instrument_id"] for c in conventions]
    statuses = ["in force", "in force", "in force", "", "not in force", "denounced"]

    def ratification_rows():
        produced = 0
        for country in countries:
            for k, instrument in enumerate(instruments):
                if produced >= rows:
                    return
                year = 2015 + (produced + k) % 10   # after every adoption date
                row = {"iso3": country["iso3"], "instrument_id": instrument,
                       "ratified": f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}" if k % 5 else str(year),
                       "date_basis": "ilo-registration",
                       "status": statuses[k % 6], "source_id": "ilo-normlex"}
                if row["status"]:
                    row["status_basis"] = "stated"
                if row["status"] == "denounced":
                    row["status_date"] = str(year + 1)
                if k % 7 == 0:
                    row["notes"] = "Synthetic row, for the benchmark; dates, status and sources are invented."
                if k % 11 == 0:
                    row["other_source_ids"] = "wikipedia-members"
                if instrument == "C138":
                    row["minimum_age"] = "15"
                produced += 1
                yield _broken(row, produced) if invalid else row
    _write(target, "ratifications", ratification_rows())
    return target


def _tree_memory(pid: int) -> int:
    """Bytes of memory of a process and its descendants: the sum of their PSS (proportional set
    size: pages shared after fork are split, not counted twice); RSS where PSS is not available."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _pss(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak MB, CPU seconds) of one child process and its own children.

    Peak = the larger of ru_maxrss (os.wait4: the largest single process) and the sampled sum of
    memory over the process tree (PSS, every 20 ms): the validator forks a worker, so the sum over
    both processes is the honest figure.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=dict(os.environ, **(env or {})))
    peak_sum = [0]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.02):
            peak_sum[0] = max(peak_sum[0], _tree_memory(child.pid))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    maxrss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return elapsed, max(maxrss, peak_sum[0]) / 2**20, usage.ru_utime + usage.ru_stime


def best(command: list[str], cwd: Path, repeat: int, env: dict | None = None) -> tuple[float, float, float]:
    """Best wall time of `repeat` runs, with the largest peak memory and the CPU time of the best run."""
    runs = [measure(command, cwd, env) for _ in range(repeat)]
    fastest = min(runs, key=lambda r: r[0])
    return fastest[0], max(r[1] for r in runs), fastest[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ilo_data.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated subset of: " + ", ".join(SIZES))
    parser.add_argument("--invalid-sizes", default="1M", help="the same, every row invalid ('' for none)")
    parser.add_argument("--keep", type=Path, help="generate the packages here and keep them")
    parser.add_argument("--real", action="store_true", help="also the real package: validate, and check (`make check`), beside frictionless (target: at most half its time)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size below 1M (best time kept); 1M runs once")
    args = parser.parse_args(argv)
    sizes = [(s.strip(), False) for s in args.sizes.split(",") if s.strip()]
    sizes += [(s.strip(), True) for s in args.invalid_sizes.split(",") if s.strip()]
    unknown = [s for s, _ in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    bindir = Path(sys.executable).parent
    ours = [str(bindir / "ilo-data"), "validate", "--quiet", "--root", "."]
    theirs = [str(bindir / "frictionless"), "validate", "datapackage.json"]
    sequential = {"ILO_VALIDATE_SEQUENTIAL": "1"}
    print("wall s / peak MB / CPU s; ratio = wall time against frictionless")
    print("invalid rows: frictionless stops at its default limit of 1,000 errors; ilo-data validate counts them all")
    print(f"{'rows':>17} | {'ilo-data validate':>21} | {'validate, 1 process':>21} | {'frictionless':>21} | {'ratio':>5} | {'1 proc':>6}")
    base = Path(args.keep or tempfile.mkdtemp(prefix="ilo-bench-"))
    try:
        for size, invalid in sizes:
            label = f"{SIZES[size]:,}" + (" invalid" if invalid else "")
            folder = generate(base / (size + ("-invalid" if invalid else "")), SIZES[size], invalid=invalid)
            repeat = 1 if SIZES[size] >= 1_000_000 else max(1, args.repeat)
            mine = best(ours, folder, repeat)
            single = best(ours, folder, repeat, sequential)
            plain = best(theirs, folder, repeat)
            cells = " | ".join(f"{t:>6.2f} {m:>6.0f} {c:>7.2f}" for t, m, c in (mine, single, plain))
            print(f"{label:>17} | {cells} | {mine[0] / plain[0]:>5.2f} | {single[0] / plain[0]:>6.2f}", flush=True)
        if args.real and (ROOT / "datapackage.json").is_file():
            # The same three commands on the package itself: the contributor's verdict beside frictionless'.
            # `make check` (derive --check, fmt --check and validate) is the loop the target is set for.
            check = [str(bindir / "ilo-data"), "check", "--root", "."]
            plain = best(theirs, ROOT, max(1, args.repeat))
            for label, command in (("real package", ours), ("real, make check", check)):
                runs = [best(command, ROOT, max(1, args.repeat), env) for env in (None, sequential)] + [plain]
                cells = " | ".join(f"{t:>6.2f} {m:>6.0f} {c:>7.2f}" for t, m, c in runs)
                print(f"{label:>17} | {cells} | {runs[0][0] / runs[2][0]:>5.2f} | {runs[1][0] / runs[2][0]:>6.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
