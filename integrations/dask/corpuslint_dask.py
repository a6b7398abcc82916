"""Run corpuslint over a JSONL corpus on a Dask cluster.

Each task reads one byte range of one file (aligned to line starts), pipes its
lines through the `corpuslint` CLI installed on the worker
(`corpuslint --stdin --stdin-filename part.jsonl --format jsonl`), and returns
one result per document. Line numbers are made global with a cheap first pass
that counts newlines per block, so results are identical to a single-process
`corpuslint --format jsonl file.jsonl` run, document for document.

Bulk suppressions (`corpuslint-suppressions.json`) are applied by the driver,
not by the blocks: a file's recorded count covers its first errors of a rule in
file order, which no single block can know, so blocks lint without them and
`apply_suppressions` runs the CLI's running count over the merged results.

Nothing here is specific to Dask except `lint_corpus`; `lint_block` is a plain
function that Ray's map_batches, Spark's pipe or GNU parallel could call too.
"""
from __future__ import annotations

import glob as _glob
import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

DEFAULT_BLOCKSIZE = 8 * 1024 * 1024
SUPPRESSIONS_FILENAME = "corpuslint-suppressions.json"


def _no_suppressions() -> str:
    """An empty suppressions file for the blocks (see the module docstring).

    One shared file in the temp directory, not one per worker process: its content never
    changes, so processes that race to create it write the same bytes (atomically, by rename).
    A file of that name with other content (another user's, in a shared /tmp) is not used.
    """
    path = os.path.join(tempfile.gettempdir(), "corpuslint-no-suppressions.json")
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == "{}":
                return path
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix="corpuslint-no-suppressions-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        f.write("{}")
    try:
        os.replace(tmp, path)
        return path
    except OSError:
        return tmp


@dataclass(frozen=True)
class Block:
    path: str
    start: int  # byte offset (inclusive); the block owns every line that starts in [start, end)
    end: int
    index: int


def corpuslint_command() -> list[str]:
    """The CLI to run: $CORPUSLINT (a path or a command line), else `corpuslint` on PATH."""
    env = os.environ.get("CORPUSLINT")
    if env:
        return env.split()
    found = shutil.which("corpuslint")
    if not found:
        raise RuntimeError("corpuslint is not on PATH; install it on every worker or set CORPUSLINT")
    return [found]


def expand_paths(paths: str | Sequence[str]) -> list[str]:
    patterns = [paths] if isinstance(paths, str) else list(paths)
    out: list[str] = []
    for p in patterns:
        matches = sorted(_glob.glob(p, recursive=True)) if any(c in p for c in "*?[") else [p]
        out.extend(matches)
    if not out:
        raise FileNotFoundError(f"no files match {paths!r}")
    return out


def plan_blocks(paths: Sequence[str], blocksize: int = DEFAULT_BLOCKSIZE) -> list[Block]:
    blocks: list[Block] = []
    for path in paths:
        size = os.path.getsize(path)
        start = 0
        while True:
            end = min(size, start + blocksize)
            blocks.append(Block(path, start, end, len(blocks)))
            if end >= size:
                break
            start = end
    return blocks


def _read_block_lines(block: Block) -> tuple[list[bytes], int]:
    """Lines that start inside the block, and the offset where the first one starts."""
    with open(block.path, "rb") as f:
        first = block.start
        if block.start > 0:
            # The line containing `start` belongs to the previous block unless `start` is a line start.
            f.seek(block.start - 1)
            if f.read(1) != b"\n":
                f.readline()
            first = f.tell()
        else:
            f.seek(0)
        lines: list[bytes] = []
        pos = first
        while pos < block.end:
            line = f.readline()
            if not line:
                break
            lines.append(line)
            pos += len(line)
    return lines, first


def count_block_lines(block: Block) -> int:
    """Number of lines that start inside the block; prefix sums give each block's first line number."""
    lines, _ = _read_block_lines(block)
    return len(lines)


def lint_block(block: Block, first_line: int, fix: bool = False, extra_args: Sequence[str] = ()) -> list[dict]:
    """Lints the lines of one block; `first_line` is the global (1-based) number of its first line."""
    lines, _ = _read_block_lines(block)
    if not lines:
        return []
    cmd = [*corpuslint_command(), "--stdin", "--stdin-filename", os.path.basename(block.path), "--format", "jsonl",
           "--suppressions-location", _no_suppressions(), *extra_args]
    if fix:
        cmd.append("--fix")
    proc = subprocess.run(cmd, input=b"".join(lines), stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"corpuslint failed on {block.path}[{block.start}:{block.end}] (exit {proc.returncode}): {proc.stderr.decode(errors='replace').strip()}")
    offset = first_line - 1
    results = []
    for raw in proc.stdout.decode("utf-8").splitlines():
        if not raw.strip():
            continue
        r = json.loads(raw)
        r["line"] += offset
        for m in r.get("messages", []):
            m["line"] += offset
        r["file"] = block.path
        if fix and "fixed" in r:
            original = json.loads(lines[r["line"] - first_line])
            r["fixed_record"] = original
        results.append(r)
    return results


