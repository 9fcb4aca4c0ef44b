"""boto3 code for the generated modules, in the shapes that real handlers use.

Each entry of AWS_MODULES is one module kind: the environment variables it reads (and which
kind of template resource each one names) and the code, where ``<<noun>>`` is replaced by a
word chosen per module.
"""

from .words import NOUNS

OBJECT_STORE = '''
import boto3
from botocore.exceptions import ClientError

s3 = boto3.client("s3")
DATA_BUCKET = os.environ["DATA_BUCKET"]


def read_<<noun>>_document(key: str) -> dict:
    """Download one <<noun>> document and parse it as JSON."""
    try:
        response = s3.get_object(Bucket=DATA_BUCKET, Key=f"<<noun>>s/{key}.json")
    except ClientError as error:
        if error.response["Error"]["Code"] == "NoSuchKey":
            raise KeyError(f"<<noun>> document {key} not found") from error
        raise
    return json.loads(response["Body"].read())


def write_<<noun>>_document(key: str, document: dict) -> None:
    s3.put_object(
        Bucket=DATA_BUCKET,
        Key=f"<<noun>>s/{key}.json",
        Body=json.dumps(document, default=str).encode("utf-8"),
        ContentType="application/json",
    )


def list_recent_<<noun>>_keys(since: datetime) -> list:
    paginator = s3.get_paginator("list_objects_v2")
    keys = []
    for page in paginator.paginate(Bucket=DATA_BUCKET, Prefix="<<noun>>s/"):
        keys.extend(item["Key"] for item in page.get("Contents", []) if item["LastModified"] >= since)
    return keys


def share_<<noun>>_link(key: str, minutes: int = 15) -> str:
    return s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": DATA_BUCKET, "Key": f"<<noun>>s/{key}.json"},
        ExpiresIn=minutes * 60,
    )
'''

OBJECT_STORE_STEPS = '''
    key = str(result.get("reference", "latest"))
    write_<<noun>>_document(key, result)
    result["<<noun>>_link"] = share_<<noun>>_link(key)
    since = datetime.now(timezone.utc) - timedelta(days=1)
    result["recent_<<noun>>s"] = len(list_recent_<<noun>>_keys(since))
'''

BUCKET_SCAN = '''
import boto3

s3_resource = boto3.resource("s3")
ARCHIVE_BUCKET = os.environ["ARCHIVE_BUCKET"]
archive = s3_resource.Bucket(ARCHIVE_BUCKET)


def archived_<<noun>>_sizes(prefix: str = "<<noun>>/") -> dict:
    """Map each archived <<noun>> key under ``prefix`` to its size in bytes."""
    return {obj.key: obj.size for obj in archive.objects.filter(Prefix=prefix)}


def load_archived_<<noun>>(key: str) -> str:
    return s3_resource.Object(ARCHIVE_BUCKET, key).get()["Body"].read().decode("utf-8")


def archive_<<noun>>_export(path: str) -> str:
    key = f"exports/<<noun>>/{os.path.basename(path)}"
    archive.upload_file(path, key)
    return key
'''

BUCKET_SCAN_STEPS = '''
    sizes = archived_<<noun>>_sizes()
    result["archived_<<noun>>_bytes"] = sum(sizes.values())
    if sizes:
        result["first_<<noun>>"] = load_archived_<<noun>>(min(sizes))[:200]
'''

