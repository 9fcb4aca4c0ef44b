"""CSV writing and summaries for the daily report (no AWS calls)."""

import csv
from collections import Counter
from decimal import Decimal

COLUMNS = ("order_id", "customer_id", "created_at", "currency", "total", "charge_id")


def write_report(orders, path: str) -> int:
    """Write one row per order to ``path`` and return the number of rows."""
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for order in orders:
            writer.writerow({column: order.get(column, "") for column in COLUMNS})
            count += 1
    return count


def summarize(path: str) -> str:
    totals = Counter()
    orders = 0
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            totals[row["currency"]] += Decimal(row["total"] or "0")
            orders += 1
    lines = [f"{orders} paid orders"]
    lines += [f"  {currency}: {amount:.2f}" for currency, amount in sorted(totals.items())]
    return "\n".join(lines)
