#!/usr/bin/env bash
# Time to the first /healthz 200 and resident memory when idle, for one or more builds of the bot, run alternately
# (A B A B …) so that a machine that gets busier or quieter during the run affects every build alike.
#
#   bench/Startup/measure.sh [--runs N] [--port P] [--idle S] [--command TEXT] name=/path/to/UnionBot [name2=… …]
#
# Each build is started in its own folder (a published bot reads config/, seeds/ and data/ there), with
# --UnionBot:Urls on the given port. The clock starts just before the process is launched and stops at the first 200
# from /healthz (polled every 10 ms with curl). After S seconds of idling (default 15) VmRSS and VmHWM are read from
# /proc/<pid>/status, then the bot is stopped with SIGTERM. VmRSS is also split in two: RssFile, the clean pages of the
# executable and libraries (how many of them are mapped depends on how much of each file the page cache holds, which
# other processes change), and RssAnon + RssShmem, the bot's own memory (heaps, stacks, the runtime's type data and
# compiled code), which does not. With --command, after the memory is read, TEXT is sent once as teacher-li through the
# local page (POST /local/messages) and the time to its answer is printed: the first command of an idle bot, which pays
# for whatever the start left to first use. Public tools only: bash, curl, date, awk, sort.
set -euo pipefail

runs=10 port=5185 idle=15 command=""
builds=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --command) command=$2; shift 2 ;;
    *=*) builds+=("$1"); shift ;;
    *) echo "usage: $0 [--runs N] [--port P] [--idle S] [--command TEXT] name=/path/to/UnionBot …" >&2; exit 2 ;;
  esac
done
[ ${#builds[@]} -gt 0 ] || { echo "usage: $0 [--runs N] [--port P] [--idle S] [--command TEXT] name=/path/to/UnionBot …" >&2; exit 2; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT

run_once() { # name binary → appends "name ms rss_kb hwm_kb file_kb own_kb" to $results
  local name=$1 bin=$2 dir pid start code ms status rss hwm file own cmd=0 sent
  dir=$(dirname "$bin")
  if curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; then echo "port $port is already in use" >&2; exit 1; fi
  start=$(date +%s%N)
  (cd "$dir" && exec "$bin" "--UnionBot:Urls=http://127.0.0.1:$port" >/dev/null 2>&1) &
  pid=$!
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$name exited before /healthz answered" >&2; exit 1; }
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  [ "$code" = 200 ] || { echo "$name: no 200 from /healthz after 30 s" >&2; kill "$pid"; exit 1; }
  sleep "$idle"
  status=/proc/$pid/status
  rss=$(awk '/^VmRSS:/ {print $2}' "$status")
  hwm=$(awk '/^VmHWM:/ {print $2}' "$status")
  file=$(awk '/^RssFile:/ {print $2}' "$status")
  own=$(awk '/^RssAnon:|^RssShmem:/ {s += $2} END {print s}' "$status")
  if [ -n "$command" ]; then
    sent=$(date +%s%N)
    curl -s -o /dev/null -H 'Content-Type: application/json' --data "{\"userId\":\"teacher-li\",\"text\":\"$command\"}" \
      "http://127.0.0.1:$port/local/messages"
    cmd=$(( ($(date +%s%N) - sent) / 1000000 ))
  fi
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  awk -v n="$name" -v i="$3" -v ms="$ms" -v rss="$rss" -v hwm="$hwm" -v file="$file" -v own="$own" -v cmd="$cmd" -v c="$command" \
    'BEGIN {printf "%-10s run %2d: healthz 200 after %5d ms, idle RSS %6.1f MB = files %5.1f + own %5.1f (peak %6.1f MB)%s\n", n, i, ms, rss / 1024, file / 1024, own / 1024, hwm / 1024, c == "" ? "" : sprintf(", first command %d ms", cmd)}'
  echo "$name $ms $rss $hwm $file $own $cmd" >> "$results"
}

for b in "${builds[@]}"; do # one unrecorded start each: creates data/ and warms the disk cache alike
  run_once "${b%%=*}" "${b#*=}" 0 >/dev/null
done
sed -i d "$results"
for i in $(seq 1 "$runs"); do
  for b in "${builds[@]}"; do run_once "${b%%=*}" "${b#*=}" "$i"; done
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo
printf '%-10s %14s %16s %12s %12s %16s\n' build "median start" "median idle RSS" "files" "own" "median peak RSS"
first_ms="" first_rss=""
for b in "${builds[@]}"; do
  name=${b%%=*}
  ms=$(awk -v n="$name" '$1 == n {print $2}' "$results" | median)
  rss=$(awk -v n="$name" '$1 == n {print $3 / 1024}' "$results" | median)
  hwm=$(awk -v n="$name" '$1 == n {print $4 / 1024}' "$results" | median)
  file=$(awk -v n="$name" '$1 == n {print $5 / 1024}' "$results" | median)
  own=$(awk -v n="$name" '$1 == n {print $6 / 1024}' "$results" | median)
  cmd=$(awk -v n="$name" '$1 == n {print $7}' "$results" | median)
  ratio=""
  if [ -z "$first_ms" ]; then first_ms=$ms first_rss=$rss
  else ratio=$(awk -v a="$first_ms" -v b="$ms" -v r="$first_rss" -v s="$rss" 'BEGIN {printf "  (start %.2fx, idle RSS %.2fx of %s)", b / a, s / r, "'"${builds[0]%%=*}"'"}'); fi
  printf '%-10s %11.0f ms %13.1f MB %9.1f MB %9.1f MB %13.1f MB%s%s\n' "$name" "$ms" "$rss" "$file" "$own" "$hwm" \
    "$([ -n "$command" ] && printf '  first command %.0f ms' "$cmd")" "$ratio"
done
