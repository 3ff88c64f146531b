#!/usr/bin/env bash
# Time and peak memory of recall on the large hostile inputs of issue 15 (the README's
# "Hostile input" figures). Each command runs once under GNU time with its address space
# capped (CAP_MB, default 4096), so a run that would need more fails instead of taking the
# machine; the exit code is printed beside the figures.
#
#   scripts/hostile-bench.sh            # release build, full sizes (about 400 MB of inputs)
#   scripts/hostile-bench.sh --quick    # inputs ten times smaller
#   RECALL=/path/to/recall BENCH_DIR=/some/dir scripts/hostile-bench.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${BENCH_DIR:-/tmp/recall-hostile}
CAP_MB=${CAP_MB:-4096}
QUICK= DIV=1
[[ ${1:-} == --quick ]] && QUICK=--quick DIV=10

export RECALL_NOW=2026-03-02T10:00:00Z TZ=UTC NO_COLOR=1
export XDG_CONFIG_HOME="$WORK/config"

if [[ -z ${RECALL:-} ]]; then
    echo "== building (release)"
    cargo build --release --quiet
    RECALL="$ROOT/target/release/recall"
fi
[[ -x /usr/bin/time ]] || { echo "needs GNU time (/usr/bin/time)"; exit 1; }

echo "== inputs in $WORK"
python3 "$ROOT/scripts/hostile_inputs.py" "$WORK" $QUICK
[[ -s $WORK/stdin-300mb.txt ]] || head -c $((300 * 1024 * 1024 / DIV)) /dev/zero | tr '\0' 'a' >"$WORK/stdin-300mb.txt"

# run LABEL STDIN COMMAND... : "LABEL  wall s  CPU s  peak MiB  exit code  first stderr line".
# CPU time (user + system) is the steadier figure on a busy machine.
run() {
    local label=$1 input=$2
    shift 2
    local data="$WORK/data" rc=0
    rm -rf "$data" "$WORK/out"
    mkdir -p "$WORK/out"
    (
        ulimit -v $((CAP_MB * 1024))
        cd "$WORK/out"
        /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S %M" "$@" --data-dir "$data" \
            <"$input" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt"
    ) || rc=$?
    local secs user sys kb
    read -r secs user sys kb < <(tail -n 1 "$WORK/time.txt")
    printf '%-44s %7s s %7s s CPU %6.0f MiB  rc %-3s %s\n' "$label" "$secs" \
        "$(awk "BEGIN{print $user + $sys}")" "$((kb / 1024))" "$rc" \
        "$(grep -v '^Command' "$WORK/stderr.txt" | head -n 1 | cut -c1-90)"
}

R=$RECALL
N=/dev/null
echo
echo "== answers of absurd length"
run "check, one 1 MB answer" $N "$R" check "$WORK/answer-1mb.toml"
run "check, two 50 MB answers" $N "$R" check "$WORK/answers-2x50mb.toml"
run "import deck, GIFT with two 8 MB answers" $N "$R" import deck "$WORK/answers-2x8mb.gift" -o "$WORK/gift8.toml"
if [[ -s $WORK/gift8.toml ]]; then
    run "check, that import" $N "$R" check "$WORK/gift8.toml"
    rm -f "$WORK/gift8.toml"
else
    echo "  (the import wrote nothing: nothing to check)"
fi

echo
echo "== a million cards as inline tables (and as [[card]] tables)"
for f in inline-1m tables-1m; do
    run "check, $f" $N "$R" check "$WORK/$f.toml"
    run "study, $f (no answer)" $N "$R" study --deck "$WORK/$f.toml" --no-input
    run "show --json, $f" $N "$R" show "$WORK/$f.toml" --json
done

echo
echo "== card ids from one repeated front or name"
run "import deck, 30,000 rows with one front" $N "$R" import deck "$WORK/same-front-30k.tsv" -o "$WORK/out/a.toml"
run "import deck, 30,000 GIFT questions, one name" $N "$R" import deck "$WORK/same-name-30k.gift" -o "$WORK/out/b.toml"

echo
echo "== a 52 MB article; 300 MB of standard input without a newline"
run "generate, 52 MB article" $N "$R" generate "$WORK/article-52mb.txt" -o "$WORK/out/draft.toml"
run "generate, 8 MB article" $N "$R" generate "$WORK/article-8mb.txt" -o "$WORK/out/draft.toml"
run "study, 300 MB answer line" "$WORK/stdin-300mb.txt" "$R" study --no-input
