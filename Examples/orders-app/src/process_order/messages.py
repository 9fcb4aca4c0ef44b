"""Parsing of the order messages that the create-order function queues."""

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


class InvalidMessageError(ValueError):
    """The queue message is not an order message."""


@dataclass(frozen=True)
class OrderMessage:
    order_id: str
    total: Decimal
    currency: str

    def as_workflow_input(self) -> dict:
        return {"order_id": self.order_id, "total": str(self.total), "currency": self.currency}


def parse_order_message(body: str) -> OrderMessage:
    try:
        raw = json.loads(body)
        message = OrderMessage(
            order_id=str(raw["order_id"]),
            total=Decimal(raw["total"]),
            currency=str(raw.get("currency", "EUR")),
        )
    except (json.JSONDecodeError, KeyError, TypeError, InvalidOperation) as error:
        raise InvalidMessageError(f"{type(error).__name__}: {error}") from error
    if message.total <= 0:
        raise InvalidMessageError(f"Order {message.order_id} has a non-positive total {message.total}")
    return message
