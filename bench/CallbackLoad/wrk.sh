#!/usr/bin/env bash
# The /报名 callback path measured with wrk in its own process, beside GET /healthz of the same bot as the ceiling.
#
#   bench/CallbackLoad/wrk.sh [--secs 10] [--warm 10] [--conns 50] [--runs 1] [--port 5184] [--syscalls] [name=path/to/UnionBot.dll …]
#
# wrk is the Debian/Ubuntu package `wrk` (apt-get install -y wrk). Without a build argument it measures the bot built
# with this bench (dotnet build -c Release). With several builds (e.g. before=/tmp/before/UnionBot.dll
# after=bench/CallbackLoad/bin/Release/net10.0/UnionBot.dll) each run starts every build in turn (A B A B …), each with
# a fresh database, so that a machine getting busier or quieter during the session affects every build alike.
# In a run a build gets GET /healthz, then the /报名 callbacks, each warmed up for --warm seconds right before it is
# measured for --secs (a profile of a 3 s warm-up found the JIT still recompiling the callback path, 15 % of the bot's
# CPU, during the first 5 s of the measurement: the tiers after the first need the path called again at each step).
# The line printed is both rates, their ratio, p50/p99 and the bot's CPU time per request of each, and whether the
# database holds exactly one sign-up per teacher. "(cpu …)" is /healthz's CPU per request over /报名's: the rate ratio the bot's own work allows,
# which other programs loading the machine disturb less than the rates themselves.
# --syscalls (needs perf, Debian package linux-perf, and root) adds what the bot asked the kernel per /报名 while it was
# measured: WAL writes (pwrite64), file locks (fcntl), file lengths (newlstat), thread waits and wake-ups (futex) and
# spinning threads giving their core away (sched_yield) — how a change moved the writer's batches shows up there.
set -euo pipefail

secs=10 warm=10 conns=50 runs=1 port=${PORT:-5184} syscalls=0
threads=2 # wrk's threads: the callbacks are split into a file for each (signups.lua)
builds=()
while [ $# -gt 0 ]; do
  case "$1" in
    --secs) secs=$2; shift 2 ;;
    --warm) warm=$2; shift 2 ;;
    --conns) conns=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --syscalls) syscalls=1; shift ;;
    *=*) builds+=("$1"); shift ;;
    *) echo "usage: $0 [--secs S] [--warm W] [--conns C] [--runs N] [--port P] [--syscalls] [name=path/to/UnionBot.dll …]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk (Debian/Ubuntu package)" >&2; exit 2; }
counted="pwrite64 fcntl newlstat futex sched_yield"
if [ "$syscalls" = 1 ]; then
  perf stat -x, -e syscalls:sys_enter_futex -- true >/dev/null 2>&1 ||
    { echo "--syscalls needs perf with the syscall tracepoints: apt-get install -y linux-perf, as root" >&2; exit 2; }
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
url="http://127.0.0.1:$port"
token=bench-token aes=jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C
tmp=$(mktemp -d)
bot=
trap '[ -n "$bot" ] && kill "$bot" 2>/dev/null; rm -rf "$tmp"' EXIT