ITEM_STORE = '''
import boto3
from boto3.dynamodb.conditions import Key
from botocore.exceptions import ClientError

dynamodb = boto3.resource("dynamodb")
items = dynamodb.Table(os.environ["ITEMS_TABLE"])
STATUS_INDEX = "by-status"


def load_<<noun>>(item_id: str):
    return items.get_item(Key={"pk": item_id}).get("Item")


def save_<<noun>>(item: dict) -> None:
    items.put_item(Item=item)


def <<noun>>s_with_status(status: str) -> list:
    """Return every <<noun>> with ``status``, following the query pages."""
    found = []
    start_key = None
    while True:
        extra = {"ExclusiveStartKey": start_key} if start_key else {}
        page = items.query(IndexName=STATUS_INDEX, KeyConditionExpression=Key("status").eq(status), **extra)
        found.extend(page["Items"])
        start_key = page.get("LastEvaluatedKey")
        if not start_key:
            return found


def count_<<noun>>_visit(item_id: str) -> int:
    try:
        response = items.update_item(
            Key={"pk": item_id},
            UpdateExpression="ADD visits :one",
            ExpressionAttributeValues={":one": 1},
            ReturnValues="UPDATED_NEW",
        )
    except ClientError:
        logger.exception("Failed to count a visit of <<noun>> %s", item_id)
        raise
    return int(response["Attributes"]["visits"])
'''

ITEM_STORE_STEPS = '''
    item_id = str(result.get("reference", "unknown"))
    if load_<<noun>>(item_id) is None:
        save_<<noun>>({"pk": item_id, "status": "NEW", "created_at": datetime.now(timezone.utc).isoformat()})
    result["<<noun>>_visits"] = count_<<noun>>_visit(item_id)
    result["open_<<noun>>s"] = len(<<noun>>s_with_status("OPEN"))
'''

QUEUE_CLIENT = '''
import boto3

sqs = boto3.client("sqs")
JOBS_QUEUE_URL = os.environ["JOBS_QUEUE_URL"]
BATCH_LIMIT = 10


def enqueue_<<noun>>(message: dict) -> str:
    response = sqs.send_message(QueueUrl=JOBS_QUEUE_URL, MessageBody=json.dumps(message, default=str))
    return response["MessageId"]


def enqueue_<<noun>>_batch(messages: list) -> int:
    """Send ``messages`` in batches of ten and return how many SQS rejected."""
    failed = 0
    for start in range(0, len(messages), BATCH_LIMIT):
        chunk = messages[start:start + BATCH_LIMIT]
        entries = [{"Id": str(number), "MessageBody": json.dumps(body, default=str)} for number, body in enumerate(chunk)]
        response = sqs.send_message_batch(QueueUrl=JOBS_QUEUE_URL, Entries=entries)
        for failure in response.get("Failed", []):
            logger.error("SQS rejected <<noun>> message %s: %s", failure["Id"], failure.get("Message"))
        failed += len(response.get("Failed", []))
    return failed
'''

QUEUE_CLIENT_STEPS = '''
    result["<<noun>>_message"] = enqueue_<<noun>>({"reference": result.get("reference"), "kind": "<<noun>>"})
    result["<<noun>>_failed"] = enqueue_<<noun>>_batch([{"line": line} for line in result.get("lines", [])])
'''

NOTIFIER = '''
import boto3

sns = boto3.client("sns")
EVENTS_TOPIC_ARN = os.environ["EVENTS_TOPIC_ARN"]


def announce_<<noun>>(event_type: str, detail: dict) -> str:
    response = sns.publish(
        TopicArn=EVENTS_TOPIC_ARN,
        Subject=f"<<noun>> {event_type}"[:100],
        Message=json.dumps(detail, default=str),
        MessageAttributes={"event_type": {"DataType": "String", "StringValue": event_type}},
    )
    return response["MessageId"]
'''

NOTIFIER_STEPS = '''
    result["<<noun>>_announcement"] = announce_<<noun>>("<<noun>>.updated", {"reference": result.get("reference")})
'''

CREDENTIALS = '''
import boto3

secretsmanager = boto3.client("secretsmanager")
_credentials = {}


def <<noun>>_credentials() -> dict:
    """Read the API credentials once per container."""
    if not _credentials:
        secret = secretsmanager.get_secret_value(SecretId=os.environ["API_SECRET_ARN"])
        _credentials.update(json.loads(secret["SecretString"]))
    return _credentials
'''

