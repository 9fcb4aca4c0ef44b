"""Consume queued orders: mark each one PROCESSING and start its fulfilment workflow.

The SQS event source reports partial batch failures, so one bad message is retried
(and eventually dead-lettered) without redelivering the rest of the batch.
"""

import json
import logging
import os
from datetime import datetime, timezone

import boto3
from botocore.exceptions import ClientError

from messages import InvalidMessageError, parse_order_message

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

stepfunctions = boto3.client("stepfunctions")
orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE_NAME"])

STATE_MACHINE_ARN = os.environ["FULFILMENT_STATE_MACHINE_ARN"]


def mark_processing(order_id: str) -> bool:
    """Move the order from PENDING to PROCESSING; False when another status is already set."""
    try:
        orders.update_item(
            Key={"order_id": order_id},
            UpdateExpression="SET #status = :processing, updated_at = :now",
            ConditionExpression="#status IN (:pending, :processing)",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues={
                ":pending": "PENDING",
                ":processing": "PROCESSING",
                ":now": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            },
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            logger.info("Order %s is past PROCESSING; skipping", order_id)
            return False
        raise
    return True


def start_fulfilment(order_id: str, payload: dict) -> None:
    """Start one execution per order; the execution name makes a redelivery harmless."""
    try:
        execution = stepfunctions.start_execution(
            stateMachineArn=STATE_MACHINE_ARN,
            name=f"order-{order_id}",
            input=json.dumps(payload),
        )
        logger.info("Started %s for order %s", execution["executionArn"], order_id)
    except ClientError as error:
        if error.response["Error"]["Code"] == "ExecutionAlreadyExists":
            logger.info("Fulfilment for order %s was already started", order_id)
            return
        raise


def lambda_handler(event, context):
    failures = []
    for record in event.get("Records", []):
        message_id = record["messageId"]
        try:
            message = parse_order_message(record["body"])
        except InvalidMessageError as error:
            # Retrying cannot fix a malformed body; drop it and keep a trace in the logs.
            logger.error("Dropping message %s: %s", message_id, error)
            continue
        try:
            if mark_processing(message.order_id):
                start_fulfilment(message.order_id, message.as_workflow_input())
        except ClientError:
            logger.exception("Failed to process order %s (message %s)", message.order_id, message_id)
            failures.append({"itemIdentifier": message_id})
    return {"batchItemFailures": failures}
