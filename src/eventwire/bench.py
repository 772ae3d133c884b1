"""Throughput benchmark: ``python -m eventwire.bench`` (``make bench``).

On a fixed set of real news documents (the first 200 of ../shared/data/india_police_events/ipe_docs.jsonl, or
the bundled sample articles repeated when that file is absent) it measures, with one loaded pipeline:

* spaCy alone (``nlp.pipe`` over the same texts the pipeline parses) and full coding (``process_many``), in
  articles per second;
* the coding overhead: the time of everything after parsing (``Pipeline.code_doc`` over the kept Docs) as a
  per cent of the spaCy time, on this process's CPU time (wall time too) (target <= 25 %);
* each timed ``--repeat`` times (default 2), best kept;
* full coding with ``n_process=1`` and ``n_process=2``;
* the load time of the actor knowledge base and of the gazetteer, the pipeline load time, and peak RSS.

Figures are printed and written as JSON to ``reports/bench.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

from eventwire.records import Article

IPE_DOCS = "india_police_events/ipe_docs.jsonl"


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def load_docs(n: int, path: Path | None = None) -> tuple[list[Article], str]:
    """``n`` articles and a description of where they came from."""
    if path is None:
        from eventwire.evaluate import data_dir

        path = data_dir() / IPE_DOCS
    if path.exists():
        docs: list[Article] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                r = json.loads(line)
                docs.append(Article.make(r["text"], id=str(r.get("id") or f"doc-{len(docs)}"),
                                         published=(r.get("date") or None)))
                if len(docs) >= n:
                    break
        return docs, f"{path} (first {len(docs)} docs)"
    print(f"bench: {path} not found; using the bundled sample articles repeated", file=sys.stderr)
    from importlib import resources

    text = resources.files("eventwire").joinpath("samples/articles.jsonl").read_text(encoding="utf-8")
    samples = [Article.from_dict(json.loads(line)) for line in text.splitlines() if line.strip()]
    if not samples:
        raise SystemExit("bench: no sample articles found")
    docs = []
    while len(docs) < n:
        a = samples[len(docs) % len(samples)]
        docs.append(Article.make(a.text, id=f"{a.id}-{len(docs)}", title=a.title, published=a.published))
    return docs, f"bundled samples x{n // len(samples) + 1} ({n} docs)"


def timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def run_bench(n: int = 200, docs_path: Path | None = None, multiprocess: bool = True,
              repeat: int = 2) -> dict[str, Any]:
    """Run the benchmark and return its figures."""
    articles, source = load_docs(n, docs_path)
    chars = sum(len(a.text) for a in articles)

    from eventwire.ground.actors import ActorCoder
    from eventwire.ground.places import Geocoder

    kb_s, _ = timed(ActorCoder)
    gaz_s, _ = timed(Geocoder)

    from eventwire.pipeline import Pipeline, doc_text

    load_s, p = timed(Pipeline)
    texts = [doc_text(a)[0] for a in articles]
    # warm-up: the first batches allocate caches and page the model in
    list(p.process_many(articles[:32]))

    # Stage split: parse once (spaCy alone), then code the kept Docs (extraction, grounding, records); then the
    # whole process_many. Wall and CPU time of this process are both kept; CPU time is steadier on a busy machine.
    offsets = [doc_text(a)[1] for a in articles]

    def full() -> int:
        return sum(len(evs) for _, evs in p.process_many(articles))

    spacy_s = spacy_cpu = code_s = code_cpu = full_s = float("inf")
    events = 0
    for _ in range(max(1, repeat)):
        w0, c0 = time.perf_counter(), time.process_time()
        docs = list(p.nlp.pipe(texts, batch_size=32))
        w1, c1 = time.perf_counter(), time.process_time()
        for doc, a, off in zip(docs, articles, offsets):
            p.code_doc(doc, a, off)
        w2, c2 = time.perf_counter(), time.process_time()
        spacy_s, spacy_cpu = min(spacy_s, w1 - w0), min(spacy_cpu, c1 - c0)
        code_s, code_cpu = min(code_s, w2 - w1), min(code_cpu, c2 - c1)
        del docs
        t, events = timed(full)
        full_s = min(full_s, t)
    overhead = code_cpu / spacy_cpu * 100 if spacy_cpu else 0.0
    result: dict[str, Any] = {
        "docs": len(articles),
        "repeat": repeat,
        "source": source,
        "chars": chars,
        "events": events,
        "spacy_only_s": round(spacy_s, 3),
        "spacy_only_articles_per_s": round(len(articles) / spacy_s, 2) if spacy_s else None,
        "spacy_only_cpu_s": round(spacy_cpu, 3),
        "coding_s": round(code_s, 3),
        "coding_cpu_s": round(code_cpu, 3),
        "coding_overhead_wall_pct": round(code_s / spacy_s * 100, 1) if spacy_s else None,
        "full_s": round(full_s, 3),
        "full_articles_per_s": round(len(articles) / full_s, 2) if full_s else None,
        "coding_overhead_pct": round(overhead, 1),
        "coding_overhead_target_pct": 25.0,
        "n_process_1_articles_per_s": round(len(articles) / full_s, 2) if full_s else None,
        "n_process_2_articles_per_s": None,
        "kb_load_s": round(kb_s, 3),
        "gazetteer_load_s": round(gaz_s, 3),
        "pipeline_load_s": round(load_s, 3),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    if multiprocess:
        try:
            mp_s, _ = timed(lambda: sum(len(evs) for _, evs in p.process_many(articles, n_process=2)))
            result["n_process_2_articles_per_s"] = round(len(articles) / mp_s, 2) if mp_s else None
        except Exception as exc:  # report, do not fail the benchmark
            result["n_process_2_error"] = f"{type(exc).__name__}: {exc}"
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return result


def format_bench(r: dict[str, Any]) -> str:
    lines = [
        f"documents        {r['docs']}  ({r['source']}, {r['chars']:,} chars, {r['events']} events)",
        f"spaCy only       {r['spacy_only_articles_per_s']} articles/s  ({r['spacy_only_s']} s)",
        f"full coding      {r['full_articles_per_s']} articles/s  ({r['full_s']} s)",
        f"coding overhead  {r['coding_overhead_pct']} % of spaCy CPU time (wall {r['coding_overhead_wall_pct']} %;"
        f" target <= {r['coding_overhead_target_pct']} %)",
        f"n_process=1      {r['n_process_1_articles_per_s']} articles/s",
        f"n_process=2      {r['n_process_2_articles_per_s']} articles/s"
        + (f"  ({r['n_process_2_error']})" if r.get("n_process_2_error") else ""),
        f"KB load          {r['kb_load_s']} s",
        f"gazetteer load   {r['gazetteer_load_s']} s",
        f"pipeline load    {r['pipeline_load_s']} s",
        f"peak RSS         {r['peak_rss_mb']} MiB",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eventwire.bench", description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--docs", type=int, default=200, help="number of documents (default 200)")
    ap.add_argument("--input", type=Path, default=None, help="a JSONL file of {id, text, date?} documents")
    ap.add_argument("--repeat", type=int, default=2, help="timed runs of each kind; the best is kept")
    ap.add_argument("--no-multiprocess", action="store_true", help="skip the n_process=2 run")
    ap.add_argument("--out", type=Path, default=Path("reports/bench.json"), help="where to write the JSON")
    args = ap.parse_args(argv)
    if args.docs < 1:
        ap.error("--docs must be at least 1")
    r = run_bench(args.docs, args.input, multiprocess=not args.no_multiprocess, repeat=args.repeat)
    print(format_bench(r))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
