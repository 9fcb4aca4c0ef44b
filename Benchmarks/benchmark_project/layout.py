"""The plan of one generated function: its modules, their imports and its template bindings."""

from dataclasses import dataclass, field

from .aws_code import AWS_MODULES
from .words import module_name

PACKAGE = "lib"


@dataclass
class Binding:
    """One environment variable of the function and the template value it is set to."""

    variable: str
    kind: str  # bucket, table, queue, topic, secret, path
    logical_id: str  # the resource, or "" for a !Sub path


@dataclass
class ModulePlan:
    name: str  # the module's own name, such as "pricing_rules"
    package: str  # PACKAGE for modules inside the package, "" for top-level ones
    is_handler: bool = False
    is_package_init: bool = False
    aws_module: str = None  # a key of AWS_MODULES, or None for plain Python
    imports: list = field(default_factory=list)  # ModulePlans this one calls into
    cycle_imports: list = field(default_factory=list)  # earlier modules, imported for a constant
    import_styles: dict = field(default_factory=dict)  # name -> "module" or "function"

    @property
    def path(self):
        if self.is_package_init:
            return f"{PACKAGE}/__init__.py"
        return f"{self.package}/{self.name}.py" if self.package else f"{self.name}.py"

    @property
    def entry(self):
        return "lambda_handler" if self.is_handler else f"run_{self.name}"

    def import_line(self, target):
        """Return the import statement for ``target`` and the expression that names its entry."""
        style = self.import_styles.get(target.name, "module")
        if self.package and target.package:
            if style == "module":
                return f"from . import {target.name}", f"{target.name}.{target.entry}"
            return f"from .{target.name} import {target.entry}", target.entry
        if target.package:
            if style == "module":
                return f"from {PACKAGE} import {target.name}", f"{target.name}.{target.entry}"
            return f"from {PACKAGE}.{target.name} import {target.entry}", target.entry
        if style == "module":
            return f"import {target.name}", f"{target.name}.{target.entry}"
        return f"from {target.name} import {target.entry}", target.entry

    def render_header(self, third_party_imports=()):
        title = self.name.replace("_", " ")
        if self.is_handler:
            summary = "Lambda handler of a generated benchmark function."
        elif self.is_package_init:
            summary = "Helpers of a generated benchmark function, as a package."
        else:
            summary = f"{title.capitalize()}: one step of a generated benchmark function."
        lines = [
            f'"""{summary}"""',
            "",
            "import json",
            "import logging",
            "import os",
            "import re",
            "from dataclasses import dataclass, field",
            "from datetime import datetime, timedelta, timezone",
            "from decimal import ROUND_HALF_UP, Decimal",
            "",
        ]
        if third_party_imports:
            lines += list(third_party_imports) + [""]
        local = [self.import_line(target)[0] for target in self.imports]
        local += [f"import {target.name}" for target in self.cycle_imports]
        if local:
            lines += local + [""]
        lines += [
            "logger = logging.getLogger(__name__)",
            "",
            f'MODULE_TITLE = "{title}"',
            "",
        ]
        return "\n".join(lines) + "\n"

    def render_glue(self, extra_steps=""):
        """Return the entry function: ``extra_steps`` (indented code), then every imported module."""
        if self.is_package_init:
            return ""
        if self.is_handler:
            return self._render_handler()
        lines = [
            "",
            f"def {self.entry}(payload: dict) -> dict:",
            f'    """Apply the {self.name.replace("_", " ")} step and hand the payload on."""',
            "    result = dict(payload)",
            f'    result.setdefault("steps", []).append(MODULE_TITLE)',
        ]
        if extra_steps.strip():
            lines += extra_steps.strip("\n").split("\n")
        for target in self.imports:
            lines.append(f"    result = {self.import_line(target)[1]}(result)")
        for target in self.cycle_imports:
            lines.append(f'    result.setdefault("related", []).append({target.name}.MODULE_TITLE)')
        lines.append("    return result")
        return "\n".join(lines) + "\n"

    def _render_handler(self):
        lines = [
            "",
            "def lambda_handler(event, context):",
            '    """Run every step for one invocation and return an API-style response."""',
            '    payload = dict(event) if isinstance(event, dict) else {"body": event}',
            '    payload["request_id"] = getattr(context, "aws_request_id", "local")',
            "    try:",
        ]
        for target in self.imports:
            lines.append(f"        payload = {self.import_line(target)[1]}(payload)")
        lines += [
            "    except (KeyError, ValueError) as error:",
            '        logger.warning("Rejected request %s: %s", payload["request_id"], error)',
            '        return {"statusCode": 400, "body": json.dumps({"message": str(error)})}',
            '    return {"statusCode": 200, "body": json.dumps(payload, default=str)}',
        ]
        return "\n".join(lines) + "\n"


