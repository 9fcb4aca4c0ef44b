"""Persistence of new orders in the orders table."""

import logging
import os

import boto3
from boto3.dynamodb.conditions import Attr
from botocore.exceptions import ClientError

from .models import Order

logger = logging.getLogger(__name__)

_table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE_NAME"])


class DuplicateOrderError(Exception):
    """An order with the same id is already stored."""


def add_order(order: Order) -> None:
    """Store a new order; raise DuplicateOrderError when the client retried a request."""
    try:
        _table.put_item(
            Item=order.to_item(),
            ConditionExpression=Attr("order_id").not_exists(),
        )
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            logger.info("Order %s already exists", order.order_id)
            raise DuplicateOrderError(order.order_id) from error
        raise
