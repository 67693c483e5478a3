#!/usr/bin/env bash
# Load test on loopback, bounded in time: wrk for 30 s with 50 connections against the signed-in organizations list
# and the minutes PDF, then again to see whether memory keeps growing. Prints requests/s, latency percentiles, errors
# and the portal's memory; then rounds of many open pages (Blazor circuits). Installs wrk from Debian when missing.
# Usage: scripts/load-test.sh [--postgres] [SECONDS]   (--postgres: on a throwaway PostgreSQL server instead of SQLite)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh
database=Sqlite
if [ "${1:-}" = "--postgres" ]; then database=Postgres; shift; fi
require_dotnet
need_package /usr/bin/chromium chromium
need_package wrk wrk
need_package curl curl
require_icu

seconds="${1:-30}"
port=5099
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
cleanup() {
  kill "${portal:-0}" 2>/dev/null || true; wait 2>/dev/null || true; pkill -f "chromium.*--headless" 2>/dev/null || true
  if [ "$database" = Postgres ]; then stop_throwaway_postgres; fi
  rm -rf "$work"
}
trap cleanup EXIT
connection=""
if [ "$database" = Postgres ]; then
  source scripts/postgres.sh
  require_postgres
  start_throwaway_postgres 54339
  connection="$POSTGRES_TEST_URL;Database=portal_load"
fi

# dotnet-gcdump forces a full garbage collection in the portal and counts what is still alive (circuits, heap).
gcdump=.build/tools/dotnet-gcdump
[ -x "$gcdump" ] || dotnet tool install --tool-path .build/tools dotnet-gcdump --version 10.0.750501 >/dev/null

echo "==> Building (Release)"
dotnet publish Portal/Portal.csproj -c Release -o .build/portal --nologo -v quiet
echo "==> Database: $database"
(cd .build/portal && ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Demo Portal__DemoData=true Portal__DataDirectory="$work/data" \
  Database__Provider="$database" ConnectionStrings__Portal="$connection" \
  Portal__Reminders__Enabled=false Logging__LogLevel__Default=Warning exec dotnet Portal.dll >"$work/portal.log" 2>&1) &
portal=$!
for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.3; done
pid=$(pgrep -f "dotnet Portal.dll" -n)

# Sign in as staff through the real form; wrk sends the cookie.
token=$(curl -s -c "$work/jar" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data "_handler=login" \
  --data-urlencode "Input.Email=staff@kktt.demo" --data-urlencode "Input.Password=Kktt-Demo-2567!" "$base/Account/Login"
cookie=$(awk '$6 ~ /^\.AspNetCore\.Identity\.Application/ {print $6"="$7}' "$work/jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
# wrk counts redirects as answers: make sure the cookie really opens the list rather than the sign-in page.
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/organizations")" = 200 ] || { echo "the cookie does not open /organizations" >&2; exit 1; }
workshop=""
for id in $(seq 1 10); do
  if curl -s -H "Cookie: $cookie" "$base/meetings/$id/minutes?lang=en" | grep -q "Aiyara"; then workshop=$id; break; fi
done
[ -n "$workshop" ] || { echo "the demo workshop was not found" >&2; exit 1; }

cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("  %.1f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d requests, %d errors (non-2xx/3xx %d)\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, errors, summary.errors.status))
end
LUA
memory() { echo "$(( $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup") / 1024 )) MB"; }
alive() { # what a full garbage collection leaves: the managed heap and the Blazor circuits still held
  "$gcdump" report -p "$pid" >"$work/heap.txt" 2>/dev/null
  local heap circuits
  heap=$(awk '/GC Heap bytes/ {gsub(",", "", $1); print int($1 / 1048576)}' "$work/heap.txt")
  circuits=$(awk '$3 == "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost" {gsub(",", "", $2); print $2}' "$work/heap.txt")
  echo "managed heap after a full GC ${heap} MB, circuits alive ${circuits:-0}"
}
run() { # run PATH
  wrk -t2 -c50 -d"${seconds}s" --timeout 30s -s "$work/report.lua" -H "Cookie: $cookie" "$base$1" | tail -1
}

echo "==> Portal memory after start-up: $(memory)"
# The JIT compiles the hot paths again, optimized, during the first seconds under load; measure after that.
echo "==> Warm-up: /organizations and the minutes PDF, 15 s each (not counted)"
wrk -t2 -c50 -d15s --timeout 30s -H "Cookie: $cookie" "$base/organizations" >/dev/null
wrk -t2 -c50 -d15s --timeout 30s -H "Cookie: $cookie" "$base/meetings/$workshop/minutes.pdf?lang=th" >/dev/null
for round in 1 2; do
  echo "==> Round $round: /organizations (signed in), 50 connections, ${seconds} s"
  run /organizations
  echo "==> Round $round: /meetings/$workshop/minutes.pdf?lang=th, 50 connections, ${seconds} s"
  run "/meetings/$workshop/minutes.pdf?lang=th"
  sleep 5
  echo "  portal memory (PSS) 5 s after round $round: $(memory)"
done
echo "  before the circuits: $(alive)"
echo "==> Many open pages at once (Blazor circuits, headless Chromium), opened and closed ${CIRCUIT_ROUNDS:-5} times"
(cd .build/portal && Portal__DataDirectory="$work/client" Logging__LogLevel__Default=Warning dotnet Portal.dll benchmark-circuits \
  --url "$base" --pid "$pid" --email staff@kktt.demo --password 'Kktt-Demo-2567!' --count "${CIRCUITS:-50}" --rounds "${CIRCUIT_ROUNDS:-5}")
echo "  after all rounds: $(alive)"
if grep -q " fail:\| crit:" "$work/portal.log"; then echo "==> The portal logged errors:"; grep -A3 " fail:\| crit:" "$work/portal.log" | head -20; exit 1; fi
echo "==> No errors logged by the portal"
