"""Tests of generate-project.py (standard library only): python3 -m unittest discover Benchmarks"""

import hashlib
import os
import re
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


if __name__ == "__main__":
    unittest.main()
