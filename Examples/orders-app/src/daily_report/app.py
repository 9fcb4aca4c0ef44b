"""Write yesterday's paid orders to ``reports/<day>.csv`` and mail ops a download link.

Runs on a schedule (an asynchronous invocation); events that still fail after Lambda's
retries go to the report failures dead-letter queue.
"""

import logging
import os
from datetime import date, datetime, time, timedelta, timezone

import boto3
from boto3.dynamodb.conditions import Key

from report_csv import summarize, write_report

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

s3 = boto3.client("s3")
sns = boto3.client("sns")
orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE_NAME"])

DOCUMENTS_BUCKET = os.environ["DOCUMENTS_BUCKET"]
REPORTS_TOPIC_ARN = os.environ["REPORTS_TOPIC_ARN"]
STATUS_INDEX = "by-status"
LINK_LIFETIME_SECONDS = 3 * 24 * 3600


def report_day(event: dict) -> date:
    """Return the previous UTC day, or ``event["day"]`` (YYYY-MM-DD) for a manual re-run."""
    if "day" in event:
        return date.fromisoformat(event["day"])
    return datetime.now(timezone.utc).date() - timedelta(days=1)


def paid_orders(day: date):
    start = datetime.combine(day, time.min, tzinfo=timezone.utc).isoformat(timespec="seconds")
    end = datetime.combine(day, time.max, tzinfo=timezone.utc).isoformat(timespec="seconds")
    last_key = None
    while True:
        page_options = {"ExclusiveStartKey": last_key} if last_key else {}
        page = orders.query(
            IndexName=STATUS_INDEX,
            KeyConditionExpression=Key("status").eq("PAID") & Key("created_at").between(start, end),
            **page_options,
        )
        yield from page["Items"]
        last_key = page.get("LastEvaluatedKey")
        if last_key is None:
            return


def lambda_handler(event, context):
    day = report_day(event)
    local_path = f"/tmp/orders-{day.isoformat()}.csv"
    rows = write_report(paid_orders(day), local_path)
    if rows == 0:
        logger.info("No paid orders on %s; no report written", day)
        return {"day": day.isoformat(), "rows": 0}

    key = f"reports/{day.isoformat()}.csv"
    # upload_file switches to a multipart upload above 8 MB (the boto3 default threshold).
    s3.upload_file(local_path, DOCUMENTS_BUCKET, key, ExtraArgs={"ContentType": "text/csv"})
    link = s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": DOCUMENTS_BUCKET, "Key": key},
        ExpiresIn=LINK_LIFETIME_SECONDS,
    )
    summary = summarize(local_path)
    sns.publish(
        TopicArn=REPORTS_TOPIC_ARN,
        Subject=f"Orders report for {day.isoformat()}",
        Message=f"{summary}\n\nDownload (valid for 3 days): {link}\n",
    )
    os.remove(local_path)
    logger.info("Wrote %d orders to s3://%s/%s", rows, DOCUMENTS_BUCKET, key)
    return {"day": day.isoformat(), "rows": rows, "key": key}
