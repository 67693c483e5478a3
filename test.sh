#!/usr/bin/env bash
# Runs every test of the KKTT Partner Portal: unit, component (bUnit), integration (real app on a loopback
# port with a real SQLite file) and end-to-end (Debian's headless Chromium driven by Playwright).
# Ends with one line "N passed, N failed, N skipped" and exits non-zero if any test failed.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require.sh

require_dotnet
need_package /usr/bin/chromium chromium
need_package pdftotext poppler-utils
require_icu

export PORTAL_CHROMIUM="${PORTAL_CHROMIUM:-/usr/bin/chromium}"
# Playwright must use the Debian browser, never download one (the machine has no internet).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

echo "==> Building"
dotnet build Portal.sln -c Debug --nologo -v quiet

echo "==> Testing"
set +e
dotnet test Portal.sln --no-build --nologo --logger "trx;LogFileName=results.trx" --results-directory "$results" 2>&1 | tee "$results/output.txt"
status=${PIPESTATUS[0]}
set -e

summary=$(grep -E "^(Passed|Failed)!" "$results/output.txt" | tail -1 || true)
passed=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")
failed=$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$summary")
skipped=$(sed -nE 's/.*Skipped: *([0-9]+).*/\1/p' <<<"$summary")
if [ -z "$passed" ]; then
  echo "The test run did not report a summary (exit code $status)." >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
echo "${passed} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -ne 0 ] || [ "${failed:-0}" -ne 0 ]; then
  exit 1
fi
