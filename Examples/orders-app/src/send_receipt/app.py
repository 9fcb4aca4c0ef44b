"""Render an HTML receipt for each ``order.paid`` event and store it beside the order.

SNS invokes this function asynchronously; after the configured retry, Lambda sends the
failed event to the receipt failures queue (the EventInvokeConfig on-failure destination).
"""

import json
import logging
import os

import boto3
from botocore.exceptions import ClientError

from rendering import render_receipt

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

s3 = boto3.client("s3")
orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE_NAME"])

DOCUMENTS_BUCKET = os.environ["DOCUMENTS_BUCKET"]
TEMPLATE_KEY = "templates/receipt.html"

_template = None


class OrderNotFoundError(LookupError):
    pass


def receipt_template() -> str:
    global _template
    if _template is None:
        try:
            obj = s3.get_object(Bucket=DOCUMENTS_BUCKET, Key=TEMPLATE_KEY)
        except ClientError as error:
            if error.response["Error"]["Code"] == "NoSuchKey":
                raise RuntimeError(
                    f"Receipt template s3://{DOCUMENTS_BUCKET}/{TEMPLATE_KEY} not found; upload it first"
                ) from error
            raise
        _template = obj["Body"].read().decode("utf-8")
    return _template


def load_order(order_id: str) -> dict:
    item = orders.get_item(Key={"order_id": order_id}, ConsistentRead=True).get("Item")
    if item is None:
        raise OrderNotFoundError(order_id)
    return item


def store_receipt(order_id: str, html: str) -> str:
    key = f"receipts/{order_id}.html"
    s3.put_object(
        Bucket=DOCUMENTS_BUCKET,
        Key=key,
        Body=html.encode("utf-8"),
        ContentType="text/html; charset=utf-8",
        Metadata={"order-id": order_id},
    )
    orders.update_item(
        Key={"order_id": order_id},
        UpdateExpression="SET receipt_key = :key",
        ExpressionAttributeValues={":key": key},
    )
    return key


def lambda_handler(event, context):
    for record in event["Records"]:
        message = json.loads(record["Sns"]["Message"])
        order_id = message["order_id"]
        try:
            order = load_order(order_id)
        except OrderNotFoundError:
            logger.error("Paid order %s not found; no receipt written", order_id)
            continue
        html = render_receipt(receipt_template(), order, charge_id=message.get("charge_id", ""))
        key = store_receipt(order_id, html)
        logger.info("Stored receipt for order %s at s3://%s/%s", order_id, DOCUMENTS_BUCKET, key)
