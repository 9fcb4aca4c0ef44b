#!/usr/bin/env python3
"""Validate SARIF files against the SARIF 2.1.0 JSON schema.

Usage: validate-sarif.py SCHEMA SARIF [SARIF...]

Prints each schema violation as FILE: PATH: MESSAGE and exits with 1 when any file is invalid,
with 2 when a file cannot be read or is not JSON. Needs the jsonschema package.
"""

import json
import sys

import jsonschema


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        print(f"{path}: error: cannot read JSON: {error}", file=sys.stderr)
        sys.exit(2)


def location(error):
    return "/" + "/".join(str(part) for part in error.absolute_path)


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    schema = load(arguments[0])
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    invalid = 0
    for path in arguments[1:]:
        errors = sorted(validator.iter_errors(load(path)), key=lambda error: list(error.absolute_path))
        for error in errors:
            print(f"{path}: {location(error)}: {error.message}", file=sys.stderr)
        if errors:
            invalid += 1
        else:
            print(f"{path}: valid SARIF 2.1.0")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
