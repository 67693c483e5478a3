#!/usr/bin/env bash
# Adds an EF Core migration for both databases: ./scripts/add-migration.sh NAME
# Each provider keeps its own migrations and model snapshot (Portal/Data/Migrations/Sqlite and .../Postgres).
# Both snapshots are named PortalDbContextModelSnapshot.cs and EF Core's scaffolder updates the first file of that
# name it finds, so the other provider's snapshot is moved out of the way while each migration is generated.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
migrations=Portal/Data/Migrations
parked="$(mktemp -d)"
restore() { for p in Sqlite Postgres; do [ -f "$parked/$p.cs" ] && mv "$parked/$p.cs" "$migrations/$p/PortalDbContextModelSnapshot.cs"; done; rm -rf "$parked"; }
trap restore EXIT

dotnet tool restore >/dev/null
add() { # add PROVIDER OTHER [design-time arguments]
  local provider="$1" other="$2"; shift 2
  [ -f "$migrations/$other/PortalDbContextModelSnapshot.cs" ] && mv "$migrations/$other/PortalDbContextModelSnapshot.cs" "$parked/$other.cs"
  dotnet ef migrations add "$name" --project Portal --output-dir "Data/Migrations/$provider" --namespace "Portal.Data.Migrations.$provider" -- "$@"
  [ -f "$parked/$other.cs" ] && mv "$parked/$other.cs" "$migrations/$other/PortalDbContextModelSnapshot.cs"
  # A provider's very first snapshot lands under a folder named after the root namespace; put it with its migrations.
  if [ -f "Portal/Portal/Data/Migrations/$provider/PortalDbContextModelSnapshot.cs" ]; then
    mv "Portal/Portal/Data/Migrations/$provider/PortalDbContextModelSnapshot.cs" "$migrations/$provider/"
    rm -rf Portal/Portal
  fi
}
add Sqlite Postgres
# Generating needs no server: the connection string is only there to choose the provider.
add Postgres Sqlite --Database:Provider=Postgres "--ConnectionStrings:Portal=Host=127.0.0.1;Database=design"
