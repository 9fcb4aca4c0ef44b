#!/usr/bin/env bash
# Measure minrole's wall time and peak memory on three inputs, pinned to one core and on
# every core, and print the results as a Markdown table:
#   - a generated project, made by generate-project.py if missing: Benchmarks/work/project,
#     or js-project and ts-project with --language javascript or typescript,
#   - the orders-app example,
#   - catalog start-up alone (`minrole explain s3:GetObject`).
# Progress goes to stderr and the table to stdout, so `Benchmarks/run.sh > results.md` works.
set -euo pipefail
export LC_ALL=C

usage() {
    cat <<'EOF'
Usage: Benchmarks/run.sh [--runs N] [--binary PATH] [--language LANGUAGE]

  --runs N             measured runs per input and core setting (default 5); one unmeasured
                       warm-up run comes first
  --binary PATH        measure this minrole binary instead of building one with
                       `swift build -c release`
  --language LANGUAGE  handler language of the generated project: python (default),
                       javascript or typescript

The generated project is written to Benchmarks/work/project (python), js-project or
ts-project on the first run with that language and reused; delete the folder to regenerate it. Peak memory comes from GNU time -v (the GNU_TIME
environment variable, default /usr/bin/time) when it is installed, otherwise from polling
VmHWM in /proc/<pid>/status every 5 ms, which can miss a peak shorter than that.
EOF
}

die() {
    echo "run.sh: error: $*" >&2
    exit 1
}

note() {
    echo "run.sh: $*" >&2
}

