"""Rendering of a planned function (layout.FunctionPlan) as Node.js modules.

The plan, its modules and their import graph are shared with Python. This module decides the
file names, the module system and the import statements, and renders each module's code in
JavaScript (ES modules as ``.mjs`` or CommonJS as ``.js``) or TypeScript (``.ts``).
"""

import json
import posixpath
import re
from dataclasses import dataclass

from .layout import PACKAGE
from .node_code import NODE_AWS_MODULES
from .node_filler import strip_typescript
from .words import NOUNS, camel

EXPORTED_DECLARATION = re.compile(r"^export (?:async function\*? |function\*? |const |let |class )(\w+)", re.MULTILINE)


@dataclass
class NodeStyle:
    """The language, module system and local import paths of one function's modules."""

    language: str  # "javascript" or "typescript"
    module_system: str  # "esm" or "commonjs"; TypeScript is written with ES syntax
    specifier_suffix: str  # added to local import paths: "", ".js" or ".mjs"

    @property
    def typescript(self):
        return self.language == "typescript"

    @property
    def extension(self):
        if self.typescript:
            return ".ts"
        return ".mjs" if self.module_system == "esm" else ".js"


def choose_style(language, rng):
    if language == "typescript":
        return NodeStyle(language, "esm", rng.choice(["", ".js"]))
    if rng.random() < 0.5:
        return NodeStyle(language, "esm", ".mjs")
    return NodeStyle(language, "commonjs", rng.choice(["", ".js"]))


def file_stem(module):
    """Return the path of ``module`` without extension, relative to the code root."""
    if module.is_package_init:
        return f"{PACKAGE}/index"
    name = module.name.replace("_", "-")
    return f"{module.package}/{name}" if module.package else name


def binding_name(module):
    words = camel(module.name)
    return words[0].lower() + words[1:]


def entry_name(module):
    return "handler" if module.is_handler else f"run{camel(module.name)}"


def specifier(source_stem, target_stem, style):
    relative = posixpath.relpath(target_stem, posixpath.dirname(source_stem) or ".")
    if not relative.startswith("."):
        relative = "./" + relative
    return relative + style.specifier_suffix


def import_statement(names, target, style, namespace=None):
    """Return an import of ``names`` (or of the whole module as ``namespace``) from ``target``."""
    if style.module_system == "commonjs":
        if namespace:
            return f'const {namespace} = require("{target}");'
        return f'const {{ {", ".join(names)} }} = require("{target}");'
    if namespace:
        return f'import * as {namespace} from "{target}";'
    return f'import {{ {", ".join(names)} }} from "{target}";'


def local_import(module, target, style):
    """Return the statement importing ``target`` into ``module`` and the expression for its entry."""
    source_stem = file_stem(module)
    entry = entry_name(target)
    if module.import_styles.get(target.name, "module") == "module":
        name = binding_name(target)
        statement = import_statement([], specifier(source_stem, file_stem(target), style), style, namespace=name)
        return statement, f"{name}.{entry}"
    target_stem = file_stem(target)
    if module.is_handler and target.package:
        # The handler reaches package modules through the package's index module, by folder
        # name where the resolver allows it (CommonJS, TypeScript without file extensions).
        target_stem = f"{PACKAGE}/index" if style.specifier_suffix else PACKAGE
    return import_statement([entry], specifier(source_stem, target_stem, style), style), entry


def render_header(module, style, sdk_imports=()):
    title = module.name.replace("_", " ")
    if module.is_handler:
        summary = "Lambda handler of a generated benchmark function."
    elif module.is_package_init:
        summary = "Helpers of a generated benchmark function, as a package."
    else:
        summary = f"{title.capitalize()}: one step of a generated benchmark function."
    lines = [f"// {summary}", ""]
    if style.module_system == "commonjs":
        lines += ['"use strict";', ""]
    external = [import_statement(names, package, style) for package, names in sdk_imports]
    if module.is_handler and style.typescript:
        external.append('import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from "aws-lambda";')
    if external:
        lines += external + [""]
    local = [local_import(module, target, style)[0] for target in module.imports]
    local += [
        import_statement([], specifier(file_stem(module), file_stem(target), style), style, namespace=binding_name(target))
        for target in module.cycle_imports
    ]
    if local:
        lines += local + [""]
    if style.typescript:
        lines += ["// eslint-disable-next-line @typescript-eslint/no-explicit-any", "type Payload = Record<string, any>;", ""]
    lines.append(f'export const MODULE_TITLE = "{title}";')
    return "\n".join(lines) + "\n"


