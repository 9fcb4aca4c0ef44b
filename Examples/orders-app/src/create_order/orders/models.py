"""Order and line-item values, validated from the API request body."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

SUPPORTED_CURRENCIES = frozenset({"EUR", "USD", "GBP"})
MAX_LINE_ITEMS = 50


class OrderValidationError(ValueError):
    """The request body does not describe a valid order."""


@dataclass(frozen=True)
class LineItem:
    sku: str
    quantity: int
    unit_price: Decimal

    @property
    def subtotal(self) -> Decimal:
        return self.unit_price * self.quantity

    @classmethod
    def from_request(cls, raw: dict) -> "LineItem":
        try:
            sku = str(raw["sku"]).strip()
            quantity = int(raw["quantity"])
            unit_price = Decimal(str(raw["unit_price"]))
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise OrderValidationError(f"Invalid line item {raw!r}: {error}") from error
        if not sku or quantity <= 0 or unit_price < 0:
            raise OrderValidationError(f"Line item {sku or '?'} needs a SKU, a positive quantity and a price.")
        return cls(sku=sku, quantity=quantity, unit_price=unit_price)


@dataclass(frozen=True)
class Order:
    customer_id: str
    currency: str
    items: tuple
    order_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    status: str = "PENDING"
    created_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    @property
    def total(self) -> Decimal:
        return sum((item.subtotal for item in self.items), Decimal("0"))

    @classmethod
    def from_request(cls, payload: dict) -> "Order":
        customer_id = str(payload.get("customer_id", "")).strip()
        if not customer_id:
            raise OrderValidationError("customer_id is required.")
        currency = str(payload.get("currency", "EUR")).upper()
        if currency not in SUPPORTED_CURRENCIES:
            raise OrderValidationError(f"Currency {currency} is not supported.")
        raw_items = payload.get("items") or []
        if not 0 < len(raw_items) <= MAX_LINE_ITEMS:
            raise OrderValidationError(f"An order needs between 1 and {MAX_LINE_ITEMS} items.")
        items = tuple(LineItem.from_request(raw) for raw in raw_items)
        order_id = payload.get("order_id")
        if order_id:
            return cls(customer_id=customer_id, currency=currency, items=items, order_id=str(order_id))
        return cls(customer_id=customer_id, currency=currency, items=items)

    def to_item(self) -> dict:
        """Return the DynamoDB item; the resource API maps Decimal to a number."""
        return {
            "order_id": self.order_id,
            "customer_id": self.customer_id,
            "currency": self.currency,
            "status": self.status,
            "created_at": self.created_at,
            "total": self.total,
            "items": [
                {"sku": item.sku, "quantity": item.quantity, "unit_price": item.unit_price}
                for item in self.items
            ],
        }
