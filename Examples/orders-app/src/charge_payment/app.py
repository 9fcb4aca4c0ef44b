"""Charge an order through the payment gateway.

The fulfilment state machine invokes this function with ``{"order_id", "total", "currency"}``.
On success the order becomes PAID and an ``order.paid`` event goes to the order events topic.
A declined payment marks the order and raises, so the workflow takes its failure branch.
"""

import json
import os
from datetime import datetime, timezone
from decimal import Decimal

import boto3
from aws_lambda_powertools import Logger, Tracer

from gateway import GatewayUnavailableError, PaymentDeclinedError, PaymentGateway
from settings import load_settings

logger = Logger()
tracer = Tracer()

sns = boto3.client("sns")
orders = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE_NAME"])

ORDER_EVENTS_TOPIC_ARN = os.environ["ORDER_EVENTS_TOPIC_ARN"]

_gateway = None


def gateway() -> PaymentGateway:
    global _gateway
    if _gateway is None:
        settings = load_settings()
        _gateway = PaymentGateway(
            base_url=os.environ["PAYMENT_GATEWAY_URL"],
            merchant_id=settings.merchant_id,
            api_key=settings.api_key,
            timeout_seconds=settings.timeout_seconds,
        )
    return _gateway


@tracer.capture_method
def set_status(order_id: str, status: str, **attributes) -> None:
    names = {"#status": "status"}
    values = {":status": status, ":now": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    assignments = ["#status = :status", "updated_at = :now"]
    for index, (name, value) in enumerate(sorted(attributes.items())):
        names[f"#a{index}"] = name
        values[f":a{index}"] = value
        assignments.append(f"#a{index} = :a{index}")
    orders.update_item(
        Key={"order_id": order_id},
        UpdateExpression="SET " + ", ".join(assignments),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=values,
    )


@tracer.capture_method
def publish_paid_event(order_id: str, charge_id: str, amount: Decimal, currency: str) -> None:
    sns.publish(
        TopicArn=ORDER_EVENTS_TOPIC_ARN,
        Message=json.dumps({"order_id": order_id, "charge_id": charge_id, "amount": str(amount), "currency": currency}),
        MessageAttributes={"event_type": {"DataType": "String", "StringValue": "order.paid"}},
    )


@logger.inject_lambda_context(log_event=False)
@tracer.capture_lambda_handler
def lambda_handler(event, context):
    order_id = event["order_id"]
    amount = Decimal(event["total"])
    currency = event.get("currency", "EUR")
    tracer.put_annotation(key="order_id", value=order_id)

    try:
        charge = gateway().charge(order_id=order_id, amount=amount, currency=currency)
    except PaymentDeclinedError as error:
        logger.warning("Payment declined", extra={"order_id": order_id, "reason": error.reason})
        set_status(order_id, "PAYMENT_DECLINED", decline_reason=error.reason)
        raise
    except GatewayUnavailableError:
        logger.exception("Payment gateway unavailable", extra={"order_id": order_id})
        raise

    set_status(order_id, "PAID", charge_id=charge.charge_id)
    publish_paid_event(order_id, charge.charge_id, amount, currency)
    logger.info("Order paid", extra={"order_id": order_id, "charge_id": charge.charge_id})
    return {"order_id": order_id, "status": "PAID", "charge_id": charge.charge_id}