def load_suppressions(path: str, required: bool = False) -> dict:
    """A suppressions file as the CLI reads it; a missing file suppresses nothing unless it was named."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        if required:
            raise
        return {}


def suppression_key(path: str, cwd: str) -> str:
    """The file's key in the suppressions file: its path relative to `cwd`, with forward slashes."""
    return os.path.relpath(os.path.abspath(path), cwd).replace(os.sep, "/")


def apply_suppressions(results: Iterable[dict], suppressions: dict, cwd: str) -> list[dict]:
    """Drops suppressed errors as `corpuslint --format jsonl` does.

    Results must be in input order (as `lint_corpus` returns them). Per file and
    rule, the first `count` errors in file order are suppressed and the rest
    reported; warnings and input errors (fatal, no rule) are never suppressed.
    """
    budgets: dict[str, dict[str, int] | None] = {}
    out = []
    for r in results:
        path = r["file"]
        if path not in budgets:
            recorded = suppressions.get(suppression_key(path, cwd))
            budgets[path] = {rule: entry["count"] for rule, entry in recorded.items()} if recorded else None
        budget = budgets[path]
        messages = r.get("messages", [])
        if budget is None or not messages:
            out.append(r)
            continue
        kept = []
        for m in messages:
            rule = m.get("ruleId")
            if m.get("severity") == 2 and rule is not None and not m.get("fatal") and budget.get(rule, 0) > 0:
                budget[rule] -= 1
            else:
                kept.append(m)
        out.append({**r, "messages": kept})
    return out


def lint_corpus(paths: str | Sequence[str], client=None, blocksize: int = DEFAULT_BLOCKSIZE, fix: bool = False,
                extra_args: Sequence[str] = (), text_field: str = "text", suppressions: str | None = None,
                cwd: str | None = None) -> list[dict]:
    """Lints every document of the corpus on the cluster; results in input order.

    As the CLI does, errors recorded in `suppressions` (default: corpuslint-suppressions.json
    in `cwd`, default the current directory) are not reported; keys are paths relative to `cwd`.
    """
    import dask
    from dask import delayed

    files = expand_paths(paths)
    blocks = plan_blocks(files, blocksize)
    counts = dask.compute(*[delayed(count_block_lines)(b) for b in blocks], scheduler=client.get if client else None)
    starts: list[int] = []
    running: dict[str, int] = {}
    for b, n in zip(blocks, counts):
        starts.append(running.get(b.path, 0) + 1)
        running[b.path] = running.get(b.path, 0) + n
    tasks = [delayed(lint_block)(b, s, fix, tuple(extra_args)) for b, s in zip(blocks, starts)]
    parts = dask.compute(*tasks, scheduler=client.get if client else None)
    results = [r for part in parts for r in part]
    cwd = os.path.abspath(cwd or os.getcwd())
    recorded = load_suppressions(suppressions or os.path.join(cwd, SUPPRESSIONS_FILENAME), required=suppressions is not None)
    if recorded:
        results = apply_suppressions(results, recorded, cwd)
    if fix:
        for r in results:
            rec = r.pop("fixed_record", None)
            if rec is not None and "fixed" in r:
                rec[text_field] = r["fixed"]
                r["fixed_line"] = json.dumps(rec, ensure_ascii=False)
    return results


def write_fixed_parts(results: Iterable[dict], source_paths: Sequence[str], out_dir: str, parts: int = 1) -> list[str]:
    """Writes the fixed corpus as JSONL parts: fixed documents replaced, every other line unchanged."""
    os.makedirs(out_dir, exist_ok=True)
    fixed = {(r["file"], r["line"]): r["fixed_line"] for r in results if "fixed_line" in r}
    written = []
    for i, path in enumerate(expand_paths(list(source_paths))):
        target = os.path.join(out_dir, f"part-{i:05d}.jsonl")
        with open(path, "rb") as src, open(target + ".tmp", "wb") as dst:
            for n, line in enumerate(src, start=1):
                new = fixed.get((path, n))
                dst.write((new + "\n").encode("utf-8") if new is not None else line)
        os.replace(target + ".tmp", target)
        written.append(target)
    return written


def summarize(results: Iterable[dict]) -> dict:
    """Findings per rule, documents with findings, and parse errors."""
    per_rule: Counter[str] = Counter()
    docs_with_findings = 0
    documents = 0
    for r in results:
        documents += 1
        msgs = r.get("messages", [])
        if msgs:
            docs_with_findings += 1
        for m in msgs:
            per_rule[m.get("ruleId") or "(input)"] += 1
    return {"documents": documents, "documentsWithFindings": docs_with_findings, "perRule": dict(per_rule.most_common())}
