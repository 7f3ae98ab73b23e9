#!/usr/bin/env bash
# The Spark benchmark: DOCS generated articles (default 1,000,000; `annals bench --stage feed`)
# as one JSON Lines file, through
#   1. `annals ingest` (one process on every core, into the embedded store),
#   2. `annals extract --jsonl-in` (one process, one core: the work Spark runs per partition),
#   3. the Spark job in local mode, local[2],
#   4. the Spark job on a standalone master with two one-core workers on loopback.
# Prints the seconds and articles/s of each. Needs pyspark (pip install pyspark) and Java 17.
#   deploy/spark/bench.sh [DOCS]
set -euo pipefail
cd "$(dirname "$0")/../.."
docs="${1:-1000000}"
annals="${ANNALS_BIN:-target/release/annals}"
work="${ANNALS_BENCH_DIR:-${TMPDIR:-/tmp}/annals-spark-bench}"
mkdir -p "$work"
feed="$work/feed.jsonl"
"$annals" bench --stage feed --docs "$docs" --output "$feed"
echo "feed: $docs articles, $(du -h "$feed" | cut -f1)"

results="$work/results.tsv"
: >"$results"
timed() {
  local name="$1"
  shift
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  awk -v n="$name" -v s="$start" -v e="$end" -v d="$docs" \
    'BEGIN { printf "%s\t%.1f\t%.0f\n", n, e - s, d / (e - s) }' | tee -a "$results"
}

# Spark's own output goes to a log; the job's counts line is shown.
spark() {
  local log="$1"
  shift
  "$@" 2>"$log" || { tail -30 "$log"; return 1; }
  grep -h "^records=" "$log" >&2 || true
}

rm -f "$work/store.db"*
timed "annals ingest (1 process, 2 cores)" \
  "$annals" ingest "$feed" --db "$work/store.db" --quiet
rm -f "$work/store.db"*
timed "annals extract --jsonl-in (1 core)" sh -c "'$annals' extract --jsonl-in <'$feed' >/dev/null"

rm -rf "$work/tables"
timed "Spark local[2]" spark "$work/local.log" python3 deploy/spark/annals_job.py --master 'local[2]' \
  --annals "$annals" --input "$feed" --output "$work/tables"
rm -rf "$work/tables"
master=$(deploy/spark/cluster.sh start 2)
trap 'deploy/spark/cluster.sh stop' EXIT
timed "Spark standalone, 2 workers x 1 core" spark "$work/standalone.log" spark-submit --master "$master" \
  deploy/spark/annals_job.py --annals "$annals" --input "$feed" --output "$work/tables"
rm -rf "$work/tables"

echo
printf "%-40s %10s %12s\n" "run" "seconds" "articles/s"
awk -F'\t' '{ printf "%-40s %10s %12s\n", $1, $2, $3 }' "$results"