runs=5
binary=""
language=python
gnu_time=${GNU_TIME-/usr/bin/time}
while (($# > 0)); do
    case "$1" in
    --runs)
        [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive whole number"
        runs=$2
        shift 2
        ;;
    --binary)
        [[ $# -ge 2 ]] || die "--binary needs a path"
        binary=$2
        shift 2
        ;;
    --language)
        [[ $# -ge 2 && $2 =~ ^(python|javascript|typescript)$ ]] ||
            die "--language needs one of python, javascript, typescript"
        language=$2
        shift 2
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        usage >&2
        die "unknown argument: $1"
        ;;
    esac
done

[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is required (EPOCHREALTIME is not set)"
for tool in python3 awk sort find taskset; do
    command -v "$tool" >/dev/null || die "$tool not found; install it (taskset is in util-linux)"
done

repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
benchmarks="$repository/Benchmarks"
work="$benchmarks/work"
case "$language" in
python) project="$work/project" language_label=Python ;;
javascript) project="$work/js-project" language_label=JavaScript ;;
typescript) project="$work/ts-project" language_label=TypeScript ;;
esac
example="$repository/Examples/orders-app"
mkdir -p "$work"

# ---------------------------------------------------------------- build and inputs

if [[ -z $binary ]]; then
    command -v swift >/dev/null || die "swift not found; install the Swift toolchain or pass --binary PATH"
    note "building: swift build -c release --product minrole"
    if ! (cd "$repository" && swift build -c release --product minrole >&2); then
        die "swift build -c release failed (output above); fix the build or pass --binary PATH"
    fi
    binary="$(cd "$repository" && swift build -c release --show-bin-path)/minrole"
fi
[[ -x $binary ]] || die "minrole binary not found or not executable: $binary"

if [[ ! -f $project/template.yaml ]]; then
    note "generating the benchmark project into $project"
    python3 "$benchmarks/generate-project.py" "$project" --force --language "$language" >&2 ||
        die "generate-project.py failed (output above)"
fi
[[ -f $example/template.yaml ]] || die "example project not found: $example"

# The handler files of the generated project's language, as find(1) name tests.
if [[ $language == python ]]; then
    code_names=(-name '*.py')
else
    code_names=(-name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.ts')
fi

# Bytes of the files minrole reads: Python, JavaScript and TypeScript handlers, and the
# templates. Files under node_modules are skipped, as minrole skips them.
source_bytes() {
    find "$1" -name node_modules -prune -o -type f \( -name '*.py' -o -name '*.js' -o -name '*.mjs' \
        -o -name '*.cjs' -o -name '*.ts' -o -name '*.yaml' -o -name '*.yml' \) -printf '%s\n' |
        awk '{ total += $1 } END { print total + 0 }'
}

# ---------------------------------------------------------------- one measured run

# Run a command once; set run_seconds and run_kilobytes (peak RSS of the command).
# $1 is "1" (pinned to CPU 0 with taskset) or "all"; the rest is the command.
measure_once() {
    local cores=$1
    shift
    local pin=()
    if [[ $cores == 1 ]]; then pin=(taskset -c 0); fi
    local stdout_file="$work/stdout.txt" stderr_file="$work/stderr.txt"
    local start end status=0

    if [[ -n $gnu_time && -x $gnu_time ]]; then
        start=$EPOCHREALTIME
        "${pin[@]}" "$gnu_time" -v -o "$work/time.txt" "$@" >"$stdout_file" 2>"$stderr_file" || status=$?
        end=$EPOCHREALTIME
        run_kilobytes=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    else
        start=$EPOCHREALTIME
        "${pin[@]}" "$@" >"$stdout_file" 2>"$stderr_file" &
        local pid=$! peak=0 current
        while kill -0 "$pid" 2>/dev/null; do
            current=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            if [[ -n $current ]] && ((current > peak)); then peak=$current; fi
            sleep 0.005
        done
        wait "$pid" || status=$?
        end=$EPOCHREALTIME
        run_kilobytes=$peak
    fi

    if ((status != 0)); then
        {
            echo "run.sh: error: command failed with exit status $status ($cores core setting):"
            echo "  $*"
            echo "last lines of its standard error:"
            tail -n 8 "$stderr_file" | sed 's/^/  /'
        } >&2
        exit 1
    fi
    run_seconds=$(awk -v start="$start" -v end="$end" 'BEGIN { printf "%.4f", end - start }')
}

# Fail when a run exited 0 but produced nothing, as a placeholder command would.
check_output() {
    local expected_file=$1
    if [[ -n $expected_file ]]; then
        [[ -s $expected_file ]] || die "minrole exited 0 but wrote nothing to $expected_file"
        rm -f "$expected_file"
    else
        [[ -s $work/stdout.txt ]] || die "minrole exited 0 but printed nothing"
    fi
}

# ---------------------------------------------------------------- a scenario

rows=()
declare -A best_by_scenario

# $1 label, $2 bytes of source (0 for none), $3 output file to check ("" for stdout), rest: command.
measure_scenario() {
    local label=$1 bytes=$2 output_file=$3
    shift 3
    local cores
    for cores in 1 all; do
        note "$label, $cores core(s): warm-up and $runs runs"
        measure_once "$cores" "$@"
        check_output "$output_file"
        local times=() peak=0 run
        for ((run = 1; run <= runs; run++)); do
            measure_once "$cores" "$@"
            check_output "$output_file"
            times+=("$run_seconds")
            if ((run_kilobytes > peak)); then peak=$run_kilobytes; fi
        done
        local sorted best median
        sorted=$(printf '%s\n' "${times[@]}" | sort -g)
        best=$(head -n 1 <<<"$sorted")
        median=$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")
        best_by_scenario["$label/$cores"]=$best
        rows+=("$(format_row "$label" "$cores" "$bytes" "$best" "$median" "$peak")")
    done
}

format_row() {
    local label=$1 cores=$2 bytes=$3 best=$4 median=$5 peak=$6
    local core_label=1 speedup="" throughput="-" megabytes="-"
    if [[ $cores == all ]]; then
        core_label=$(nproc)
        speedup=$(awk -v one="${best_by_scenario["$label/1"]}" -v all="$best" \
            'BEGIN { if (all > 0) printf "%.2fx", one / all; else print "-" }')
    fi
    if ((bytes > 0)); then
        megabytes=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
        throughput=$(awk -v b="$bytes" -v t="$best" 'BEGIN { if (t > 0) printf "%.1f", b / 1e6 / t; else print "-" }')
    fi
    local rss
    # Polling can miss every sample of a process that ends within 5 ms.
    rss=$(awk -v k="$peak" 'BEGIN { if (k > 0) printf "%.1f", k / 1024; else print "n/a" }')
    printf '| %s | %s | %s | %.3f | %.3f | %s | %s | %s |' \
        "$label" "$core_label" "$megabytes" "$best" "$median" "$throughput" "$rss" "${speedup:--}"
}

# ---------------------------------------------------------------- measurements

# The JSON goes to a file in the work folder, not /dev/null: minrole writes output through a
# temporary file and a rename, which must not replace a device node.
output_json="$work/output.json"
project_files=$(find "$project" -type f \( "${code_names[@]}" \) | wc -l)

measure_scenario "generated project ($project_files $language_label files)" "$(source_bytes "$project")" "$output_json" \
    "$binary" generate "$project" --format json --output "$output_json"
measure_scenario "Examples/orders-app" "$(source_bytes "$example")" "$output_json" \
    "$binary" generate "$example" --format json --output "$output_json"
measure_scenario "catalog start-up (explain s3:GetObject)" 0 "" \
    "$binary" explain s3:GetObject

# ---------------------------------------------------------------- report

cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
if [[ -n $gnu_time && -x $gnu_time ]]; then memory_source="$gnu_time -v"; else memory_source="VmHWM polled every 5 ms (a lower bound)"; fi

echo "## minrole benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) cores${cpu_model:+, $cpu_model}, $(uname -sr)"
echo "- binary: $binary"
echo "- runs: best and median of $runs after one warm-up run; 1 core = taskset -c 0"
echo "- wall time: measured around the whole launch, including GNU time or taskset when used"
echo "- peak RSS: $memory_source, the largest of the measured runs"
echo "- MB/s: handler source and YAML bytes (10^6 per MB) divided by the best time"
echo
echo "| input | cores | source MB | best s | median s | MB/s | peak RSS MB | speed-up |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
