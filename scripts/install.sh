#!/usr/bin/env bash
# Installs what the build needs and builds the release binary at .build/release/minrole.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh
swift build -c release --product minrole --static-swift-stdlib
echo "Built $(pwd)/.build/release/minrole" >&2
