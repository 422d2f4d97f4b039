#!/usr/bin/env bash
# Generates one migration under the same name for both databases. Usage: scripts/add-migration.sh Name
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for flavour in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Lantern.Web --startup-project src/Lantern.Web \
    --context "${flavour}LanternDbContext" \
    --output-dir "Core/Persistence/Migrations/${flavour}"
done
