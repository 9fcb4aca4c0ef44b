#!/bin/sh
# Measures PolicyEvaluator decisions per second in a release build (one core, uncached and cached).
# Usage: Benchmarks/evaluation/run.sh   (from the repository root)
set -eu
cd "$(dirname "$0")/../.."
MINROLE_BENCH_EVALUATION=1 swift test -c release -Xswiftc -enable-testing \
    --filter 'PolicyEvaluationTests.EvaluationBenchmark'
