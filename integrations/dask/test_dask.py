"""End-to-end test of the Dask recipe (run by `npm run test:dask`).

A LocalCluster with 2 worker processes lints a generated corpus of a few
thousand documents; the merged results must equal a single-process corpuslint
run on the same file, document for document. Then the same with one worker
killed mid-run: Dask reschedules its partitions and nothing is lost or
duplicated.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault("CORPUSLINT", f"node {os.path.join(ROOT, 'bin', 'corpuslint.js')}")

import corpuslint_dask as cd  # noqa: E402


def make_corpus(path: str, documents: int = 3000, seed: int = 7) -> None:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    seeds = os.path.join(ROOT, "seeds")
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            paragraphs += [p.strip() for p in f.read().split("\n\n") if p.strip()]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(documents):
            body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(1, 6)))
            if rng.random() < 0.2:
                body += "  "  # trailing spaces: something fixable
            out.write(json.dumps({"id": f"doc-{i}", "source": "test", "text": body}, ensure_ascii=rng.random() < 0.5) + "\n")
        out.write("{not json}\n")


def single_process(path: str) -> list[dict]:
    cmd = [*cd.corpuslint_command(), "--stdin", "--stdin-filename", os.path.basename(path), "--format", "jsonl"]
    with open(path, "rb") as f:
        proc = subprocess.run(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]


def strip(results: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("file", "fixed_record", "fixed_line")} for r in results]


def main() -> int:
    from dask.distributed import Client, LocalCluster

    tmp = tempfile.mkdtemp(prefix="corpuslint-dask-")
    corpus = os.path.join(tmp, "corpus.jsonl")
    make_corpus(corpus)
    expected = single_process(corpus)
    assert len(expected) == 3001, len(expected)

    failures = 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        got = cd.lint_corpus(corpus, client=client, blocksize=256 * 1024)
        ok = strip(got) == strip(expected)
        print(f"{'ok' if ok else 'FAIL'} - 2-worker LocalCluster results equal the single-process run ({len(got)} documents, {len(cd.plan_blocks([corpus], 256 * 1024))} partitions)")
        failures += not ok
        summary = cd.summarize(got)
        print(f"     summary: {summary['documents']} documents, per rule {summary['perRule']}")

        # Fault: kill one worker process while partitions are running.
        from dask import delayed
        blocks = cd.plan_blocks([corpus], 128 * 1024)
        counts = client.gather(client.compute([delayed(cd.count_block_lines)(b) for b in blocks]))
        starts, total = [], 0
        for n in counts:
            starts.append(total + 1)
            total += n
        futures = client.compute([delayed(cd.lint_block)(b, s) for b, s in zip(blocks, starts)])
        deadline = time.time() + 60
        while sum(f.done() for f in futures) < 2 and time.time() < deadline:
            time.sleep(0.05)
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        parts = client.gather(futures)
        got2 = [r for p in parts for r in p]
        ok2 = strip(got2) == strip(expected)
        print(f"{'ok' if ok2 else 'FAIL'} - after SIGKILL of worker pid {victim} mid-run, results are complete and equal ({len(got2)} documents, no loss, no duplicates)")
        failures += not ok2

        # Fixed corpus written as parts: every line still parses; unchanged lines are byte-identical.
        fixed = cd.lint_corpus(corpus, client=client, blocksize=512 * 1024, fix=True)
        written = cd.write_fixed_parts(fixed, [corpus], os.path.join(tmp, "fixed"))
        with open(corpus, "rb") as a, open(written[0], "rb") as b:
            orig, new = a.read().splitlines(), b.read().splitlines()
        changed = sum(x != y for x, y in zip(orig, new))
        fixed_docs = sum(1 for r in fixed if "fixed_line" in r)
        ok3 = len(orig) == len(new) and changed == fixed_docs and fixed_docs > 0
        print(f"{'ok' if ok3 else 'FAIL'} - fixed corpus written as parts: {fixed_docs} documents fixed, {changed} lines changed, {len(new)} lines")
        failures += not ok3

        # Bulk suppressions: recorded by the CLI for the file, then cut to half the whitespace errors, so
        # the running count must carry across partitions (the first half suppressed, the rest reported).
        cli = cd.corpuslint_command()
        subprocess.run([*cli, "-f", "json", "--suppress-rule", "whitespace", "corpus.jsonl"], cwd=tmp, stdout=subprocess.DEVNULL, check=False)
        location = os.path.join(tmp, cd.SUPPRESSIONS_FILENAME)
        with open(location, encoding="utf-8") as f:
            recorded = json.load(f)
        total = recorded["corpus.jsonl"]["whitespace"]["count"]
        recorded["corpus.jsonl"]["whitespace"]["count"] = total // 2
        with open(location, "w", encoding="utf-8") as f:
            json.dump(recorded, f)
        proc = subprocess.run([*cli, "-f", "jsonl", "corpus.jsonl"], cwd=tmp, stdout=subprocess.PIPE, check=False)
        expected_suppressed = [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]
        got4 = cd.lint_corpus(corpus, client=client, blocksize=256 * 1024, cwd=tmp)
        reported = sum(m.get("ruleId") == "whitespace" for r in got4 for m in r.get("messages", []))
        ok4 = strip(got4) == strip(expected_suppressed) and total > 2 and reported == total - total // 2
        print(f"{'ok' if ok4 else 'FAIL'} - suppressions applied across partitions as the CLI does: {total // 2} of {total} whitespace errors suppressed, {reported} reported")
        failures += not ok4

    passed = 4 - failures
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
