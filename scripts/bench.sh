#!/usr/bin/env bash
# Whole-process timings of recall on synthetic data, as documented in the README's "Performance".
#
#   scripts/bench.sh            # everything (about 3 minutes on 2 cores, ~2 GB of scratch space)
#   scripts/bench.sh --quick    # small sizes only
#   BENCH_DIR=/some/dir RUNS=20 scripts/bench.sh
#   ONLY=size,stats,optimize scripts/bench.sh   # some sections: check, study, answer, status,
#                                               # size, stats, import, optimize, migrate
#   SYNTH_V2=/path/to/old/synth ONLY=migrate scripts/bench.sh
#       # migrating a schema-2 database: SYNTH_V2 is `synth` built from commit ac53409 (the last
#       # to write schema 2), e.g. `git archive ac53409 | tar -x -C /tmp/v2` and
#       # `cargo build --release --example synth` there
#
# Uses hyperfine when it is installed (mean ± σ over RUNS runs), else a loop timed with
# `date +%s%N` (mean and fastest). Peak memory comes from GNU time (/usr/bin/time) when present.
# Commands that do not exist yet in this build (stats, import, optimize) are skipped with a note.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${BENCH_DIR:-/tmp/recall-bench}
RUNS=${RUNS:-10}
QUICK=0
[[ ${1:-} == --quick ]] && QUICK=1

export RECALL_NOW=2026-03-02T10:00:00Z TZ=UTC NO_COLOR=1
export XDG_CONFIG_HOME="$WORK/config"

echo "== building (release)"
cargo build --release --quiet
cargo build --release --quiet --example synth
R="$ROOT/target/release/recall"
S="$ROOT/target/release/examples/synth"
mkdir -p "$WORK/decks"

have() { command -v "$1" >/dev/null 2>&1; }

# section NAME: whether to run that section (all of them unless ONLY names some).
section() { [[ -z ${ONLY:-} || ",$ONLY," == *",$1,"* ]]; }

# time_cmd LABEL COMMAND... : prints "LABEL  mean ms  (fastest ms)  peak MB".
time_cmd() {
    local label=$1
    shift
    local mean best rss=""
    if have hyperfine; then
        local json="$WORK/hyperfine.json"
        hyperfine --runs "$RUNS" --warmup 1 --shell=none --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null
        mean=$(python3 -c "import json;r=json.load(open('$json'))['results'][0];print(f\"{r['mean']*1000:.1f} ± {r['stddev']*1000:.1f}\")")
        best=$(python3 -c "import json;r=json.load(open('$json'))['results'][0];print(f\"{r['min']*1000:.1f}\")")
    else
        "$@" >/dev/null 2>&1 || true # warm-up
        local total=0 t0 t1 d
        best=999999999
        for ((i = 0; i < RUNS; i++)); do
            t0=$(date +%s%N)
            "$@" >/dev/null 2>&1 || true
            t1=$(date +%s%N)
            d=$(((t1 - t0) / 1000))
            total=$((total + d))
            ((d < best)) && best=$d
        done
        mean=$(awk "BEGIN{printf \"%.1f\", $total/$RUNS/1000}")
        best=$(awk "BEGIN{printf \"%.1f\", $best/1000}")
    fi
    # CPU time (less disturbed than wall time when the machine is busy) and peak memory.
    if have python3; then
        rss=$("$ROOT/scripts/timeit.py" 3 -- "$@" | awk '{print "cpu " $2 " ms"}')
    fi
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -o "$WORK/rss.txt" -f "%M" "$@" >/dev/null 2>&1 </dev/null || true
        rss="$rss $(awk '{printf "peak %.0f MiB", $1/1024}' "$WORK/rss.txt")"
    fi
    printf '%-46s %14s ms  (fastest %s ms)  %s\n' "$label" "$mean" "$best" "$rss"
}

# first_question LABEL COMMAND... : from launch to the first answer prompt (needs python3).
first_question() {
    local label=$1
    shift
    if have python3; then
        printf '%-46s %s\n' "$label" "$("$ROOT/scripts/timeit.py" "$RUNS" --first-question -- "$@")"
    fi
}

