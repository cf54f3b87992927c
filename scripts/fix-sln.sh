#!/usr/bin/env bash
# Resolves Analytics.sln merge conflicts by re-adding every project in the tree.
set -euo pipefail
cd "$(dirname "$0")/.."
git checkout --ours Analytics.sln 2>/dev/null || true
find src tests bench -name '*.csproj' 2>/dev/null | sort | xargs dotnet sln Analytics.sln add >/dev/null
git add Analytics.sln
