"""Shared helpers: JSON reading and writing, naming rules, ARN template checks."""

import json
import re
from pathlib import Path

PSEUDO_VARIABLES = {"Partition", "Region", "Account"}
VARIABLE = re.compile(r"\$\{([^}]+)\}")


def read_json(path: Path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def dump_json(value) -> str:
    """Return the catalog's canonical text: sorted keys, 2-space indent, trailing newline."""
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def snake_case(operation: str) -> str:
    """Apply botocore's plain rule: split before a capital after a lowercase letter or digit,
    and between an acronym run and a following capitalized word, then lowercase."""
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", operation)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return text.lower()


def arn_variables(arn_format: str) -> list:
    """Return the resource variables of an ARN format, without Partition, Region and Account."""
    return [name for name in VARIABLE.findall(arn_format) if name not in PSEUDO_VARIABLES]


def is_plain_template(template: str) -> bool:
    """True when a request-parameter template uses only ${Param} and ${Param.Sub} references
    with literal text around them, and is not just a wildcard."""
    if "%%" in template or "[]" in template or template.strip() == "*":
        return False
    return "${" in template or template != ""


def split_action(name: str):
    prefix, _, action = name.partition(":")
    return prefix.lower(), action