# One answer: check, grade, durable commit, next card. A session answering N cards (wrong
# answers graded Easy, so no card comes back) minus one answering a single card, on fresh data
# directories, divided by N - 1; the mean of three such pairs.
per_answer() {
    local deck=$1 n=$2 data="$WORK/answers"
    local input="$WORK/answers-$n.txt"
    yes $'nope\n4' | head -n $((2 * n)) >"$input" || true
    local t0 t1 t2 t3 sum=0 answered
    for rep in 1 2 3; do
        rm -rf "$data"
        t0=$(date +%s%N)
        "$R" --data-dir "$data" study --deck "$deck" --new "$n" --limit 1 --no-input <"$input" >/dev/null
        t1=$(date +%s%N)
        rm -rf "$data"
        t2=$(date +%s%N)
        "$R" --data-dir "$data" study --deck "$deck" --new "$n" --limit "$n" --no-input <"$input" >/dev/null
        t3=$(date +%s%N)
        sum=$((sum + (t3 - t2) - (t1 - t0)))
    done
    answered=$(python3 -c "import sqlite3;print(sqlite3.connect('$data/progress.sqlite3').execute('select count(*) from reviews').fetchone()[0])")
    awk "BEGIN{printf \"%-46s %14.3f ms  (mean of 3 sessions of %d answers)\n\", \"one answer, $(basename "$deck" .toml)\", $sum/3/1e6/($answered-1), $answered}"
}

SIZES="1000 10000 100000"
REVIEWS="10000 100000 1000000"
((QUICK)) && SIZES="1000 10000" && REVIEWS="10000 100000"

echo "== generating data in $WORK"
for n in $SIZES; do
    f="$WORK/decks/synth$((n / 1000))k.toml"
    [[ -s $f ]] || "$S" deck --cards "$n" --id "synth$((n / 1000))k" >"$f"
done
for r in $REVIEWS; do
    d="$WORK/data-10k-$r"
    [[ -s $d/progress.sqlite3 ]] || "$S" history --deck "$WORK/decks/synth10k.toml" --reviews "$r" --data-dir "$d" --now "$RECALL_NOW" >/dev/null
done
mkdir -p "$WORK/decks-10k" && ln -sf "$WORK/decks/synth10k.toml" "$WORK/decks-10k/"
[[ -s $WORK/cards-10k.tsv ]] || "$S" tsv --rows 10000 >"$WORK/cards-10k.tsv"

if section size; then
    echo
    echo "== database size (10k-card deck; the log copy in cache/ not counted)"
    for r in $REVIEWS; do
        printf '%-46s %14s MB\n' "progress.sqlite3, $r reviews" \
            "$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$WORK/data-10k-$r/progress.sqlite3")/1e6}")"
    done
fi

if section check; then
echo
echo "== recall check (parse, generate, lint) by deck size"
for n in $SIZES; do
    time_cmd "check, $((n / 1000))k cards" "$R" check "$WORK/decks/synth$((n / 1000))k.toml"
done
fi

if section study; then
echo
echo "== launch to first question and out (stdin at end of input)"
for n in $SIZES; do
    rm -rf "$WORK/data-empty"
    time_cmd "study, $((n / 1000))k cards, no history" "$R" --data-dir "$WORK/data-empty" study --deck "$WORK/decks/synth$((n / 1000))k.toml" --no-input
done
for r in $REVIEWS; do
    time_cmd "study, 10k cards, $r reviews" "$R" --data-dir "$WORK/data-10k-$r" study --deck "$WORK/decks/synth10k.toml" --no-input
done
if have python3; then
    echo
    echo "== launch to the first question only (the clock stops at the first answer prompt)"
    for r in $REVIEWS; do
        first_question "first question, 10k cards, $r reviews" "$R" --data-dir "$WORK/data-10k-$r" study --deck "$WORK/decks/synth10k.toml" --no-input
    done
    rm -rf "$WORK/data-nocache" && mkdir -p "$WORK/data-nocache" && cp "$WORK/data-10k-${REVIEWS##* }/progress.sqlite3" "$WORK/data-nocache/"
    first_question "  the same, deck cache removed before each run" sh -c "rm -rf '$WORK/data-nocache/cache'; exec '$R' --data-dir '$WORK/data-nocache' study --deck '$WORK/decks/synth10k.toml' --no-input"
fi
fi

if section answer; then
echo
echo "== one answer in line mode: check, grade, durable commit, next card"
for n in $SIZES; do
    per_answer "$WORK/decks/synth$((n / 1000))k.toml" 1000
done
fi

