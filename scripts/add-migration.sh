#!/usr/bin/env bash
# Adds an EF Core migration for both databases: ./scripts/add-migration.sh NAME
# Each database has a migrations project of its own (migrations/Sqlite, migrations/Postgres) with its own model
# snapshot; Portal is the startup project, whose settings choose the provider.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"

dotnet tool restore >/dev/null
# The migrations projects are built by Portal's own build, which does not restore them: a fresh clone needs this.
dotnet restore Portal.sln --nologo -v quiet
# Building Portal builds both migrations projects too (Portal.csproj, target BuildMigrations).
dotnet build Portal/Portal.csproj --nologo -v quiet
add() { # add PROVIDER [design-time arguments]
  local provider="$1"; shift
  dotnet ef migrations add "$name" --no-build --project "migrations/$provider" --startup-project Portal \
    --output-dir . --namespace "Portal.Migrations.$provider" -- "$@"
}
add Sqlite
# Generating needs no server: the connection string is only there to choose the provider.
add Postgres --Database:Provider=Postgres "--ConnectionStrings:Portal=Host=127.0.0.1;Database=design"