@dataclass
class FunctionPlan:
    index: int
    modules: list
    bindings: list
    has_sqs_event: bool = False
    has_schedule: bool = False
    has_tracing: bool = False
    has_dead_letter_queue: bool = False
    has_vpc: bool = False

    @property
    def logical_id(self):
        return f"Fn{self.index:04d}Function"

    @property
    def code_uri(self):
        return f"functions/fn_{self.index:04d}/"


def choose_aws_modules(file_count, rng):
    available = min(len(AWS_MODULES), max(0, file_count - 1))
    if available == 0:
        return []
    count = rng.randint(min(2, available), min(5, available))
    return rng.sample(sorted(AWS_MODULES), count)


def build_modules(file_count, rng):
    """Return the modules of one function: handler first, then AWS modules, then plain ones."""
    handler = ModulePlan(name="app", package="", is_handler=True)
    modules = [handler]
    used = {"app", PACKAGE}
    for kind in choose_aws_modules(file_count, rng):
        modules.append(ModulePlan(name=kind, package="", aws_module=kind))
        used.add(kind)
    remaining = file_count - len(modules)
    use_package = remaining >= 3
    if use_package:
        remaining -= 1  # lib/__init__.py
    plain_count = remaining
    for position in range(plain_count):
        name = module_name(rng, used)
        used.add(name)
        in_package = use_package and position % 3 == 0
        modules.append(ModulePlan(name=name, package=PACKAGE if in_package else ""))
    if use_package:
        modules.append(ModulePlan(name="__init__", package=PACKAGE, is_package_init=True))
    return modules


def connect_modules(modules, rng):
    """Give every module a parent (so all are reachable), extra forward edges, and maybe a cycle.

    A function with an import cycle uses ``import x`` (not ``from x import f``) everywhere,
    because a from-import of a partially initialized module fails at import time.
    """
    callable_modules = [module for module in modules if not module.is_package_init]
    for position in range(1, len(callable_modules)):
        child = callable_modules[position]
        if child.aws_module is not None:
            parent = callable_modules[0]  # the handler calls every AWS module directly
        else:
            parent = callable_modules[rng.randrange(0, position)]
        parent.imports.append(child)
    for position, module in enumerate(callable_modules[1:], start=1):
        later = callable_modules[position + 1:]
        if later and rng.random() < 0.4:
            extra = rng.choice(later)
            if extra not in module.imports:
                module.imports.append(extra)
    top_level = [module for module in callable_modules[1:] if not module.package]
    has_cycle = len(top_level) >= 2 and rng.random() < 0.3
    if has_cycle:
        first, second = sorted(rng.sample(range(len(top_level)), 2))
        # The later module imports the earlier one back, which closes a cycle whenever the
        # earlier one reaches the later one through forward imports.
        top_level[second].cycle_imports.append(top_level[first])
        if top_level[second] not in top_level[first].imports:
            top_level[first].imports.append(top_level[second])
    for module in callable_modules:
        for target in module.imports:
            use_module_style = has_cycle or rng.random() < 0.5
            module.import_styles[target.name] = "module" if use_module_style else "function"


def plan_function(index, file_count, pool, rng):
    modules = build_modules(file_count, rng)
    connect_modules(modules, rng)
    kinds = {module.aws_module for module in modules if module.aws_module}
    bindings = pool.bindings_for(index, kinds, rng)
    return FunctionPlan(
        index=index,
        modules=modules,
        bindings=bindings,
        has_sqs_event=rng.random() < 0.25,
        has_schedule=rng.random() < 0.2,
        has_tracing=rng.random() < 0.15,
        has_dead_letter_queue=rng.random() < 0.1,
        has_vpc=rng.random() < 0.1,
    )