if section status; then
echo
echo "== status (read-only open, every card's state)"
for r in $REVIEWS; do
    time_cmd "status, 10k cards, $r reviews" env RECALL_DECKS="$WORK/decks-10k" "$R" --data-dir "$WORK/data-10k-$r" status
done
fi

if ! section stats; then
    :
elif "$R" stats --help >/dev/null 2>&1; then
    echo
    echo "== stats"
    for r in $REVIEWS; do
        d="$WORK/data-10k-$r"
        time_cmd "stats, $r reviews" env RECALL_DECKS="$WORK/decks-10k" "$R" --data-dir "$d" stats
        time_cmd "  the same, log copy removed before each run" sh -c "rm -f '$d/cache/log.bin'; RECALL_DECKS='$WORK/decks-10k' exec '$R' --data-dir '$d' stats"
    done
else
    echo "== stats: skipped (no \`recall stats\` in this build)"
fi

if ! section import; then
    :
elif "$R" import deck --help >/dev/null 2>&1; then
    echo
    echo "== import deck"
    time_cmd "import deck, 10k-row TSV" sh -c "rm -rf '$WORK/import' && mkdir -p '$WORK/import' && cd '$WORK/import' && '$R' --data-dir '$WORK/import/data' import deck '$WORK/cards-10k.tsv'"
else
    echo "== import deck: skipped (no \`recall import deck\` in this build)"
fi

if ! section optimize; then
    :
elif "$R" optimize --help >/dev/null 2>&1 && "$R" import reviews --help >/dev/null 2>&1; then
    echo
    echo "== optimize"
    SAMPLE=${SAMPLE:-$ROOT/tests/fixtures/progress/anki-revlog-sample.csv}
    # Two shapes of a million reviews: 10,000 cards answered 100 times each (FSRS's training
    # items hold each card's history up to each answer, so they grow with the square of a
    # card's answers) and 96,000 cards answered about 10 times each, like the Anki sample; and
    # one card answered daily for 55 years (20,000 answers), the longest history.
    for log in "$SAMPLE" "$WORK/revlog-1card-20k.csv" $( ((QUICK)) || echo "$WORK/revlog-1m.csv $WORK/revlog-1m-96k.csv"); do
        [[ $log == "$WORK/revlog-1card-20k.csv" && ! -s $log ]] && "$S" revlog --reviews 20000 --cards 1 --daily --now "$RECALL_NOW" >"$log"
        [[ $log == "$WORK/revlog-1m.csv" && ! -s $log ]] && "$S" revlog --reviews 1000000 --now "$RECALL_NOW" >"$log"
        [[ $log == "$WORK/revlog-1m-96k.csv" && ! -s $log ]] && "$S" revlog --reviews 1000000 --cards 96000 --now "$RECALL_NOW" >"$log"
        d="$WORK/opt-$(basename "$log" .csv)"
        rm -rf "$d"
        "$R" --data-dir "$d" import reviews "$log" >/dev/null
        time_cmd "optimize, $(basename "$log" .csv)" "$R" --data-dir "$d" optimize
    done
else
    echo "== optimize: skipped (no \`recall optimize\` or \`recall import reviews\` in this build)"
fi

if section migrate && [[ -n ${SYNTH_V2:-} ]]; then
    echo
    echo "== migrating a schema-2 database (1M reviews) to the compact log, in place, with a backup"
    v2="$WORK/data-v2-1m"
    [[ -s $v2/progress.sqlite3 ]] || "$SYNTH_V2" history --deck "$WORK/decks/synth10k.toml" --reviews 1000000 --data-dir "$v2" --now "$RECALL_NOW" >/dev/null
    m="$WORK/data-v2-migrate"
    rm -rf "$m" && cp -r "$v2" "$m"
    before=$(stat -c %s "$m/progress.sqlite3")
    RUNS=1 time_cmd "migrate (the first read opens it)" sh -c "rm -rf '$m' && cp -r '$v2' '$m' && RECALL_DECKS='$WORK/decks-10k' exec '$R' --data-dir '$m' status"
    printf '%-46s %s MB -> %s MB (backup %s MB)\n' "  size" \
        "$(awk "BEGIN{printf \"%.1f\", $before/1e6}")" \
        "$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$m/progress.sqlite3")/1e6}")" \
        "$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$m/progress.sqlite3.v2.bak")/1e6}")"
fi
