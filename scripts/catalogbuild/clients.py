"""Per-client SDK files: names across SDKs, operations with their actions, paginators,
waiters and the boto3 resource API."""

from pathlib import Path

from .common import read_json, snake_case

IDENTIFIER_SUFFIXES = {"Name", "Arn", "Id", "Url"}


def reference_operations(data_dir: Path) -> dict:
    """(boto3 client, operation) → the service reference entries that list it."""
    table = {}
    for path in sorted((data_dir / "aws-service-reference").glob("*.json")):
        reference = read_json(path)
        for operation in reference.get("Operations", []):
            actions, context = [], {}
            for authorized in operation.get("AuthorizedActions", []):
                full_name = f"{authorized['Service']}:{authorized['Name']}"
                actions.append(full_name)
                if authorized.get("Context"):
                    context[full_name] = authorized["Context"]
            for sdk in operation.get("SDK", []):
                entry = {"file": reference["Name"], "actions": actions, "context": context, "method": sdk["Method"]}
                table.setdefault((sdk["Name"], operation["Name"]), []).append(entry)
    return table


def iam_prefix_for(client: str, info: dict, renames: dict, services: dict) -> str:
    candidates = [renames.get(client)]
    files = info.get("serviceReferenceFiles", {})
    candidates += sorted(files, key=lambda name: (-files[name], name))
    candidates += [info.get("signingName"), info.get("endpointPrefix"), client]
    for candidate in candidates:
        if candidate and candidate in services:
            return candidate
    return renames.get(client) or client


def jsv2_classes_by_client(data_dir: Path) -> dict:
    crosswalk = read_json(data_dir / "derived" / "jsv2-client-crosswalk.json")["clients"]
    table = {}
    for class_name, entry in sorted(crosswalk.items()):
        table.setdefault(entry["boto3Client"], []).append((class_name, entry.get("serviceId")))
    return table


def sdk_names(info: dict, classes: list) -> dict:
    matching = [name for name, service_id in classes if service_id == info["serviceId"]]
    names = {
        "jsV3Package": info.get("jsV3", {}).get("package"),
        "jsV3Client": info.get("jsV3", {}).get("client"),
        "jsV2Class": (matching or [name for name, _ in classes] or [None])[0],
        "goPackage": info.get("goV2", {}).get("package"),
        "javaClient": info.get("javaV2", {}).get("client"),
    }
    return {key: value for key, value in names.items() if value}


def identifier_parameters(client: str, resource: str, identifiers: list, curated: dict):
    curated_map = curated["resources"].get(client, {}).get(resource)
    if curated_map is not None:
        return curated_map, "curated"
    if client in curated.get("unmappedServices", {}):
        return {}, "unmapped"
    derived = {}
    for identifier in identifiers:
        derived[identifier] = resource + identifier if identifier in IDENTIFIER_SUFFIXES else identifier
    return derived, "derived"


def resource_entry(client: str, resource: str, spec: dict, curated: dict) -> dict:
    methods, collections, waiters = {}, {}, {}
    for method, operation in spec.get("methods", {}).items():
        if method.startswith("(collection) "):
            collections[method.removeprefix("(collection) ")] = operation
        elif method.startswith("(waiter) "):
            waiters[method.removeprefix("(waiter) ")] = operation
        else:
            methods[method] = operation
    identifiers = spec.get("identifiers", [])
    parameters, source = identifier_parameters(client, resource, identifiers, curated)
    return {
        "identifiers": identifiers,
        "pythonIdentifiers": [snake_case(name) for name in identifiers],
        "identifierParameters": parameters,
        "identifierParametersSource": source,
        "methods": methods,
        "collections": collections,
        "waiters": waiters,
    }


def resource_api(client: str, data: dict, curated: dict) -> dict:
    if data is None:
        return {}
    resources = {name: resource_entry(client, name, spec, curated) for name, spec in data["resources"].items()}
    service_spec = {"identifiers": [], "methods": data.get("service", {})}
    resources["ServiceResource"] = resource_entry(client, "ServiceResource", service_spec, curated)
    resources["ServiceResource"]["identifierParametersSource"] = "none"
    return resources
