#!/usr/bin/env bash
# Runs every check: the unit and end-to-end tests, the formatter, and, when the raw reference
# data folder is beside the checkout (../shared/data), that the committed catalog is what the
# build script makes from it. Installs the Debian packages the build needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh

echo "== format" >&2
swift format lint --strict -r Package.swift Sources Tests

echo "== catalog" >&2
data_dir="${MINROLE_REFERENCE_DATA:-../shared/data}"
if [ -d "$data_dir/aws-service-reference" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    python3 scripts/build-catalog.py "$data_dir" --out "$scratch" >/dev/null
    if ! diff -r -q "$scratch/Policies" Policies || ! diff -r -q "$scratch/Templates/sam" Templates/sam; then
        echo "error: Policies/ or Templates/sam/ differs from what scripts/build-catalog.py makes from $data_dir; run it and commit the result" >&2
        exit 1
    fi
    echo "Policies/ and Templates/sam/ match $data_dir" >&2
    python3 -m unittest discover -s scripts/tests
else
    echo "skipped: $data_dir not found, so the catalog rebuild check did not run" >&2
fi

echo "== sarif" >&2
schema="$data_dir/sarif/sarif-schema-2.1.0.json"
if [ -f "$schema" ]; then
    if [ ! -x .build/venv/bin/python ]; then
        python3 -m venv .build/venv
    fi
    .build/venv/bin/python -c "import jsonschema" 2>/dev/null || .build/venv/bin/pip install --quiet jsonschema
    swift build --product minrole
    bin="$(swift build --show-bin-path)/minrole"
    sarif_dir=$(mktemp -d)
    "$bin" lint Examples/orders-app --format sarif --exit-zero --output "$sarif_dir/orders-app.lint.sarif"
    "$bin" lint Examples/risky-policies --format sarif --exit-zero --output "$sarif_dir/risky-policies.lint.sarif"
    "$bin" check Examples/orders-app --format sarif --exit-zero --output "$sarif_dir/orders-app.check.sarif" 2>/dev/null
    .build/venv/bin/python scripts/validate-sarif.py "$schema" "$sarif_dir"/*.sarif
    rm -rf "$sarif_dir"
else
    echo "skipped: $schema not found, so the SARIF schema check did not run" >&2
fi

echo "== benchmark generator" >&2
python3 -m unittest discover -s Benchmarks -p 'test_*.py'

echo "== tests" >&2
swift build --build-tests
log=$(mktemp)
set +e
swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E "Test run with [0-9]+ tests?" "$log" | tail -n 1 || true)
passed=$(printf '%s' "$summary" | sed -nE 's/.*Test run with ([0-9]+) tests?.*/\1/p')
failed=$(grep -cE "^✘ Test .* failed" "$log" || true)
rm -f "$log"
if [ -n "$passed" ]; then
    echo "tests: $((passed - failed)) passed, $failed failed"
fi
exit "$status"
