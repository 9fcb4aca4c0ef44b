"""Plain Python (no AWS calls) that pads generated modules to their target size.

Each unit is a small, valid piece of the kind real business code has: dataclasses, helper
functions with comprehensions and f-strings, a cache class, a generator, a retry policy.
``<<name>>`` markers are replaced with words chosen per unit.
"""

from .words import FIELDS, NOUNS, VERBS, camel

RECORD = '''

@dataclass
class <<Class>>:
    """One <<noun>> as the upstream system sends it."""

    reference: str
    <<field>>: str = ""
    amount: Decimal = Decimal("0")
    tags: list = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict) -> "<<Class>>":
        missing = [name for name in ("reference",) if not raw.get(name)]
        if missing:
            raise ValueError(f"<<noun>> record is missing {', '.join(missing)}")
        return cls(
            reference=str(raw["reference"]),
            <<field>>=str(raw.get("<<field>>", "")),
            amount=Decimal(str(raw.get("amount", "0"))),
            tags=sorted({str(tag).lower() for tag in raw.get("tags", [])}),
        )

    def to_dict(self) -> dict:
        return {"reference": self.reference, "<<field>>": self.<<field>>, "amount": str(self.amount), "tags": self.tags}

    def __str__(self) -> str:
        return f"<<Class>>({self.reference}, {self.amount:.2f}, tags={len(self.tags)})"
'''

NORMALIZE = '''

def <<verb>>_<<noun>>_<<field>>_values(values: list) -> list:
    """<<Verb>> <<field>> values: trim, lower-case, drop blanks and duplicates, keep order."""
    seen = set()
    cleaned = []
    for value in values:
        text = re.sub(r"\\s+", " ", str(value)).strip().lower()
        if text and text not in seen:
            seen.add(text)
            cleaned.append(text)
    return cleaned
'''

TOTALS = '''

def <<verb>>_<<noun>>_totals(lines: list, currency: str = "EUR") -> dict:
    """Sum line amounts per <<field>>, rounded to cents."""
    totals = {}
    for line in lines:
        key = str(line.get("<<field>>", "other"))
        amount = Decimal(str(line.get("amount", "0"))) * int(line.get("quantity", 1))
        totals[key] = totals.get(key, Decimal("0")) + amount
    rounded = {key: value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for key, value in totals.items()}
    grand_total = sum(rounded.values(), Decimal("0"))
    logger.debug("%d <<noun>> groups, total %s %s", len(rounded), grand_total, currency)
    return {"currency": currency, "groups": {key: str(value) for key, value in sorted(rounded.items())}, "total": str(grand_total)}
'''

CACHE = '''

class <<Class>>Cache:
    """A small least-recently-used cache of <<noun>> lookups."""

    def __init__(self, capacity: int = 128):
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity}")
        self._capacity = capacity
        self._entries = {}
        self.hits = 0
        self.misses = 0

    def get(self, key, compute):
        if key in self._entries:
            self.hits += 1
            value = self._entries.pop(key)
            self._entries[key] = value
            return value
        self.misses += 1
        value = compute(key)
        self._entries[key] = value
        if len(self._entries) > self._capacity:
            oldest = next(iter(self._entries))
            del self._entries[oldest]
        return value

    @property
    def hit_rate(self) -> float:
        lookups = self.hits + self.misses
        return self.hits / lookups if lookups else 0.0
'''

BATCHES = '''

def <<noun>>_batches(items, size: int = 25):
    """Yield lists of at most ``size`` <<noun>> items, in order."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
'''

LOOKUP = '''

<<CONSTANT>>_BY_CODE = {
    "A": "<<noun>> accepted",
    "H": "<<noun>> on hold",
    "R": "<<noun>> rejected",
    "X": "<<noun>> cancelled",
    "P": "<<noun>> pending review",
}


def describe_<<noun>>_<<field>>(code: str) -> str:
    try:
        return <<CONSTANT>>_BY_CODE[code.strip().upper()]
    except KeyError:
        known = ", ".join(sorted(<<CONSTANT>>_BY_CODE))
        raise ValueError(f"unknown <<noun>> code {code!r}; expected one of {known}") from None
'''

DATES = '''

def <<verb>>_<<noun>>_window(start: str, days: int = 7) -> tuple:
    """Parse an ISO date and return the UTC window that starts at its midnight."""
    try:
        first = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)
    except ValueError as error:
        raise ValueError(f"invalid <<noun>> start date {start!r}: {error}") from error
    first = first.replace(hour=0, minute=0, second=0, microsecond=0)
    last = first + timedelta(days=days) - timedelta(microseconds=1)
    return first.isoformat(), last.isoformat()
'''

RETRY = '''

class <<Class>>RetryPolicy:
    """Exponential backoff with a cap, for calls to the <<noun>> partner API."""

    def __init__(self, attempts: int = 5, base_delay: float = 0.2, max_delay: float = 5.0):
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay

    def delays(self) -> list:
        return [min(self.max_delay, self.base_delay * 2 ** attempt) for attempt in range(self.attempts)]

    def should_retry(self, attempt: int, status: int) -> bool:
        return attempt < self.attempts and (status == 429 or 500 <= status < 600)

    def describe(self) -> str:
        steps = ", ".join(f"{delay:.1f}s" for delay in self.delays())
        return f"{type(self).__name__}: {self.attempts} attempts ({steps})"
'''

RANKING = '''

def <<verb>>_<<noun>>_ranking(rows: list, limit: int = 10) -> list:
    """Return the top ``limit`` rows by score, then <<field>>, as (position, row) pairs."""
    scored = [row for row in rows if isinstance(row.get("score"), (int, float))]
    scored.sort(key=lambda row: (-row["score"], str(row.get("<<field>>", ""))))
    return [(position, row) for position, row in enumerate(scored[:limit], start=1)]
'''

UNITS = (RECORD, NORMALIZE, TOTALS, CACHE, BATCHES, LOOKUP, DATES, RETRY, RANKING)


class FillerWriter:
    def __init__(self, rng):
        self._rng = rng

    def _unit(self, used):
        template = self._rng.choice(UNITS)
        for attempt in range(1, 100):
            noun, verb, field_name = self._rng.choice(NOUNS), self._rng.choice(VERBS), self._rng.choice(FIELDS)
            if attempt > 20:
                noun = f"{noun}{attempt}"
            text = (
                template.replace("<<Class>>", camel(noun) + camel(field_name))
                .replace("<<CONSTANT>>", f"{noun}_{field_name}".upper())
                .replace("<<noun>>", noun)
                .replace("<<Verb>>", verb.capitalize())
                .replace("<<verb>>", verb)
                .replace("<<field>>", field_name)
            )
            signature = text.split("(", 1)[0].strip()
            if signature not in used:
                used.add(signature)
                return text
        raise RuntimeError("could not find an unused name for a filler unit")

    def pad(self, text, target_bytes):
        """Append filler units to ``text`` while that brings it closer to ``target_bytes``."""
        used = set()
        parts = [text]
        size = len(text.encode("utf-8"))
        while size < target_bytes:
            unit = self._unit(used)
            unit_size = len(unit.encode("utf-8"))
            if size + unit_size - target_bytes > target_bytes - size:
                break
            parts.append(unit)
            size += unit_size
        return "".join(parts)
