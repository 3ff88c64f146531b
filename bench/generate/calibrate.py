#!/usr/bin/env python3
"""Set each extraction rule's confidence from its precision on the development set.

    cargo run --release --example draft_bench -- --rules bench/generate/dev \
        --pair ../shared/seed/article.txt bench/generate/seed.gold.toml > /tmp/bench.txt
    python3 bench/generate/calibrate.py /tmp/bench.txt          # prints the changes
    python3 bench/generate/calibrate.py /tmp/bench.txt --write  # rewrites src/draft/rules/*.rs

A rule's confidence becomes its counted precision on the development set, shrunk towards the
set's overall precision by five facts' weight (so a rule seen once is not 0 or 1), rounded to
0.05 and kept within 0.3-0.9. Counted precision is a lower bound: a true fact the gold deck
does not list counts as wrong. Rules the development set never fires keep their confidence.

Kept as written: "acronym" (0.85). An expansion is almost never wrong, but teachers seldom
ask for one, so its counted precision says little; and the acronym fact is what lets other
facts name "the AU" as "the African Union", so a lower confidence would let a definition of
the same term replace it. Never run this on the held-out set.
"""
import glob
import re
import sys

KEEP = {"acronym"}
WEIGHT = 5

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows = []
    for line in open(sys.argv[1], encoding="utf-8"):
        m = re.match(r"\| (.+) \| ([0-9.]+) \| (\d+) \| (\d+) \|$", line.strip())
        if m:
            rows.append((m.group(1), float(m.group(2)), int(m.group(3)), int(m.group(4))))
    if not rows:
        sys.exit("no rule table in the benchmark output (run draft_bench with --rules)")
    prior = sum(r[3] for r in rows) / sum(r[2] for r in rows)
    write = "--write" in sys.argv[2:]
    files = {f: open(f, encoding="utf-8").read() for f in glob.glob("src/draft/rules/*.rs")}
    for name, old, drafted, correct in rows:
        if name in KEEP or drafted == 0:
            continue
        new = (correct + WEIGHT * prior) / (drafted + WEIGHT)
        new = min(0.9, max(0.3, round(new * 20) / 20))
        if abs(new - old) < 1e-6:
            continue
        print(f"{name}: {old:.2f} -> {new:.2f} ({correct} of {drafted})")
        pattern = re.compile(
            r'(name: "' + re.escape(name) + r'",\n(?:(?!        name: ).*\n){0,6}?\s*confidence: )([0-9.]+)(,)'
        )
        for f, text in files.items():
            if pattern.search(text):
                files[f] = pattern.sub(lambda m: f"{m.group(1)}{new:g}{m.group(3)}", text, count=1)
                break
    print(f"development precision {prior:.3f}")
    if write:
        for f, text in files.items():
            open(f, "w", encoding="utf-8").write(text)

main()
