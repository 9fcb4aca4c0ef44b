#!/usr/bin/env python3
"""Build minrole's IAM catalog from the raw reference data folder.

Usage: python3 scripts/build-catalog.py DATA_DIR [--out REPO_ROOT] [--allow-shrink]

Writes Policies/ (services, sdk, helpers, forward access, corrections, provenance, licenses)
and Templates/sam/ under REPO_ROOT (default: the repository holding this script). The output
is deterministic: sorted keys, 2-space indent, trailing newline, no wall-clock dates. The
script rejects a catalog with fewer services or actions than the committed one unless
--allow-shrink is given. Python 3 standard library only.
"""

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogbuild.common import dump_json, read_json  # noqa: E402
from catalogbuild.extras import build_forward_access, build_helpers, build_sam  # noqa: E402
from catalogbuild.provenance import SOURCES, build_provenance  # noqa: E402
from catalogbuild.sdk import (CatalogError, apply_additions, apply_corrections, build_all_clients,  # noqa: E402
                              build_sdk_index, validate_helper_actions, validate_operation_actions)
from catalogbuild.services import build_all_services  # noqa: E402

CURATED = Path(__file__).resolve().parent / "curated"


def build(data_dir: Path) -> tuple:
    """Return ({relative path: text}, {relative path: bytes to copy}, stats)."""
    stats = Counter()
    services = build_all_services(data_dir, stats)
    clients = build_all_clients(data_dir, CURATED, services, stats)
    corrections = read_json(CURATED / "corrections.json")["corrections"]
    apply_corrections(clients, services, corrections)
    apply_additions(clients, services, read_json(CURATED / "added-actions.json")["additions"])
    validate_operation_actions(clients, services)

    stats["services"] = len(services)
    stats["actions"] = sum(len(service["actions"]) for service in services.values())
    stats["resourceTypes"] = sum(len(service["resourceTypes"]) for service in services.values())
    stats["corrections"] = len(corrections)
    stats["operationsWithoutActions"] = sum(
        1 for client in clients.values() for info in client["operations"].values() if not info["actions"])

    texts = {}
    for prefix, service in services.items():
        texts[f"Policies/services/{prefix}.json"] = dump_json(service)
    for name, client in clients.items():
        texts[f"Policies/sdk/{name}.json"] = dump_json(client)
    texts["Policies/sdk-index.json"] = dump_json(build_sdk_index(clients))
    helpers = build_helpers(data_dir, CURATED)
    validate_helper_actions(helpers, services)
    texts["Policies/helpers.json"] = dump_json(helpers)
    texts["Policies/forward-access.json"] = dump_json(build_forward_access(data_dir, CURATED))
    texts["Policies/corrections.json"] = dump_json({"corrections": corrections})
    for name, value in build_sam(data_dir).items():
        texts[f"Templates/sam/{name}"] = dump_json(value)
    texts["Policies/provenance.json"] = dump_json(build_provenance(dict(stats)))

    copies = {"Policies/README.md": (CURATED / "POLICIES-README.md").read_bytes()}
    for source, info in SOURCES.items():
        for file in info["licenseFiles"]:
            copies[f"Policies/licenses/{source}/{file}"] = (data_dir / source / file).read_bytes()
    return texts, copies, stats


def committed_counts(root: Path) -> tuple:
    services_dir = root / "Policies" / "services"
    if not services_dir.is_dir():
        return 0, 0
    files = sorted(services_dir.glob("*.json"))
    return len(files), sum(len(read_json(path)["actions"]) for path in files)


def write_tree(root: Path, texts: dict, copies: dict):
    """Write the new Policies/ and Templates/sam/ to a temporary folder beside them, then
    swap each into place with renames."""
    staging = Path(tempfile.mkdtemp(prefix=".catalog-", dir=root))
    try:
        for relative, text in texts.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for relative, data in copies.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for relative in ("Policies", "Templates/sam"):
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            retired = staging / (relative.replace("/", "-") + ".old")
            if target.exists():
                target.rename(retired)
            (staging / relative).rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the IAM catalog under Policies/ and Templates/sam/.")
    parser.add_argument("data_dir", type=Path, help="raw reference data folder (the one with SOURCES.md)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="repository root to write into (default: this script's repository)")
    parser.add_argument("--allow-shrink", action="store_true",
                        help="write even when the new catalog has fewer services or actions than the committed one")
    arguments = parser.parse_args()
    if not (arguments.data_dir / "aws-service-reference").is_dir():
        print(f"error: {arguments.data_dir} has no aws-service-reference/ folder; pass the raw data folder", file=sys.stderr)
        return 2
    try:
        texts, copies, stats = build(arguments.data_dir)
    except CatalogError as error:
        print(f"error: {error}. Fix the curated input under scripts/curated/ or the data folder.", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError) as error:
        print(f"error: failed to read the data folder {arguments.data_dir}: {type(error).__name__}: {error}. "
              "Check that it is the complete raw data folder described by its SOURCES.md.", file=sys.stderr)
        return 1
    old_services, old_actions = committed_counts(arguments.out)
    print(f"services: {stats['services']} (committed {old_services}), actions: {stats['actions']} (committed {old_actions})")
    for key, value in sorted(stats.items()):
        print(f"  {key}: {value}")
    if (stats["services"] < old_services or stats["actions"] < old_actions) and not arguments.allow_shrink:
        print("error: the new catalog is smaller than the committed one; nothing written. "
              "Check the data folder, or pass --allow-shrink if the shrink is expected.", file=sys.stderr)
        return 1
    write_tree(arguments.out, texts, copies)
    print(f"wrote {len(texts) + len(copies)} files under {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
