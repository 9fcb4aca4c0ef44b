"""Word lists for readable generated names."""

NOUNS = (
    "account", "address", "allowance", "approval", "basket", "batch", "billing", "booking",
    "budget", "carrier", "catalog", "channel", "charge", "checkout", "claim", "coupon",
    "credit", "customer", "delivery", "deposit", "discount", "dispatch", "document", "estimate",
    "export", "fee", "forecast", "fulfilment", "grant", "holding", "intake", "invoice",
    "journal", "ledger", "license", "limit", "listing", "loyalty", "manifest", "member",
    "merchant", "order", "package", "parcel", "partner", "payout", "pickup", "plan",
    "policy", "price", "product", "profile", "promotion", "quota", "quote", "rebate",
    "receipt", "refund", "region", "reminder", "rental", "report", "reservation", "resale",
    "route", "schedule", "seller", "session", "shipment", "statement", "stock", "subscription",
    "supplier", "tariff", "tax", "ticket", "transfer", "usage", "voucher", "warehouse",
)

ASPECTS = (
    "rules", "format", "checks", "totals", "lookup", "mapping", "ranking", "history",
    "limits", "windows", "grouping", "merge", "filters", "summary", "schema", "defaults",
    "labels", "keys", "policy", "pricing", "units", "parser", "render", "audit",
)

VERBS = (
    "normalize", "summarize", "validate", "merge", "split", "rank", "group", "collect",
    "resolve", "estimate", "reconcile", "format", "classify", "score", "expand", "compact",
    "filter", "select", "sort", "bucket", "tally", "clean", "derive", "project",
)

# Not "reference" or "amount": the record unit already has fields of those names.
FIELDS = (
    "quantity", "status", "region", "currency", "created_at", "updated_at",
    "origin", "owner", "priority", "weight", "channel", "category", "note", "code",
    "label", "tier", "rate", "score", "source",
)


def module_name(rng, used):
    """Return a new ``noun_aspect`` module name not in ``used``."""
    for _ in range(50):
        name = f"{rng.choice(NOUNS)}_{rng.choice(ASPECTS)}"
        if name not in used:
            return name
    suffix = 2
    base = f"{rng.choice(NOUNS)}_{rng.choice(ASPECTS)}"
    while f"{base}_{suffix}" in used:
        suffix += 1
    return f"{base}_{suffix}"


def camel(words):
    return "".join(word.capitalize() for word in words.split("_"))