def render_entry(module, style, extra_steps=""):
    if module.is_handler:
        return render_handler(module, style)
    rebinds = bool(module.imports)
    lines = [
        "",
        f"export async function {entry_name(module)}(payload<%: Payload%>)<%: Promise<Payload>%> {{",
        f"  {'let' if rebinds else 'const'} result<%: Payload%> = {{ ...payload }};",
        "  result.steps = [...(result.steps ?? []), MODULE_TITLE];",
    ]
    if extra_steps.strip():
        lines += extra_steps.strip("\n").split("\n")
    for target in module.imports:
        lines.append(f"  result = await {local_import(module, target, style)[1]}(result);")
    for target in module.cycle_imports:
        lines.append(f"  result.related = [...(result.related ?? []), {binding_name(target)}.MODULE_TITLE];")
    lines += ["  return result;", "}"]
    return strip_typescript("\n".join(lines) + "\n", style.typescript)


def render_handler(module, style):
    lines = [
        "",
        "export const handler = async (event<%: APIGatewayProxyEvent%>, context<%: Context%>)"
        "<%: Promise<APIGatewayProxyResult>%> => {",
        '  let payload<%: Payload%> = { ...event, requestId: context?.awsRequestId ?? "local" };',
        "  try {",
    ]
    for target in module.imports:
        lines.append(f"    payload = await {local_import(module, target, style)[1]}(payload);")
    if not module.imports:
        lines.append("    payload = { ...payload, handledAt: new Date().toISOString() };")
    lines += [
        "  } catch (error) {",
        "    if (error instanceof TypeError || error instanceof RangeError) {",
        "      console.warn(`rejected request ${payload.requestId}: ${error.message}`);",
        "      return { statusCode: 400, body: JSON.stringify({ message: error.message }) };",
        "    }",
        "    throw error;",
        "  }",
        "  return { statusCode: 200, body: JSON.stringify(payload) };",
        "};",
    ]
    return strip_typescript("\n".join(lines) + "\n", style.typescript)


def render_package_index(module, plan, style):
    """Return the package's index module, which re-exports the entry of every package module."""
    members = [other for other in plan.modules if other.package == PACKAGE and not other.is_package_init]
    lines = ["// Helpers of a generated benchmark function, as a package.", ""]
    for member in members:
        target = specifier(file_stem(module), file_stem(member), style)
        if style.module_system == "commonjs":
            lines.append(f'exports.{entry_name(member)} = require("{target}").{entry_name(member)};')
        else:
            lines.append(f'export {{ {entry_name(member)} }} from "{target}";')
    return "\n".join(lines) + "\n"


def to_commonjs(text):
    """Turn ``export`` declarations into plain ones followed by ``exports.name = name`` lines."""
    names = EXPORTED_DECLARATION.findall(text)
    text = re.sub(r"^export ", "", text, flags=re.MULTILINE)
    if names:
        text += "\n" + "\n".join(f"exports.{name} = {name};" for name in names) + "\n"
    return text


def render_node_module(module, plan, style, rng):
    """Return the text of one module before padding (the package index is never padded)."""
    if module.is_package_init:
        return render_package_index(module, plan, style)
    if module.aws_module is None:
        text = render_header(module, style) + render_entry(module, style)
    else:
        sdk_imports, code, steps = NODE_AWS_MODULES[module.aws_module]
        noun = rng.choice(NOUNS)
        namespace = f"Fn{plan.index:04d}"

        def fill(template):
            filled = template.replace("<<noun>>", noun).replace("<<Noun>>", camel(noun)).replace("<<namespace>>", namespace)
            return strip_typescript(filled, style.typescript)

        text = render_header(module, style, sdk_imports) + fill(code) + render_entry(module, style, fill(steps))
    return to_commonjs(text) if style.module_system == "commonjs" else text


def render_package_json(plan, style):
    """Return the function's package.json with the SDK packages its modules import."""
    packages = sorted(
        {package for module in plan.modules if module.aws_module for package, _ in NODE_AWS_MODULES[module.aws_module][0]}
    )
    manifest = {
        "name": f"benchmark-fn-{plan.index:04d}",
        "version": "1.0.0",
        "private": True,
        "dependencies": {package: "^3.600.0" for package in packages if package.startswith("@aws-sdk/")},
    }
    if style.typescript:
        manifest["devDependencies"] = {"@types/aws-lambda": "^8.10.140", "esbuild": "^0.21.5", "typescript": "^5.5.0"}
    return json.dumps(manifest, indent=2, sort_keys=True) + "\n"
