"""Tests of generate-project.py (standard library only): python3 -m unittest discover Benchmarks"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate-project.py")
ENVIRONMENT_READ = re.compile(r'os\.environ\["([A-Z_]+)"\]')
TEMPLATE_VARIABLE = re.compile(r"^ {10}([A-Z_]+): ", re.MULTILINE)


def generate(out_dir, *arguments):
    return subprocess.run(
        [sys.executable, SCRIPT, out_dir, *arguments], capture_output=True, text=True, check=False
    )


def tree_digest(root):
    digest = hashlib.sha256()
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, root).encode())
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def python_files(root):
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(folder, name)


def function_blocks(template):
    """Map each function's CodeUri to the text of its resource in the template."""
    blocks = {}
    for block in re.split(r"\n(?=  \w+:\n)", template):
        match = re.search(r"CodeUri: (\S+)", block)
        if match:
            blocks[match.group(1)] = block
    return blocks


class GenerateProjectTests(unittest.TestCase):
    ARGUMENTS = ("--functions", "7", "--files", "80", "--megabytes", "0.4", "--seed", "11")

    @classmethod
    def setUpClass(cls):
        cls.temporary = tempfile.TemporaryDirectory()
        cls.root = os.path.join(cls.temporary.name, "project")
        cls.result = generate(cls.root, *cls.ARGUMENTS)

    @classmethod
    def tearDownClass(cls):
        cls.temporary.cleanup()

    def test_run_succeeds_and_reports_counts(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertIn("functions:      7", self.result.stdout)
        self.assertIn("python files:   80", self.result.stdout)

    def test_file_count_and_size(self):
        files = list(python_files(self.root))
        self.assertEqual(len(files), 80)
        total = sum(os.path.getsize(path) for path in files)
        self.assertAlmostEqual(total / 400_000, 1.0, delta=0.1)

    def test_every_file_compiles(self):
        for path in python_files(self.root):
            with open(path, encoding="utf-8") as handle:
                compile(handle.read(), path, "exec")

    def test_local_imports_resolve(self):
        for path in python_files(self.root):
            code_root = os.path.join(self.root, *os.path.relpath(path, self.root).split(os.sep)[:2])
            package_folder = os.path.dirname(path)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            for name in re.findall(r"^from \.(\w*) import (\w+)", text, re.MULTILINE):
                target = name[0] or name[1]
                self.assertTrue(os.path.exists(os.path.join(package_folder, f"{target}.py")), f"{path}: .{target}")
            for name in re.findall(r"^(?:import|from) (\w+)", text, re.MULTILINE):
                if name in {"json", "logging", "os", "re", "dataclasses", "datetime", "decimal", "boto3", "botocore"}:
                    continue
                exists = os.path.exists(os.path.join(code_root, f"{name}.py")) or os.path.isdir(os.path.join(code_root, name))
                self.assertTrue(exists, f"{path} imports {name}, which is not in {code_root}")

    def test_environment_variables_are_set_in_template(self):
        with open(os.path.join(self.root, "template.yaml"), encoding="utf-8") as handle:
            blocks = function_blocks(handle.read())
        self.assertEqual(len(blocks), 7)
        for code_uri, block in blocks.items():
            declared = set(TEMPLATE_VARIABLE.findall(block))
            read = set()
            for path in python_files(os.path.join(self.root, code_uri)):
                with open(path, encoding="utf-8") as handle:
                    read |= set(ENVIRONMENT_READ.findall(handle.read()))
            self.assertEqual(read, declared, code_uri)

    def test_same_seed_gives_identical_output(self):
        again = os.path.join(self.temporary.name, "again")
        self.assertEqual(generate(again, *self.ARGUMENTS).returncode, 0)
        self.assertEqual(tree_digest(again), tree_digest(self.root))

    def test_other_seed_gives_other_output(self):
        other = os.path.join(self.temporary.name, "other")
        arguments = list(self.ARGUMENTS[:-1]) + ["12"]
        self.assertEqual(generate(other, *arguments).returncode, 0)
        self.assertNotEqual(tree_digest(other), tree_digest(self.root))

    def test_non_empty_folder_rejected_without_force(self):
        result = generate(self.root, *self.ARGUMENTS)
        self.assertEqual(result.returncode, 1)
        self.assertIn("pass --force", result.stderr)

    def test_foreign_folder_never_deleted(self):
        foreign = os.path.join(self.temporary.name, "foreign")
        os.makedirs(foreign)
        with open(os.path.join(foreign, "keep.txt"), "w", encoding="utf-8") as handle:
            handle.write("not generated")
        result = generate(foreign, "--force", "--functions", "1", "--files", "1", "--megabytes", "0.01")
        self.assertEqual(result.returncode, 1)
        self.assertIn("not generated by this script", result.stderr)
        self.assertTrue(os.path.exists(os.path.join(foreign, "keep.txt")))

    def test_invalid_arguments_rejected(self):
        cases = [
            (("--functions", "0"), "--functions must be at least 1"),
            (("--functions", "5", "--files", "4"), "must be at least --functions"),
            (("--megabytes", "0"), "--megabytes must be positive"),
            (("--megabytes", "nan"), "--megabytes must be positive"),
        ]
        for arguments, message in cases:
            with self.subTest(arguments=arguments):
                result = generate(os.path.join(self.temporary.name, "unused"), *arguments)
                self.assertEqual(result.returncode, 2)
                self.assertIn(message, result.stderr)

    def test_unknown_language_rejected(self):
        result = generate(os.path.join(self.temporary.name, "unused"), "--language", "ruby")
        self.assertEqual(result.returncode, 2)
        self.assertIn("invalid choice: 'ruby'", result.stderr)

    def test_python_is_the_default_language(self):
        with open(os.path.join(self.root, "template.yaml"), encoding="utf-8") as handle:
            template = handle.read()
        self.assertIn("    Runtime: python3.12\n", template)
        self.assertIn("    Handler: app.lambda_handler\n", template)
        self.assertNotIn("BuildMethod", template)


NODE_EXTENSIONS = (".js", ".mjs", ".cjs", ".ts")
NODE_ENVIRONMENT_READ = re.compile(r'process\.env(?:\.([A-Z_]+)|\["([A-Z_]+)"\])')
NODE_LOCAL_IMPORT = re.compile(r'(?:^import .* from |^export .* from |require\()"(\.[^"]*)"', re.MULTILINE)
NODE_PACKAGE_IMPORT = re.compile(r'(?:^import .* from |require\()"([^.][^"]*)"', re.MULTILINE)


def node_files(root):
    for folder, _, files in os.walk(root):
        if "node_modules" in folder:
            continue
        for name in files:
            if name.endswith(NODE_EXTENSIONS):
                yield os.path.join(folder, name)


def resolve_node_import(importer, specifier):
    """Return the file a relative import names, as Node.js or TypeScript's resolver finds it."""
    base = os.path.normpath(os.path.join(os.path.dirname(importer), specifier))
    candidates = [base] + [base + extension for extension in NODE_EXTENSIONS]
    if base.endswith(".js"):
        candidates.append(base[: -len(".js")] + ".ts")
    candidates += [os.path.join(base, "index" + extension) for extension in NODE_EXTENSIONS]
    return next((path for path in candidates if os.path.isfile(path)), None)


class NodeProjectTests:
    """Checks shared by the JavaScript and TypeScript projects; LANGUAGE is set by subclasses."""

    LANGUAGE = ""
    ARGUMENTS = ("--functions", "12", "--files", "120", "--megabytes", "0.6", "--seed", "7")

    @classmethod
    def setUpClass(cls):
        cls.temporary = tempfile.TemporaryDirectory()
        cls.root = os.path.join(cls.temporary.name, "project")
        cls.result = generate(cls.root, *cls.ARGUMENTS, "--language", cls.LANGUAGE)
        with open(os.path.join(cls.root, "template.yaml"), encoding="utf-8") as handle:
            cls.template = handle.read()

    @classmethod
    def tearDownClass(cls):
        cls.temporary.cleanup()

    def test_run_succeeds_and_reports_counts(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertIn("functions:      12", self.result.stdout)
        self.assertIn(f"{self.LANGUAGE} files: 120", self.result.stdout)

    def test_file_count_and_size(self):
        files = list(node_files(self.root))
        self.assertEqual(len(files), 120)
        self.assertEqual(list(python_files(self.root)), [])
        total = sum(os.path.getsize(path) for path in files)
        self.assertAlmostEqual(total / 600_000, 1.0, delta=0.1)

    def test_template_uses_node_runtime(self):
        self.assertIn("    Runtime: nodejs20.x\n", self.template)
        self.assertIn("    Handler: app.handler\n", self.template)
        self.assertNotIn("python", self.template)

    def test_every_function_has_handler_and_manifest(self):
        for code_uri in function_blocks(self.template):
            folder = os.path.join(self.root, code_uri)
            handlers = [name for name in os.listdir(folder) if re.fullmatch(r"app\.(m?js|ts)", name)]
            self.assertEqual(len(handlers), 1, code_uri)
            with open(os.path.join(folder, handlers[0]), encoding="utf-8") as handle:
                self.assertRegex(handle.read(), r"(?m)^(export const handler = |exports\.handler = handler;)")
            self.assertTrue(os.path.isfile(os.path.join(folder, "package.json")), code_uri)

    def test_local_imports_resolve(self):
        for path in node_files(self.root):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            for specifier in NODE_LOCAL_IMPORT.findall(text):
                self.assertIsNotNone(resolve_node_import(path, specifier), f"{path} imports {specifier}")

    def test_imports_only_sdk_v3_and_node_modules(self):
        allowed = re.compile(r"@aws-sdk/[a-z0-9-]+|node:[a-z]+|aws-lambda")
        for path in node_files(self.root):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            for package in NODE_PACKAGE_IMPORT.findall(text):
                self.assertRegex(package, allowed, path)

    def test_sdk_features_are_present(self):
        text = ""
        for path in node_files(self.root):
            with open(path, encoding="utf-8") as handle:
                text += handle.read()
        for feature in ("DynamoDBDocumentClient.from(", "paginateListObjectsV2(", "paginateGetParametersByPath(",
                        "new GetCommand(", "new SendMessageBatchCommand(", "new PublishCommand("):
            self.assertIn(feature, text)

    def test_environment_variables_are_set_in_template(self):
        blocks = function_blocks(self.template)
        self.assertEqual(len(blocks), 12)
        for code_uri, block in blocks.items():
            declared = set(TEMPLATE_VARIABLE.findall(block))
            read = set()
            for path in node_files(os.path.join(self.root, code_uri)):
                with open(path, encoding="utf-8") as handle:
                    read |= {dotted or indexed for dotted, indexed in NODE_ENVIRONMENT_READ.findall(handle.read())}
            self.assertEqual(read, declared, code_uri)

    def test_same_seed_gives_identical_output(self):
        again = os.path.join(self.temporary.name, "again")
        self.assertEqual(generate(again, *self.ARGUMENTS, "--language", self.LANGUAGE).returncode, 0)
        self.assertEqual(tree_digest(again), tree_digest(self.root))


class JavaScriptProjectTests(NodeProjectTests, unittest.TestCase):
    LANGUAGE = "javascript"

    def test_both_module_systems_are_used(self):
        extensions = {os.path.splitext(path)[1] for path in node_files(self.root)}
        self.assertEqual(extensions, {".js", ".mjs"})
        commonjs = [path for path in node_files(self.root) if path.endswith(".js")]
        with open(commonjs[0], encoding="utf-8") as handle:
            text = handle.read()
        self.assertNotRegex(text, r"(?m)^(import|export) ")

    @unittest.skipUnless(shutil.which("node"), "node is not installed")
    def test_every_file_parses_with_node(self):
        for path in node_files(self.root):
            result = subprocess.run(["node", "--check", path], capture_output=True, text=True, check=False)
            self.assertEqual(result.returncode, 0, f"{path}: {result.stderr}")


class TypeScriptProjectTests(NodeProjectTests, unittest.TestCase):
    LANGUAGE = "typescript"

    def test_functions_are_built_with_esbuild(self):
        for code_uri, block in function_blocks(self.template).items():
            self.assertIn("      BuildMethod: esbuild\n", block, code_uri)
            self.assertRegex(block, r"(?m)^          - app\.ts$", code_uri)

    def test_modules_have_type_annotations(self):
        handlers = [path for path in node_files(self.root) if path.endswith(os.sep + "app.ts")]
        self.assertEqual(len(handlers), 12)
        with open(handlers[0], encoding="utf-8") as handle:
            text = handle.read()
        self.assertIn('import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from "aws-lambda";', text)
        self.assertIn("Promise<APIGatewayProxyResult>", text)


if __name__ == "__main__":
    unittest.main()
