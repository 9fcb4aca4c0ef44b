"""SDK operation → IAM actions: triggers, the resource type per action and ARN variable bindings."""

import re

from .common import PSEUDO_VARIABLES, arn_variables, is_plain_template, split_action

PARAMETER_REFERENCE = re.compile(r"\$\{([A-Za-z0-9_.]+)\}")


def referenced_parameters(template: str) -> list:
    """Request parameters a template reads, without list elements (`${Entries[].Name}`) and
    without the pseudo variables."""
    return [name for name in PARAMETER_REFERENCE.findall(template) if name not in PSEUDO_VARIABLES]
from .services import canonical_action


class OperationMapper:
    """Turns the service reference's AuthorizedActions and the iam-dataset variants of one
    operation into the catalog's action list. Every action name is checked against the
    service files; unknown ones are dropped and counted."""

    def __init__(self, services: dict, dataset: dict, stats: dict):
        self.services = services
        self.dataset = dataset
        self.stats = stats

    def map_operation(self, client: str, operation: str, iam_prefix: str, reference_entries: list, jsv2_classes: list):
        variants = self.dataset_variants(jsv2_classes, operation)
        authorized = []
        for entry in reference_entries:
            for action in entry["actions"]:
                if action not in authorized:
                    authorized.append(action)
        if authorized:
            return self.from_reference(operation, iam_prefix, reference_entries, authorized, variants), "service-reference"
        usable = [variant for variant in variants if variant["action"] is not None]
        if usable:
            return self.from_dataset(usable), "iam-dataset"
        for prefix in dict.fromkeys([iam_prefix] + [entry["file"] for entry in reference_entries]):
            same_name = canonical_action(self.services, f"{prefix}:{operation}")
            if same_name:
                self.stats["operationsMappedBySameNameAction"] += 1
                return [self.make_action(same_name, "always", None)], "service-reference-same-name"
        self.stats["operationsWithoutActions"] += 1
        return [], "none"

    def dataset_variants(self, jsv2_classes: list, operation: str) -> list:
        variants = []
        for class_name in jsv2_classes:
            for variant in self.dataset.get(f"{class_name}.{operation}", []):
                name = canonical_action(self.services, variant.get("action", ""))
                if name is None:
                    self.stats["staleDatasetActionsDropped"] += 1
                variants.append({**variant, "action": name})
            if variants:
                break
        return variants

    def from_reference(self, operation, iam_prefix, reference_entries, authorized, variants):
        primary = self.primary_action(operation, iam_prefix, reference_entries, authorized)
        actions = []
        for full_name in authorized:
            name = canonical_action(self.services, full_name)
            if name is None:
                self.stats["staleReferenceActionsDropped"] += 1
                continue
            trigger = "always" if name == primary else "possible"
            context = next((entry["context"].get(full_name) for entry in reference_entries if full_name in entry["context"]), None)
            entry = self.make_action(name, trigger, variants, context)
            actions.append(self.pass_role_trigger(entry))
        return self.share_primary_resource(actions)

    def pass_role_trigger(self, entry):
        """Make iam:PassRole conditional on the request parameter that carries the role ARN,
        when the iam-dataset variant names it plainly (`${Role}`, `${Target.RoleArn}`)."""
        template = entry.get("arnTemplate", "")
        match = PARAMETER_REFERENCE.fullmatch(template) if template else None
        if entry["action"] == "iam:PassRole" and entry["trigger"] == "possible" and match:
            entry["trigger"] = {"argumentPresent": match.group(1)}
            self.stats["passRoleTriggeredByParameter"] += 1
        return entry

    def share_primary_resource(self, actions):
        """Give an action without bindings the primary action's resource type and bindings
        when it acts on that resource type too (s3:DeleteObjectVersion next to s3:DeleteObject)."""
        primary = next((entry for entry in actions if entry["trigger"] == "always"), None)
        if primary is None or primary.get("resourceType") is None:
            return actions
        for entry in actions:
            if entry is primary or entry.get("arnBindings") or entry.get("arnTemplate") or entry.get("resourceParameters"):
                continue
            listed = [item["name"] for item in self.action_info(entry["action"])["resourceTypes"]]
            same_prefix = entry["action"].split(":")[0] == primary["action"].split(":")[0]
            if same_prefix and primary["resourceType"] in listed:
                entry["resourceType"] = primary["resourceType"]
                for key in ("arnBindings", "arnTemplate", "resourceParameters"):
                    if key in primary:
                        entry[key] = primary[key]
        return actions

    def primary_action(self, operation, iam_prefix, reference_entries, authorized):
        """Return the operation's required action: the same-named action in the client's prefix,
        else in the reference file's prefix, else any same-named one. When no action has the
        operation's name and the operation lists exactly one action, that one is required."""
        same_named = [name for name in authorized if split_action(name)[1].lower() == operation.lower()]
        preferred = [iam_prefix] + [entry["file"] for entry in reference_entries]
        for prefix in preferred:
            for name in same_named:
                if split_action(name)[0] == prefix:
                    return canonical_action(self.services, name)
        if same_named:
            return canonical_action(self.services, same_named[0])
        if len(authorized) == 1:
            self.stats["operationsWithSoleListedAction"] += 1
            return canonical_action(self.services, authorized[0])
        return None

    def from_dataset(self, variants):
        actions = []
        seen = set()
        for variant in variants:
            name = variant["action"]
            trigger = "possible" if variant.get("conditions") else "always"
            if (name, trigger) in seen:
                continue
            seen.add((name, trigger))
            actions.append(self.make_action(name, trigger, [variant]))
        return actions

    def make_action(self, name, trigger, variants, context=None):
        info = self.action_info(name)
        bindings, arn_template, preferred_type, parameters = self.bindings_for(name, variants or [])
        service_types = self.services[split_action(name)[0]]["resourceTypes"]
        resource_type = self.choose_resource_type(info, bindings, preferred_type, service_types)
        if resource_type is not None:
            formats = service_types.get(resource_type, {}).get("arnFormats", [])
            variables = {variable for arn_format in formats for variable in arn_variables(arn_format)}
            bindings = {variable: template for variable, template in bindings.items() if variable in variables}
        else:
            bindings, arn_template, parameters = {}, None, []
        entry = {"action": name, "trigger": trigger, "resourceType": resource_type}
        if parameters and not arn_template:
            entry["resourceParameters"] = parameters
        if bindings:
            entry["arnBindings"] = dict(sorted(bindings.items()))
        if arn_template:
            entry["arnTemplate"] = arn_template
        if context:
            entry["conditions"] = [
                {"operator": "StringEquals", "key": key, "template": value}
                for key, values in sorted(context.items()) for value in values
            ]
        return entry

    def action_info(self, name):
        prefix, action = split_action(name)
        return self.services[prefix]["actions"][action]

    def bindings_for(self, name, variants):
        """ARN variable bindings of the first variant for this action. Templates that use
        %%functions%% or [] leave their variable unbound."""
        for variant in variants:
            if variant.get("action") != name:
                continue
            bindings, opaque = {}, []
            for variable, mapping in (variant.get("resource_mappings") or {}).items():
                template = mapping.get("template", "") if isinstance(mapping, dict) else str(mapping)
                if is_plain_template(template):
                    bindings[variable] = template
                else:
                    self.stats["bindingsLeftOpen"] += 1
                    opaque.append(template)
            arn_template, preferred_type = None, None
            for resource_type, template in sorted((variant.get("resourcearn_mappings") or {}).items()):
                if isinstance(template, str) and is_plain_template(template):
                    arn_template, preferred_type = template, resource_type
                    break
                if isinstance(template, str):
                    opaque.append(template)
                    preferred_type = preferred_type or resource_type
            override = (variant.get("arn_override") or {}).get("template")
            if arn_template is None and isinstance(override, str):
                if is_plain_template(override):
                    arn_template = override
                else:
                    opaque.append(override)
            parameters = sorted({name for template in opaque for name in referenced_parameters(template)})
            return bindings, arn_template, preferred_type, parameters
        return {}, None, None, []

    def choose_resource_type(self, info, bindings, preferred_type, service_types):
        """Choose the action's resource type that the bound variables fit best. Without bindings,
        choose the single required type, else the first listed."""
        types = info["resourceTypes"]
        if not types:
            return None
        names = [entry["name"] for entry in types]
        if preferred_type:
            for name in names:
                if name.lower() == preferred_type.lower():
                    return name
        if bindings:
            def score(entry):
                formats = service_types.get(entry["name"], {}).get("arnFormats", [])
                variables = {variable for arn_format in formats for variable in arn_variables(arn_format)}
                matched = len(variables & set(bindings))
                return (matched, -len(variables - set(bindings)), entry["required"])
            best = max(types, key=score)
            if score(best)[0] > 0:
                return best["name"]
        required = [entry["name"] for entry in types if entry["required"]]
        if len(required) == 1:
            return required[0]
        return names[0] if len(names) == 1 or not required else required[0]
