#!/usr/bin/env bash
# Runs every test of the KKTT Partner Portal: unit, component (bUnit), integration (real app on a loopback
# port with a real SQLite file) and end-to-end (Debian's headless Chromium driven by Playwright); then the data and
# integration tests again on a throwaway PostgreSQL server (installed from Debian if missing, stopped afterwards).
# Ends with one line "N passed, N failed, N skipped" and exits non-zero if any test failed.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require.sh

require_dotnet
need_package /usr/bin/chromium chromium
need_package pdftotext poppler-utils
# swath, an independent Thai word segmenter, judges where the printed minutes break Thai lines (scripts/thai-line-breaks.pl).
need_package swath swath
# zbarimg, a real QR decoder, reads the check-in code off the printed attendance sheet (CheckInJourneyTests).
need_package zbarimg zbar-tools
# axe-core for the accessibility test (AccessibilityTests), installed from the npm registry at the pinned version.
need_package node nodejs
need_package npm npm
require_icu

export PORTAL_CHROMIUM="${PORTAL_CHROMIUM:-/usr/bin/chromium}"
# Playwright must use the Debian browser, never download one (the machine has no internet).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

need_package curl curl
source scripts/postgres.sh
require_postgres
source scripts/smtp4dev.sh

results="$(mktemp -d)"
trap 'stop_throwaway_postgres; stop_smtp4dev; rm -rf "$results"' EXIT

echo "==> Installing axe-core (pinned in .tools/axe/package-lock.json)"
npm ls --prefix .tools/axe >/dev/null 2>&1 || npm ci --prefix .tools/axe --no-audit --no-fund --loglevel=error

echo "==> Building"
dotnet build Portal.sln -c Debug --nologo -v quiet

total_passed=0 total_failed=0 total_skipped=0 status=0
run_tests() { # run_tests NAME [dotnet test arguments]
  local name="$1"; shift
  set +e
  dotnet test Portal.sln --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" 2>&1 | tee "$results/$name.txt"
  local code=${PIPESTATUS[0]}
  set -e
  local summary passed failed skipped
  summary=$(grep -E "^(Passed|Failed)!" "$results/$name.txt" | tail -1 || true)
  passed=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")
  failed=$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$summary")
  skipped=$(sed -nE 's/.*Skipped: *([0-9]+).*/\1/p' <<<"$summary")
  if [ -z "$passed" ]; then
    echo "The $name test run did not report a summary (exit code $code)." >&2
    failed=$(( ${failed:-0} + 1 ))
  fi
  total_passed=$(( total_passed + ${passed:-0} ))
  total_failed=$(( total_failed + ${failed:-0} ))
  total_skipped=$(( total_skipped + ${skipped:-0} ))
  [ "$code" -ne 0 ] && status=1
  return 0
}

echo "==> Starting smtp4dev (SMTP and its REST API on loopback) for the invitation e-mail tests"
start_smtp4dev "${PORTAL_TEST_SMTP_PORT:-25329}" "${PORTAL_TEST_SMTP_API_PORT:-25330}"

echo "==> Testing on SQLite (every test)"
run_tests sqlite

echo "==> Testing on PostgreSQL (data and integration tests, on a throwaway server on loopback)"
start_throwaway_postgres "${PORTAL_TEST_POSTGRES_PORT:-54329}"
PORTAL_TEST_POSTGRES="$POSTGRES_TEST_URL" run_tests postgres \
  --filter "(FullyQualifiedName~Portal.Tests.Services|FullyQualifiedName~Portal.Tests.Integration)&Database!=SqliteOnly"
stop_throwaway_postgres

echo "${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
if [ "$status" -ne 0 ] || [ "$total_failed" -ne 0 ]; then
  exit 1
fi
