"""HTML rendering of receipts from the stored template (no AWS calls)."""

import html
from decimal import Decimal
from string import Template


def format_money(amount, currency: str) -> str:
    return f"{Decimal(str(amount)):.2f} {currency}"


def render_rows(order: dict) -> str:
    rows = []
    for item in order.get("items", []):
        subtotal = Decimal(str(item["unit_price"])) * int(item["quantity"])
        rows.append(
            "<tr><td>{sku}</td><td>{quantity}</td><td>{price}</td><td>{subtotal}</td></tr>".format(
                sku=html.escape(str(item["sku"])),
                quantity=int(item["quantity"]),
                price=format_money(item["unit_price"], order["currency"]),
                subtotal=format_money(subtotal, order["currency"]),
            )
        )
    return "\n".join(rows)


def render_receipt(template: str, order: dict, charge_id: str) -> str:
    """Fill the ``$placeholders`` of the template; unknown placeholders stay as they are."""
    return Template(template).safe_substitute(
        order_id=html.escape(order["order_id"]),
        customer_id=html.escape(order["customer_id"]),
        created_at=html.escape(order["created_at"]),
        charge_id=html.escape(charge_id),
        rows=render_rows(order),
        total=format_money(order["total"], order["currency"]),
    )
