#!/bin/sh
# Measure the CloudTrail reader on a generated folder, in a release build.
#   Benchmarks/cloudtrail/run.sh FOLDER [all|role] [THREADS]
# The build passes -enable-testing because the tests import internal API with @testable.
# "all" parses every record; "role" (the default) selects the generator's role, so most
# records are skipped before parsing. Generate FOLDER with generate.py first.
set -eu
folder=${1:?usage: run.sh FOLDER [all|role] [THREADS]}
mode=${2:-role}
threads=${3:-2}
cd "$(dirname "$0")/../.."
swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
MINROLE_BENCH_CLOUDTRAIL="$folder" MINROLE_BENCH_SELECT="$mode" MINROLE_BENCH_THREADS="$threads" \
    swift test -c release -Xswiftc -enable-testing --skip-build --filter CloudTrailBenchmark 2>&1 | grep -A4 "cloudtrail benchmark"
