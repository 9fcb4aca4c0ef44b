"""Create an order from an API Gateway ``POST /orders`` request.

The order is stored with status ``PENDING`` and queued for the processing
function, which starts the fulfilment workflow.
"""

import json
import logging
import os
from decimal import Decimal

import boto3
from botocore.exceptions import ClientError

from orders.models import Order, OrderValidationError
from orders.repository import DuplicateOrderError, add_order

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

sqs = boto3.client("sqs")
ssm = boto3.client("ssm")
cloudwatch = boto3.client("cloudwatch")

ORDER_QUEUE_URL = os.environ["ORDER_QUEUE_URL"]
MAX_ORDER_TOTAL_PARAMETER = os.environ["MAX_ORDER_TOTAL_PARAMETER"]
METRICS_NAMESPACE = "OrdersApp/Checkout"

_max_order_total = None


def max_order_total() -> Decimal:
    """Read the per-order limit once per container; operators change it in SSM."""
    global _max_order_total
    if _max_order_total is None:
        response = ssm.get_parameter(Name=MAX_ORDER_TOTAL_PARAMETER)
        _max_order_total = Decimal(response["Parameter"]["Value"])
        logger.info("Loaded max order total %s from %s", _max_order_total, MAX_ORDER_TOTAL_PARAMETER)
    return _max_order_total


def response(status: int, body: dict) -> dict:
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body, default=str),
    }


def queue_for_processing(order: Order) -> None:
    message = {"order_id": order.order_id, "total": str(order.total), "currency": order.currency}
    sqs.send_message(
        QueueUrl=ORDER_QUEUE_URL,
        MessageBody=json.dumps(message),
        MessageAttributes={
            "customer_id": {"DataType": "String", "StringValue": order.customer_id},
        },
    )


def record_metrics(order: Order) -> None:
    """Publish business metrics; a metrics outage must not fail the order."""
    try:
        cloudwatch.put_metric_data(
            Namespace=METRICS_NAMESPACE,
            MetricData=[
                {"MetricName": "OrdersCreated", "Value": 1, "Unit": "Count"},
                {"MetricName": "OrderValue", "Value": float(order.total), "Unit": "None"},
            ],
        )
    except ClientError:
        logger.warning("Failed to publish metrics for order %s", order.order_id, exc_info=True)


def lambda_handler(event, context):
    try:
        payload = json.loads(event.get("body") or "{}")
        order = Order.from_request(payload)
    except (json.JSONDecodeError, OrderValidationError) as error:
        logger.info("Rejected order request: %s", error)
        return response(400, {"message": str(error)})

    limit = max_order_total()
    if order.total > limit:
        return response(422, {"message": f"Order total {order.total} is above the limit of {limit}."})

    try:
        add_order(order)
    except DuplicateOrderError:
        return response(409, {"message": f"Order {order.order_id} already exists."})

    queue_for_processing(order)
    record_metrics(order)
    logger.info("Created order %s for customer %s", order.order_id, order.customer_id)
    return response(201, {"order_id": order.order_id, "status": order.status, "total": order.total})
