#!/usr/bin/env bash
# Measures Spark's cold start to first answer and its resident memory as a service.
#   scripts/cold-start.sh [DATABASE_DIR [JAR]]
# Starts ./spark (or `java -jar JAR` with the same options, to compare jar layouts side by side) on DATABASE_DIR
# (default ./data/neo4j; use one that holds the corpus), polls a searchDocs query until it answers, sends 50 more
# queries, then reads the process's resident memory and stops it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
home="${1:-./data/neo4j}"
# measures what ./spark runs: build and extract first (if needed), outside the timing
"$root/spark" --help > /dev/null
query='{"query":"{ searchDocs(query: \"stable sort with mergesort in numpy\", k: 3) { api } }"}'
start=$(date +%s%N)
if [ -n "${2:-}" ]; then
  # the options ./spark passes, so that only the jar's layout differs
  # shellcheck disable=SC2086
  SPARK_NEO4J_HOME="$home" java ${SPARK_JAVA_OPTS:-} -Djna.tmpdir="$root/target/jna" -DDJL_CACHE_DIR="$root/target/djl" -jar "$2" > /tmp/spark-cold-start.log 2>&1 &
else
  SPARK_NEO4J_HOME="$home" "$root/spark" > /tmp/spark-cold-start.log 2>&1 &
fi
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf -m 2 http://127.0.0.1:8080/graphql -H 'Content-Type: application/json' -d "$query" | grep -q '"api"'; do
  kill -0 $pid 2>/dev/null || { echo "Spark exited; see /tmp/spark-cold-start.log" >&2; exit 1; }
  sleep 0.1
done
first=$(( ($(date +%s%N) - start) / 1000000 ))
for _ in $(seq 50); do
  curl -s -o /dev/null -w '%{time_total}\n' http://127.0.0.1:8080/graphql -H 'Content-Type: application/json' -d "$query"
done | sort -n | awk '{a[NR]=$1} END {printf "searchDocs over HTTP (curl, 50 calls): p50 %.1f ms, max %.1f ms\n", a[int(NR/2)+1]*1000, a[NR]*1000}'
rss=$(ps -o rss= -p $pid)
echo "cold start to first answer: ${first} ms"
echo "resident memory after 51 queries: $((rss / 1024)) MiB"
