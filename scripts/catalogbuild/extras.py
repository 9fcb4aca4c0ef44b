"""Helper-library methods, forward access, SAM templates and managed policies."""

from pathlib import Path

from .common import read_json

AUTOPILOT = "iam-policy-autopilot"
BOTO3_SOURCE = "iam-policy-autopilot sdks/boto3_utilities_mapping.json"


def helper_from_upstream(client: str, spec: dict, parameters: list) -> dict:
    operations = []
    for operation in spec.get("operations", []):
        required = operation.get("required_params", [])
        parameter_map = {name: name for name in required if name in parameters}
        operations.append({"client": client, "operation": operation["operation"], "parameterMap": parameter_map})
    return {"parameters": parameters, "operations": operations, "source": BOTO3_SOURCE}


def curated_helper(client: str, spec: dict, default_source: str) -> dict:
    operations = [
        {"client": item.get("client", client), "operation": item["operation"], "parameterMap": item.get("parameterMap", {})}
        for item in spec.get("operations", [])
    ]
    helper = {"parameters": spec["parameters"], "operations": operations, "source": spec.get("source", default_source)}
    if spec.get("note"):
        helper["note"] = spec["note"]
    if spec.get("actions"):
        helper["actions"] = spec["actions"]
    return helper


def build_helpers(data_dir: Path, curated_dir: Path) -> dict:
    upstream = read_json(data_dir / AUTOPILOT / "sdks" / "boto3_utilities_mapping.json")["services"]
    curated = read_json(curated_dir / "helpers.json")
    boto3 = {}
    for client, spec in sorted(upstream.items()):
        client_methods = {
            name: helper_from_upstream(client, method, method.get("accepted_params", []))
            for name, method in spec.get("client_methods", {}).items()
        }
        resource_methods = {
            resource: {name: helper_from_upstream(client, method, method.get("accepted_params", []))
                       for name, method in methods.items()}
            for resource, methods in spec.get("resource_methods", {}).items()
        }
        boto3[client] = {"client": client_methods, "resources": resource_methods}
    for client, spec in curated["boto3"].items():
        entry = boto3.setdefault(client, {"client": {}, "resources": {}})
        default_source = spec.get("source", "curated")
        for name, method in spec.get("client", {}).items():
            entry["client"][name] = curated_helper(client, method, default_source)
        for resource, methods in spec.get("resources", {}).items():
            for name, method in methods.items():
                if "like" in method:
                    base = entry["client"][method["like"]]
                    helper = {**base, "parameters": method["parameters"], "source": default_source}
                else:
                    helper = curated_helper(client, method, default_source)
                entry["resources"].setdefault(resource, {})[name] = helper
    return {"boto3": boto3, "powertools": build_powertools(data_dir, curated)}


def build_powertools(data_dir: Path, curated: dict) -> dict:
    model = read_json(data_dir / AUTOPILOT / "external-library-models" / "aws_lambda_powertools.json")
    upstream_source = f"iam-policy-autopilot external-library-models/aws_lambda_powertools.json (Powertools {model.get('version')})"
    modules = {}
    for pattern in model.get("call_patterns", []):
        operations = [
            {"client": item["service"], "operation": item["operation"], "parameterMap": {}}
            for item in pattern.get("sdk_operations", [])
        ]
        modules.setdefault(pattern["module_path"], {})[pattern["function_name"]] = {
            "parameters": [], "operations": operations, "source": upstream_source,
        }
    for module, functions in curated["powertools"].items():
        for name, spec in functions.items():
            existing = modules.setdefault(module, {}).get(name)
            helper = curated_helper("", spec, existing["source"] if existing else "curated")
            if existing and not spec.get("source"):
                helper["source"] = existing["source"] + "; parameter names curated from the Powertools API"
            modules[module][name] = helper
    return modules


def build_forward_access(data_dir: Path) -> dict:
    result = {}
    for path in sorted((data_dir / AUTOPILOT / "operation-fas-maps").glob("*.json")):
        data = read_json(path)
        operations = {}
        for operation in data.get("Operations", []):
            actions = [
                {"action": f"{item['Service']}:{item['Operation']}", "context": item.get("Context", {})}
                for item in operation.get("FasOperations", [])
            ]
            if actions:
                operations[operation["Name"]] = actions
        result[data.get("Name", path.stem)] = operations
    return result


def build_sam(data_dir: Path) -> dict:
    sam = data_dir / "sam"
    managed = read_json(sam / "aws_managed_policies.json")
    lambda_policies = {}
    for path in sorted((data_dir / "iam-dataset" / "managedpolicies-lambda").glob("*.json")):
        policy = read_json(path)
        lambda_policies[policy["name"]] = {
            "arn": policy["arn"],
            "version": policy.get("version"),
            "createDate": policy.get("createdate"),
            "updateDate": policy.get("updatedate"),
            "document": policy["document"],
        }
    return {
        "policy-templates.json": read_json(sam / "policy_templates.json"),
        "managed-policies.json": {"partitions": managed, "lambdaPolicies": lambda_policies},
        "connector-profiles.json": read_json(sam / "connector_profiles.json"),
    }
