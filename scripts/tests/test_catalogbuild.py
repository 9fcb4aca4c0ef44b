"""Unit tests for the catalog build scripts. Run: python3 -m unittest discover -s scripts/tests"""

import importlib.util
import sys
import unittest
from collections import Counter
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SCRIPTS))

from catalogbuild.common import arn_variables, is_plain_template, snake_case  # noqa: E402
from catalogbuild.operations import OperationMapper, referenced_parameters  # noqa: E402
from catalogbuild.sdk import CatalogError, apply_corrections  # noqa: E402
from catalogbuild.services import access_level_from_flags  # noqa: E402


def load_embed_module():
    spec = importlib.util.spec_from_file_location("embed_data", SCRIPTS / "embed-data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SERVICES = {
    "demo": {
        "actions": {
            "GetThing": {"resourceTypes": [{"name": "thing", "required": True}]},
            "TagThing": {"resourceTypes": [{"name": "thing", "required": False}]},
        },
        "resourceTypes": {"thing": {"arnFormats": ["arn:${Partition}:demo:${Region}:${Account}:thing/${ThingName}"]}},
        "conditionKeys": {},
    }
}


class NamingTests(unittest.TestCase):
    def test_snake_case(self):
        cases = {
            "ListObjectsV2": "list_objects_v2",
            "GetObject": "get_object",
            "DescribeDBInstances": "describe_db_instances",
            "PutBucketACL": "put_bucket_acl",
        }
        for operation, method in cases.items():
            self.assertEqual(snake_case(operation), method, operation)

    def test_access_level_flags(self):
        self.assertEqual(access_level_from_flags({}), "Read")
        self.assertEqual(access_level_from_flags({"IsList": True}), "List")
        self.assertEqual(access_level_from_flags({"IsWrite": True, "IsTaggingOnly": True}), "Tagging")


class TemplateTests(unittest.TestCase):
    def test_plain_templates(self):
        self.assertTrue(is_plain_template("${Bucket}"))
        self.assertTrue(is_plain_template("@connections/${ConnectionId}"))
        self.assertTrue(is_plain_template("${Key.Sub}"))
        self.assertFalse(is_plain_template("%%regex%${QueueUrl}%/x/g%%"))
        self.assertFalse(is_plain_template("${Entries[].EventBusName}"))
        self.assertFalse(is_plain_template("*"))

    def test_referenced_parameters(self):
        self.assertEqual(referenced_parameters("%%regex%${QueueUrl}%/x/g%%"), ["QueueUrl"])
        self.assertEqual(referenced_parameters("arn:${Partition}:x:${Region}:${Account}:${SecretId}"), ["SecretId"])
        self.assertEqual(referenced_parameters("${Entries[].EventBusName}"), [])

    def test_arn_variables(self):
        self.assertEqual(arn_variables("arn:${Partition}:s3:::${BucketName}/${ObjectName}"), ["BucketName", "ObjectName"])


class OperationMapperTests(unittest.TestCase):
    def mapper(self, dataset=None):
        return OperationMapper(SERVICES, dataset or {}, Counter())

    def test_same_named_action_is_required(self):
        entries = [{"file": "demo", "actions": ["demo:GetThing", "demo:TagThing"], "context": {}}]
        actions, source = self.mapper().map_operation("demo", "GetThing", "demo", entries, [])
        self.assertEqual(source, "service-reference")
        self.assertEqual([(a["action"], a["trigger"]) for a in actions],
                         [("demo:GetThing", "always"), ("demo:TagThing", "possible")])

    def test_stale_actions_are_dropped(self):
        stats = Counter()
        mapper = OperationMapper(SERVICES, {}, stats)
        entries = [{"file": "demo", "actions": ["demo:GetThing", "demo:Gone"], "context": {}}]
        actions, _ = mapper.map_operation("demo", "GetThing", "demo", entries, [])
        self.assertEqual([a["action"] for a in actions], ["demo:GetThing"])
        self.assertEqual(stats["staleReferenceActionsDropped"], 1)

    def test_no_action_is_invented(self):
        actions, source = self.mapper().map_operation("demo", "DeleteThing", "demo", [], [])
        self.assertEqual(actions, [])
        self.assertEqual(source, "none")

    def test_plain_bindings_are_kept(self):
        dataset = {"Demo.GetThing": [{"action": "demo:GetThing", "resource_mappings": {"ThingName": {"template": "${Name}"}}}]}
        entries = [{"file": "demo", "actions": ["demo:GetThing"], "context": {}}]
        actions, _ = self.mapper(dataset).map_operation("demo", "GetThing", "demo", entries, ["Demo"])
        self.assertEqual(actions[0]["arnBindings"], {"ThingName": "${Name}"})
        self.assertEqual(actions[0]["resourceType"], "thing")

    def test_function_templates_leave_the_variable_open(self):
        template = "%%regex%${ThingArn}%/x/g%%"
        dataset = {"Demo.GetThing": [{"action": "demo:GetThing", "resource_mappings": {"ThingName": {"template": template}}}]}
        entries = [{"file": "demo", "actions": ["demo:GetThing"], "context": {}}]
        actions, _ = self.mapper(dataset).map_operation("demo", "GetThing", "demo", entries, ["Demo"])
        self.assertNotIn("arnBindings", actions[0])
        self.assertEqual(actions[0]["resourceParameters"], ["ThingArn"])


class CorrectionTests(unittest.TestCase):
    def clients(self):
        return {"demo": {"operations": {"GetThing": {"actions": [], "source": "none"}}}}

    def correction(self, **changes):
        entry = {"client": "demo", "operation": "GetThing", "reason": "r", "source": "s",
                 "actions": [{"action": "demo:GetThing", "trigger": "always", "resourceType": "thing",
                              "arnBindings": {"ThingName": "${Name}"}}]}
        entry.update(changes)
        return entry

    def test_valid_correction_is_applied(self):
        clients = self.clients()
        apply_corrections(clients, SERVICES, [self.correction()])
        self.assertEqual(clients["demo"]["operations"]["GetThing"]["source"], "correction")

    def test_invalid_corrections_are_rejected(self):
        bad = [
            self.correction(reason=""),
            self.correction(source=None),
            self.correction(operation="Nope"),
            self.correction(actions=[{"action": "demo:Invented", "trigger": "always"}]),
            self.correction(actions=[{"action": "demo:GetThing", "trigger": "always", "resourceType": "other"}]),
            self.correction(actions=[{"action": "demo:GetThing", "trigger": "always", "resourceType": "thing",
                                      "arnBindings": {"Nope": "${Name}"}}]),
        ]
        for correction in bad:
            with self.assertRaises(CatalogError, msg=str(correction)):
                apply_corrections(self.clients(), SERVICES, [correction])


class EmbedTests(unittest.TestCase):
    def test_raw_literal_delimiter_cannot_close(self):
        embed = load_embed_module()
        self.assertEqual(embed.raw_literal('{"a":1}'), '#"{"a":1}"#')
        literal = embed.raw_literal('x"#y\\#z')
        self.assertTrue(literal.startswith('##"'))
        self.assertTrue(literal.endswith('"##'))

    def test_multi_line_text(self):
        embed = load_embed_module()
        self.assertEqual(embed.raw_literal("a\nb\n"), '#"""\na\nb\n\n"""#')


if __name__ == "__main__":
    unittest.main()
