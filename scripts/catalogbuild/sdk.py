"""Builds every boto3 client file and applies the curated corrections."""

from pathlib import Path

from .clients import (iam_prefix_for, jsv2_classes_by_client, reference_operations, resource_api,
                      sdk_names)
from .common import arn_variables, read_json, snake_case, split_action
from .operations import OperationMapper
from .services import canonical_action


class CatalogError(Exception):
    pass


def build_all_clients(data_dir: Path, curated_dir: Path, services: dict, stats: dict) -> dict:
    index = read_json(data_dir / "derived" / "sdk-service-index.json")["services"]
    configuration = read_json(data_dir / "iam-policy-autopilot" / "service-configuration.json")
    renames = configuration["RenameServicesOperationActionMap"]
    dataset = read_json(data_dir / "iam-dataset" / "map-2023-01-01.json")["sdk_method_iam_mappings"]
    resources = read_json(data_dir / "derived" / "boto3-resource-api-index.json")["services"]
    curated_identifiers = read_json(curated_dir / "resource-identifiers.json")
    references = reference_operations(data_dir)
    classes = jsv2_classes_by_client(data_dir)
    mapper = OperationMapper(services, dataset, stats)
    clients = {}
    for client, info in sorted(index.items()):
        iam_prefix = iam_prefix_for(client, info, renames, services)
        jsv2 = [name for name, _ in classes.get(client, [])]
        exceptions = info.get("snakeCaseExceptions", {})
        operations = {}
        for operation in info["operations"]:
            entries = references.get((client, operation), [])
            actions, source = mapper.map_operation(client, operation, iam_prefix, entries, jsv2)
            method = exceptions.get(operation) or (entries[0]["method"] if entries else snake_case(operation))
            operations[operation] = {"pythonMethod": method, "source": source, "actions": actions}
        clients[client] = {
            "client": client,
            "serviceId": info["serviceId"],
            "serviceFullName": info.get("serviceFullName", ""),
            "iamPrefix": iam_prefix,
            "names": sdk_names(info, classes.get(client, [])),
            "operations": operations,
            "paginators": sorted(info.get("paginators", [])),
            "waiters": dict(sorted(info.get("waiters", {}).items())),
            "resources": resource_api(client, resources.get(client), curated_identifiers),
        }
    stats["clients"] = len(clients)
    stats["operations"] = sum(len(entry["operations"]) for entry in clients.values())
    return clients


def apply_corrections(clients: dict, services: dict, corrections: list):
    for correction in corrections:
        where = f"correction {correction.get('client')}.{correction.get('operation')}"
        for field in ("client", "operation", "reason", "source"):
            if not correction.get(field):
                raise CatalogError(f"{where}: missing '{field}'")
        if not isinstance(correction.get("actions"), list):
            raise CatalogError(f"{where}: 'actions' must be a list (empty when the operation needs no action)")
        client = clients.get(correction["client"])
        if client is None or correction["operation"] not in client["operations"]:
            raise CatalogError(f"{where}: no such client operation in the SDK index")
        actions = [validated_action(where, entry, services) for entry in correction["actions"]]
        operation = client["operations"][correction["operation"]]
        operation.update({"actions": actions, "source": "correction", "correctionReason": correction["reason"]})


def apply_additions(clients: dict, services: dict, additions: list):
    """Append curated actions to operations: what a service does with the caller's
    credentials on resources the request names (Rekognition reading an S3 object)."""
    for addition in additions:
        where = f"addition {addition.get('client')}.{addition.get('operation')}"
        for field in ("client", "operation", "actions", "reason", "source"):
            if not addition.get(field):
                raise CatalogError(f"{where}: missing '{field}'")
        client = clients.get(addition["client"])
        if client is None or addition["operation"] not in client["operations"]:
            raise CatalogError(f"{where}: no such client operation in the SDK index")
        operation = client["operations"][addition["operation"]]
        existing = {(entry["action"], entry.get("arnTemplate")) for entry in operation["actions"]}
        for entry in addition["actions"]:
            action = validated_action(where, entry, services)
            if (action["action"], action.get("arnTemplate")) not in existing:
                operation["actions"].append(action)
        reasons = operation.get("additionReasons", [])
        operation["additionReasons"] = reasons + [addition["reason"]]


def validated_action(where: str, entry: dict, services: dict) -> dict:
    name = canonical_action(services, entry["action"])
    if name is None:
        raise CatalogError(f"{where}: unknown action {entry['action']}")
    prefix, action = split_action(name)
    resource_type = entry.get("resourceType")
    if resource_type is not None:
        listed = [item["name"] for item in services[prefix]["actions"][action]["resourceTypes"]]
        if resource_type not in listed:
            raise CatalogError(f"{where}: {name} has no resource type {resource_type} (has {listed})")
        formats = services[prefix]["resourceTypes"][resource_type]["arnFormats"]
        variables = {variable for arn_format in formats for variable in arn_variables(arn_format)}
        for variable in entry.get("arnBindings", {}):
            if variable not in variables:
                raise CatalogError(f"{where}: {resource_type} ARN has no variable {variable}")
    for condition in entry.get("conditions", []):
        key_prefix = condition["key"].split(":")[0]
        known = {key.lower() for key in services.get(key_prefix, {}).get("conditionKeys", {})}
        if key_prefix in services and condition["key"].lower() not in known:
            raise CatalogError(f"{where}: unknown condition key {condition['key']}")
    return {**entry, "action": name}


def validate_operation_actions(clients: dict, services: dict):
    for client, entry in clients.items():
        for operation, info in entry["operations"].items():
            for action in info["actions"]:
                if canonical_action(services, action["action"]) != action["action"]:
                    raise CatalogError(f"{client}.{operation}: action {action['action']} is not in the service files")


def build_sdk_index(clients: dict) -> dict:
    """SDK names across languages → boto3 client. When two clients share a name, the first in
    sorted order wins and the name is listed under 'ambiguous'."""
    by_name, ambiguous = {}, {}
    for client, entry in sorted(clients.items()):
        for field, name in sorted(entry["names"].items()):
            table = by_name.setdefault(field, {})
            if name in table:
                ambiguous.setdefault(field, {}).setdefault(name, [table[name]]).append(client)
            else:
                table[name] = client
    summary = {client: {"iamPrefix": entry["iamPrefix"], "serviceId": entry["serviceId"]} for client, entry in clients.items()}
    return {"byName": by_name, "ambiguous": ambiguous, "clients": summary}


def validate_helper_actions(helpers: dict, services: dict):
    """Check the actions that boto3 helpers need without an API call (rds-db:connect)."""
    for client, entry in helpers["boto3"].items():
        for name, helper in entry["client"].items():
            helper["actions"] = [validated_action(f"helper {client}.{name}", action, services)
                                 for action in helper.get("actions", [])]
            if not helper["actions"]:
                del helper["actions"]
