#!/usr/bin/env bash
# Installs the Debian packages minrole builds against (libyaml, json-c and zlib headers and
# static archives) when any is missing. Needs root or sudo; does nothing when all are present.
set -euo pipefail

packages=(libyaml-dev libjson-c-dev zlib1g-dev)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    run_as_root=()
elif command -v sudo >/dev/null 2>&1; then
    run_as_root=(sudo)
else
    echo "error: ${missing[*]} missing and neither root nor sudo is available; install them and run again" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
