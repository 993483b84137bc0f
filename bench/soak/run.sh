#!/usr/bin/env bash
# Soak test on demand: the API (Release) under mixed load (login, me, refresh, logout, failed logins)
# on loopback for FULLAUTH_SOAK_SECONDS (default 600 = 10 minutes), sampling its RSS once a second.
# Fails on an RSS growth trend or any 5xx. The same test runs for 60 s in CI (tests/Hardening.Tests).
#   bench/soak/run.sh            # 10 minutes
#   bench/soak/run.sh 1800       # 30 minutes
set -euo pipefail
cd "$(dirname "$0")/../.."
export FULLAUTH_SOAK_SECONDS="${1:-${FULLAUTH_SOAK_SECONDS:-600}}"
dotnet build FullAuth.sln -c Release -warnaserror >/dev/null
dotnet test --project tests/Hardening.Tests/Hardening.Tests.csproj -c Release --no-build -- \
  --filter-class "*SoakTests" --output Detailed
