"""Extraction speed on generated articles: throughput, and whether time grows linearly with size.

    python -m benchmarks.extraction_speed [--articles 10000] [--size 3000] [--linearity-bytes 3000000]

Generates articles deterministically (benchmarks/generate.py), runs pipeline.extract.extract_claims
on each in this one process (one core) and prints articles/second, MB/second and the claims found.
Then times articles of about 1, 3, 6 and 12 KB, the same total bytes at each size, and prints
the time per KB at each size and the ratio of the slowest to the fastest. Generation is not timed.
The target (issue 3): at least 1,000 articles/second at 3 KB, and a time-per-KB ratio of at most 1.5.
Timings vary with machine load; the exit code is 0 whether or not the target is met.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from benchmarks.generate import generate_articles
from pipeline.extract import extract_claims
from pipeline.reference import Reference

TARGET_ARTICLES_PER_SECOND = 1000
TARGET_LINEARITY_RATIO = 1.5
LINEARITY_SIZES = (1000, 3000, 6000, 12000)


def time_extraction(articles: list[tuple[str, date | None]]) -> tuple[float, int, int]:
    """(seconds, claims found with status ok, needs_review claims) for one pass over the articles."""
    ok = review = 0
    started = time.perf_counter()
    for text, published in articles:
        for claim in extract_claims(text, published).claims:
            if claim.status == "ok":
                ok += 1
            else:
                review += 1
    return time.perf_counter() - started, ok, review


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the throughput run")
    parser.add_argument("--size", type=int, default=3000, help="approximate bytes per article")
    parser.add_argument("--linearity-bytes", type=int, default=3_000_000,
                        help="total bytes of articles timed at each size in the linearity run")
    parser.add_argument("--repeat", type=int, default=3, help="linearity: best of this many passes per size")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    reference = Reference.load()
    articles = generate_articles(args.articles, args.size, seed=args.seed, reference=reference)
    total_bytes = sum(len(text.encode()) for text, _ in articles)
    time_extraction(articles[: min(50, len(articles))])  # warm-up: lazy compilation, imports, caches

    seconds, ok, review = time_extraction(articles)
    per_second = len(articles) / seconds if seconds else float("inf")
    mb_per_second = total_bytes / 1e6 / seconds if seconds else float("inf")
    print(f"Throughput: {len(articles):,} generated articles, {total_bytes / 1e6:.1f} MB "
          f"(mean {total_bytes / max(1, len(articles)):,.0f} bytes), one process")
    print(f"  {seconds:.3f} s   {per_second:,.0f} articles/second   {mb_per_second:.2f} MB/second")
    print(f"  claims found: {ok:,} ok, {review:,} needs_review ({ok / max(1, len(articles)):.1f} ok per article)")
    if ok + review == 0:
        print("  (no claims at all: the extractor may not be built yet, and these timings then measure only call overhead)")

    print(f"\nLinearity: about {args.linearity_bytes / 1e6:.1f} MB of articles at each size, best of {args.repeat}")
    per_kb: dict[int, float] = {}
    for size in LINEARITY_SIZES:
        count = max(1, round(args.linearity_bytes / size))
        batch = generate_articles(count, size, seed=args.seed + size, reference=reference)
        batch_bytes = sum(len(text.encode()) for text, _ in batch)
        best = min(time_extraction(batch)[0] for _ in range(max(1, args.repeat)))
        per_kb[size] = best / (batch_bytes / 1024)
        print(f"  ~{size / 1000:>4.0f} KB x {count:>6,}: {best:.3f} s, {per_kb[size] * 1e6:,.1f} µs per KB")
    fastest, slowest = min(per_kb.values()), max(per_kb.values())
    ratio = slowest / fastest if fastest > 0 else float("inf")
    print(f"  slowest/fastest time per KB: {ratio:.2f}")

    speed_ok = per_second >= TARGET_ARTICLES_PER_SECOND
    linear_ok = ratio <= TARGET_LINEARITY_RATIO
    print(f"\nTarget: >= {TARGET_ARTICLES_PER_SECOND:,} articles/second at ~3 KB: "
          f"{'met' if speed_ok else 'NOT met'} ({per_second:,.0f}"
          f"{'' if args.size == 3000 else f', measured at {args.size} bytes'}); "
          f"time-per-KB ratio <= {TARGET_LINEARITY_RATIO}: {'met' if linear_ok else 'NOT met'} ({ratio:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
