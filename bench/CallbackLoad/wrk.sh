#!/bin/sh
# The callback path measured with wrk (Debian package `wrk`) in its own process, beside GET /healthz as the ceiling.
# usage: bench/CallbackLoad/wrk.sh [seconds=10] [connections=50]   (env PORT=5184, BOT_DLL=… to measure another build)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-10}; conns=${2:-50}; port=${PORT:-5184}; url="http://127.0.0.1:$port"
token=bench-token; aes=jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C
tmp=$(mktemp -d)
cd "$root"
dotnet build -c Release bench/CallbackLoad -v q -nologo >/dev/null
gen() { dotnet bench/CallbackLoad/bin/Release/net10.0/CallbackLoad.dll generate --out "$1" --requests "$2" --prefix "$3" --token $token --aes-key $aes >/dev/null; }
# Enough distinct callbacks for the run at 10 000/s: a thread that runs out would send redeliveries.
gen "$tmp/warm.txt" 20000 warm
gen "$tmp/run.txt" $((secs * 10000)) run
dotnet "${BOT_DLL:-bench/CallbackLoad/bin/Release/net10.0/UnionBot.dll}" --UnionBot:Urls="$url" \
  --UnionBot:Database="Data Source=$tmp/bench.db" --UnionBot:Admins:0=bench-chair \
  --UnionBot:Channels:0:Id=wecom-all --UnionBot:Channels:0:Platform=WeCom \
  --UnionBot:Channels:0:Token=$token --UnionBot:Channels:0:EncodingAesKey=$aes --Logging:LogLevel:Default=Error &
bot=$!
trap 'kill $bot 2>/dev/null; rm -rf "$tmp"' EXIT
until curl -sf "$url/healthz" >/dev/null; do sleep 0.2; done
post() { head -1 "$1" | { IFS="$(printf '\t')" read -r path body; curl -sf -H 'Content-Type: application/json' -d "$body" "$url$path" >/dev/null; }; }
post "$tmp/warm.txt"
# Warm-up until the JIT has optimised the hot paths, then the two measured runs.
wrk -t2 -c"$conns" -d3s "$url/healthz" >/dev/null
wrk -t2 -c"$conns" -d3s -s bench/CallbackLoad/signups.lua "$url" -- "$tmp/warm.txt" 2 >/dev/null
echo "== GET /healthz"; wrk -t2 -c"$conns" -d"${secs}s" --latency "$url/healthz" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
echo "== /报名 callbacks"; wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/CallbackLoad/signups.lua "$url" -- "$tmp/run.txt" 2 \
  | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors|requests in" || true
python3 - "$tmp/bench.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
users, entries = db.execute("SELECT COUNT(DISTINCT user_id), COUNT(*) FROM signup_entries WHERE user_id LIKE 'run-%'").fetchone()
print(f"database: {entries} sign-ups of the measured run, {users} distinct teachers, {'OK' if users == entries else 'DOUBLED'}")
PY
