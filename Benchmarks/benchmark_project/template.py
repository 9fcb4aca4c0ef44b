"""The generated project's template.yaml: shared resources and one function per plan."""

from .aws_code import AWS_MODULES
from .layout import Binding

# Resource kind -> (logical id prefix, how many functions share one resource of the kind).
POOL_SHAPE = {
    "bucket": ("Bucket", 3),
    "table": ("Table", 3),
    "queue": ("Queue", 4),
    "topic": ("Topic", 6),
    "secret": ("Secret", 8),
    "key": ("Key", 25),
}

# The template value of an environment variable, per resource kind.
BINDING_VALUE = {
    "bucket": "!Ref {id}",
    "table": "!Ref {id}",
    "queue": "!Ref {id}",
    "topic": "!Ref {id}",
    "secret": "!Ref {id}",
}


class ResourcePool:
    """The shared resources of the template, sized on the number of functions."""

    def __init__(self, functions, rng):
        self.counts = {kind: max(1, functions // share) for kind, (_, share) in POOL_SHAPE.items()}
        self._rng = rng
        # Every third bucket and queue and every fourth topic use a customer-managed key.
        self.encrypted = {
            "bucket": {index for index in range(1, self.counts["bucket"] + 1) if index % 3 == 0},
            "queue": {index for index in range(1, self.counts["queue"] + 1) if index % 3 == 0},
            "topic": {index for index in range(1, self.counts["topic"] + 1) if index % 4 == 0},
        }

    def logical_id(self, kind, index):
        return f"{POOL_SHAPE[kind][0]}{index:03d}"

    def pick(self, kind):
        return self.logical_id(kind, self._rng.randint(1, self.counts[kind]))

    def key_for(self, index):
        return self.logical_id("key", (index - 1) % self.counts["key"] + 1)

    def bindings_for(self, function_index, kinds, rng):
        bindings = []
        for kind in sorted(kinds):
            for variable, resource_kind in AWS_MODULES[kind][2]:
                logical_id = "" if resource_kind == "path" else self.pick(resource_kind)
                bindings.append(Binding(variable=variable, kind=resource_kind, logical_id=logical_id))
        return bindings


def render_resources(pool):
    lines = []
    for index in range(1, pool.counts["key"] + 1):
        lines += [
            f"  {pool.logical_id('key', index)}:",
            "    Type: AWS::KMS::Key",
            "    Properties:",
            "      EnableKeyRotation: true",
            "      KeyPolicy:",
            '        Version: "2012-10-17"',
            "        Statement:",
            "          - Effect: Allow",
            "            Principal:",
            "              AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root",
            "            Action: kms:*",
            '            Resource: "*"',
        ]
    for index in range(1, pool.counts["bucket"] + 1):
        lines += [f"  {pool.logical_id('bucket', index)}:", "    Type: AWS::S3::Bucket"]
        if index in pool.encrypted["bucket"]:
            lines += [
                "    Properties:",
                "      BucketEncryption:",
                "        ServerSideEncryptionConfiguration:",
                "          - ServerSideEncryptionByDefault:",
                "              SSEAlgorithm: aws:kms",
                f"              KMSMasterKeyID: !Ref {pool.key_for(index)}",
            ]
    for index in range(1, pool.counts["table"] + 1):
        lines += [
            f"  {pool.logical_id('table', index)}:",
            "    Type: AWS::DynamoDB::Table",
            "    Properties:",
            "      BillingMode: PAY_PER_REQUEST",
            "      AttributeDefinitions:",
            "        - { AttributeName: pk, AttributeType: S }",
            "        - { AttributeName: status, AttributeType: S }",
            "      KeySchema:",
            "        - { AttributeName: pk, KeyType: HASH }",
            "      GlobalSecondaryIndexes:",
            "        - IndexName: by-status",
            "          KeySchema:",
            "            - { AttributeName: status, KeyType: HASH }",
            "          Projection: { ProjectionType: ALL }",
        ]
    for index in range(1, pool.counts["queue"] + 1):
        lines += [f"  {pool.logical_id('queue', index)}:", "    Type: AWS::SQS::Queue"]
        if index in pool.encrypted["queue"]:
            lines += ["    Properties:", f"      KmsMasterKeyId: !Ref {pool.key_for(index)}"]
    for index in range(1, pool.counts["topic"] + 1):
        lines += [f"  {pool.logical_id('topic', index)}:", "    Type: AWS::SNS::Topic"]
        if index in pool.encrypted["topic"]:
            lines += ["    Properties:", f"      KmsMasterKeyId: !Ref {pool.key_for(index)}"]
    for index in range(1, pool.counts["secret"] + 1):
        lines += [
            f"  {pool.logical_id('secret', index)}:",
            "    Type: AWS::SecretsManager::Secret",
            "    Properties:",
            f"      Name: !Sub benchmark/${{Stage}}/secret-{index:03d}",
            "      GenerateSecretString:",
            "        SecretStringTemplate: '{\"username\": \"service\"}'",
            "        GenerateStringKey: password",
        ]
    return lines


# Language -> (Globals Runtime, Globals Handler).
RUNTIME_AND_HANDLER = {
    "python": ("python3.12", "app.lambda_handler"),
    "javascript": ("nodejs20.x", "app.handler"),
    "typescript": ("nodejs20.x", "app.handler"),
}

# SAM builds a TypeScript function with esbuild from this metadata.
ESBUILD_METADATA = [
    "    Metadata:",
    "      BuildMethod: esbuild",
    "      BuildProperties:",
    "        Minify: true",
    "        Target: es2022",
    "        Sourcemap: true",
    "        EntryPoints:",
    "          - app.ts",
]


def render_function(plan, pool, language="python"):
    lines = [
        f"  {plan.logical_id}:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        f"      CodeUri: {plan.code_uri}",
    ]
    if plan.bindings:
        lines += ["      Environment:", "        Variables:"]
        for binding in plan.bindings:
            if binding.kind == "path":
                value = f"!Sub /benchmark/${{Stage}}/fn-{plan.index:04d}"
            else:
                value = BINDING_VALUE[binding.kind].format(id=binding.logical_id)
            lines.append(f"          {binding.variable}: {value}")
    if plan.has_tracing:
        lines.append("      Tracing: Active")
    if plan.has_vpc:
        lines += [
            "      VpcConfig:",
            "        SubnetIds: !Ref SubnetIds",
            "        SecurityGroupIds: !Ref SecurityGroupIds",
        ]
    if plan.has_dead_letter_queue:
        lines += ["      DeadLetterQueue:", "        Type: SQS", f"        TargetArn: !GetAtt {pool.pick('queue')}.Arn"]
    events = []
    if plan.has_sqs_event:
        events += ["        Jobs:", "          Type: SQS", "          Properties:", f"            Queue: !GetAtt {pool.pick('queue')}.Arn"]
    if plan.has_schedule:
        events += ["        Hourly:", "          Type: Schedule", "          Properties:", "            Schedule: rate(1 hour)"]
    if events:
        lines += ["      Events:"] + events
    if language == "typescript":
        lines += ESBUILD_METADATA
    return lines


def render_template(plans, pool, language="python"):
    runtime, handler = RUNTIME_AND_HANDLER[language]
    lines = [
        'AWSTemplateFormatVersion: "2010-09-09"',
        "Transform: AWS::Serverless-2016-10-31",
        f"Description: Generated minrole benchmark project with {len(plans)} functions.",
        "",
        "Parameters:",
        "  Stage:",
        "    Type: String",
        "    Default: bench",
        "  SubnetIds:",
        "    Type: List<AWS::EC2::Subnet::Id>",
        "  SecurityGroupIds:",
        "    Type: List<AWS::EC2::SecurityGroup::Id>",
        "",
        "Globals:",
        "  Function:",
        f"    Runtime: {runtime}",
        f"    Handler: {handler}",
        "    Timeout: 30",
        "    Environment:",
        "      Variables:",
        "        STAGE: !Ref Stage",
        "",
        "Resources:",
    ]
    lines += render_resources(pool)
    for plan in plans:
        lines += render_function(plan, pool, language)
    return "\n".join(lines) + "\n"
