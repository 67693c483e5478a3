#!/usr/bin/env bash
# Builds and serves the KKTT Partner Portal with its demo data.
#   ASPNETCORE_URLS            where to listen (default http://localhost:5000)
#   Portal__DataDirectory      where the database lives (default ./data)
#   ASPNETCORE_ENVIRONMENT     default Demo; in Production no demo data is ever loaded
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require.sh

require_dotnet
# Chromium prints the minutes as PDF; the portal runs without it, but installs it here when it can.
need_package /usr/bin/chromium chromium
require_icu

echo "==> Building the portal"
dotnet publish Portal/Portal.csproj -c Release -o .build/portal --nologo -v quiet

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Demo}"
export Portal__DataDirectory="${Portal__DataDirectory:-$PWD/data}"
if [ "$ASPNETCORE_ENVIRONMENT" != "Production" ]; then
  export Portal__DemoData="${Portal__DemoData:-true}"
fi

echo "==> Serving on $ASPNETCORE_URLS (data in $Portal__DataDirectory, environment $ASPNETCORE_ENVIRONMENT)"
cd .build/portal
exec dotnet Portal.dll "$@"