dotnet build -c Release bench/CallbackLoad -v q -nologo >/dev/null
[ ${#builds[@]} -gt 0 ] || builds=("now=bench/CallbackLoad/bin/Release/net10.0/UnionBot.dll")
gen() { dotnet bench/CallbackLoad/bin/Release/net10.0/CallbackLoad.dll generate --out "$1" --requests "$2" --prefix "$3" --token $token --aes-key $aes >/dev/null; }
# Enough distinct callbacks for a run at 40 000/s (on a quiet 2-core machine /报名 runs at about 20 000/s): a wrk thread
# that runs out would send redeliveries, which skip the command and flatter the figure (the line then says REPEATED).
# Every bot starts with an empty database, so the same callbacks serve every run (their timestamps stay valid an hour).
gen "$tmp/warm.txt" $((warm * 40000)) warm
gen "$tmp/run.txt" $((secs * 40000)) run
# Each callback as the HTTP request wrk sends, one file per wrk thread (signups.lua says why): with two threads lines
# 2, 4, … to thread 0 and lines 3, 5, … to thread 1, each request preceded by its length in bytes on a line of its own.
for f in warm run; do
  LC_ALL=C awk -v out="$tmp/$f.txt" -v threads=$threads 'NR > 1 {
    tab = index($0, "\t"); body = substr($0, tab + 1)
    r = "POST " substr($0, 1, tab - 1) " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " length(body) "\r\n\r\n" body
    printf "%d\n%s", length(r), r > (out "." ((NR - 2) % threads))
  }' "$tmp/$f.txt"
done

# "rate p50 p99 cpu" of a wrk --latency run: Requests/sec, the 50% and 99% latencies, and the bot's CPU time per request
# (user + system, from /proc/<pid>/stat, in ms): what a request costs the server whatever else loads the machine.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # count-syscalls wrk-arguments…
  local count=$1 before after counting=
  shift
  rm -f "$tmp/perf.csv"
  if [ "$count" = 1 ]; then
    # Counted over the same seconds as wrk runs, started just before it.
    perf stat -x, $(for c in $counted; do printf -- '-e syscalls:sys_enter_%s ' "$c"; done) -p "$bot" -o "$tmp/perf.csv" \
      -- sleep "$secs" >/dev/null 2>&1 &
    counting=$!
  fi
  before=$(cpu_ticks "$bot")
  wrk -t$threads -c"$conns" -d"${secs}s" --latency "$@" > "$tmp/wrk.out" 2>&1
  after=$(cpu_ticks "$bot")
  [ -z "$counting" ] || wait "$counting"
  touch "$tmp/perf.csv"
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -F'[ ,]+' '
    FILENAME ~ /perf.csv$/ { if ($2 ~ /^syscalls:sys_enter_/) { sub(/^syscalls:sys_enter_/, "", $2); calls[++k] = $2; count[k] = $1 }; next }
    /^Requests\/sec/ {r=$2} $2=="50%" {p50=$3} $2=="99%" {p99=$3} / requests in / {n=$2} /Non-2xx|Socket errors|REPEATED/ {e=e" "$0}
    END {
      printf "%s %s %s %.3f", r, p50, p99, (n ? ticks * 1000 / hz / n : 0)
      if (k) { printf " | per request:"; for (i = 1; i <= k; i++) printf " %s %.2f", calls[i], (n ? count[i] / n : 0) }
      printf "%s\n", (e ? " |" e : "")
    }' "$tmp/perf.csv" "$tmp/wrk.out"
}

run_once() { # name dll run-number
  local name=$1 dll=$2 i=$3 db=$tmp/bench-$1-$3.db health signups
  if curl -s -o /dev/null "$url/healthz"; then echo "port $port is already in use" >&2; exit 1; fi
  dotnet "$dll" --UnionBot:Urls="$url" \
    --UnionBot:Database="Data Source=$db" --UnionBot:Admins:0=bench-chair \
    --UnionBot:Channels:0:Id=wecom-all --UnionBot:Channels:0:Platform=WeCom \
    --UnionBot:Channels:0:Token=$token --UnionBot:Channels:0:EncodingAesKey=$aes --Logging:LogLevel:Default=Error >/dev/null &
  bot=$!
  until curl -sf "$url/healthz" >/dev/null; do kill -0 "$bot" || exit 1; sleep 0.2; done
  # The chair's /发起报名 (first line of each file); each path is then warmed up until the JIT has optimised it.
  for f in warm run; do
    head -1 "$tmp/$f.txt" | { IFS=$'\t' read -r path body; curl -sf -H 'Content-Type: application/json' -d "$body" "$url$path" >/dev/null; }
  done
  wrk -t$threads -c"$conns" -d"${warm}s" "$url/healthz" >/dev/null
  health=$(measure 0 "$url/healthz")
  wrk -t$threads -c"$conns" -d"${warm}s" -s bench/CallbackLoad/signups.lua "$url" -- "$tmp/warm.txt" $threads >/dev/null
  signups=$(measure "$syscalls" -s bench/CallbackLoad/signups.lua "$url" -- "$tmp/run.txt" $threads)
  kill "$bot"; wait "$bot" 2>/dev/null || true; bot=
  python3 - "$db" "$name" "$i" "$health" "$signups" <<'PY'
import sqlite3, sys
db, name, run, health, signups = sys.argv[1:]
users, entries = sqlite3.connect(db).execute(
    "SELECT COUNT(DISTINCT user_id), COUNT(*) FROM signup_entries WHERE user_id LIKE 'run-%'").fetchone()
h, s = health.split(), signups.split()
print(f"{name:>8} run {run}: /healthz {float(h[0]):6.0f}/s p50 {h[1]:>7} p99 {h[2]:>8} cpu {h[3]} ms | "
      f"/报名 {float(s[0]):6.0f}/s p50 {s[1]:>7} p99 {s[2]:>8} cpu {s[3]} ms | ratio {float(s[0]) / float(h[0]):5.1%} "
      f"(cpu {float(h[3]) / float(s[3]):5.1%}) | "
      f"{entries} sign-ups, {users} teachers, {'OK' if users == entries else 'DOUBLED'}{' ' + ' '.join(h[4:] + s[4:]) if h[4:] + s[4:] else ''}", flush=True)
PY
  rm -f "$db" "$db-wal" "$db-shm"
}

for i in $(seq 1 "$runs"); do
  for b in "${builds[@]}"; do run_once "${b%%=*}" "${b#*=}" "$i"; done
done