CREDENTIALS_STEPS = '''
    result["<<noun>>_user"] = <<noun>>_credentials().get("username", "unknown")
'''

SETTINGS = '''
import boto3

ssm = boto3.client("ssm")
SETTINGS_PATH = os.environ["SETTINGS_PATH"]


def <<noun>>_settings() -> dict:
    """Return every parameter under the settings path, keyed by its last name segment."""
    values = {}
    paginator = ssm.get_paginator("get_parameters_by_path")
    for page in paginator.paginate(Path=SETTINGS_PATH, Recursive=True):
        for parameter in page["Parameters"]:
            values[parameter["Name"].rsplit("/", 1)[-1]] = parameter["Value"]
    return values


def <<noun>>_feature_flags() -> list:
    parameter = ssm.get_parameter(Name=f"{SETTINGS_PATH}/feature-flags")
    return [flag.strip() for flag in parameter["Parameter"]["Value"].split(",") if flag.strip()]
'''

SETTINGS_STEPS = '''
    result["<<noun>>_settings"] = <<noun>>_settings()
    result["<<noun>>_flags"] = <<noun>>_feature_flags()
'''

TELEMETRY = '''
import boto3

cloudwatch = boto3.client("cloudwatch")


def record_<<noun>>_metrics(count: int, elapsed_ms: float) -> None:
    try:
        cloudwatch.put_metric_data(
            Namespace="Benchmark/<<namespace>>",
            MetricData=[
                {"MetricName": "<<Noun>>Count", "Value": count, "Unit": "Count"},
                {"MetricName": "<<Noun>>Latency", "Value": elapsed_ms, "Unit": "Milliseconds"},
            ],
        )
    except Exception:  # metrics must never fail the request
        logger.warning("Failed to publish <<noun>> metrics", exc_info=True)
'''

TELEMETRY_STEPS = '''
    record_<<noun>>_metrics(len(result), float(result.get("elapsed_ms", 0)))
'''

# kind -> (code, entry steps, [(environment variable, resource kind)])
AWS_MODULES = {
    "object_store": (OBJECT_STORE, OBJECT_STORE_STEPS, [("DATA_BUCKET", "bucket")]),
    "bucket_scan": (BUCKET_SCAN, BUCKET_SCAN_STEPS, [("ARCHIVE_BUCKET", "bucket")]),
    "item_store": (ITEM_STORE, ITEM_STORE_STEPS, [("ITEMS_TABLE", "table")]),
    "queue_client": (QUEUE_CLIENT, QUEUE_CLIENT_STEPS, [("JOBS_QUEUE_URL", "queue")]),
    "notifier": (NOTIFIER, NOTIFIER_STEPS, [("EVENTS_TOPIC_ARN", "topic")]),
    "credentials": (CREDENTIALS, CREDENTIALS_STEPS, [("API_SECRET_ARN", "secret")]),
    "settings": (SETTINGS, SETTINGS_STEPS, [("SETTINGS_PATH", "path")]),
    "telemetry": (TELEMETRY, TELEMETRY_STEPS, []),
}


def fill(text, noun, namespace):
    return (
        text.replace("<<noun>>", noun)
        .replace("<<Noun>>", noun.capitalize())
        .replace("<<namespace>>", namespace)
    )


def render_aws_module(module, plan, rng):
    """Return the module's boto3 imports and its body: the boto3 code, then the entry function."""
    code, steps, _ = AWS_MODULES[module.aws_module]
    noun = rng.choice(NOUNS)
    namespace = f"Fn{plan.index:04d}"
    lines = fill(code, noun, namespace).strip("\n").split("\n")
    imports = []
    while lines and lines[0].startswith(("import ", "from ")):
        imports.append(lines.pop(0))
    body = "\n" + "\n".join(lines) + "\n"
    return imports, body + module.render_glue(fill(steps, noun, namespace))
