"""Plain JavaScript and TypeScript (no AWS calls) that pads generated Node.js modules.

The units mirror those of filler.py: a record class, helpers with array methods and template
literals, a cache class, a generator, a lookup table, a retry policy. Text between ``<%`` and
``%>`` is TypeScript only, as in node_code.py. ``<<name>>`` markers are replaced with words
chosen per unit.
"""

from .words import FIELDS, NOUNS, VERBS, camel

RECORD = '''

class <<Class>> {
  <%readonly reference: string;
  readonly <<field>>: string;
  readonly amountCents: number;
  readonly tags: string[];

  %>constructor(reference<%: string%>, <<field>><%: string%>, amountCents<%: number%>, tags<%: string[]%>) {
    this.reference = reference;
    this.<<field>> = <<field>>;
    this.amountCents = amountCents;
    this.tags = tags;
  }

  static fromObject(raw<%: Record<string, unknown>%>)<%: <<Class>>%> {
    if (!raw.reference) {
      throw new TypeError("<<noun>> record is missing reference");
    }
    const tags = Array.isArray(raw.tags) ? raw.tags.map((tag) => String(tag).toLowerCase()) : [];
    return new <<Class>>(
      String(raw.reference),
      String(raw.<<field>> ?? ""),
      Math.round(Number(raw.amount ?? 0) * 100),
      [...new Set(tags)].sort(),
    );
  }

  toJSON()<%: Record<string, unknown>%> {
    return { reference: this.reference, <<field>>: this.<<field>>, amount: (this.amountCents / 100).toFixed(2), tags: this.tags };
  }

  toString()<%: string%> {
    return `<<Class>>(${this.reference}, ${(this.amountCents / 100).toFixed(2)}, tags=${this.tags.length})`;
  }
}
'''

NORMALIZE = '''

function <<verb>><<Noun>><<Field>>Values(values<%: unknown[]%>)<%: string[]%> {
  const seen = new Set<%<string>%>();
  const cleaned<%: string[]%> = [];
  for (const value of values) {
    const text = String(value).replace(/\\s+/g, " ").trim().toLowerCase();
    if (text && !seen.has(text)) {
      seen.add(text);
      cleaned.push(text);
    }
  }
  return cleaned;
}
'''

TOTALS = '''

function <<verb>><<Noun>>Totals(lines<%: Array<Record<string, unknown>>%>, currency = "EUR") {
  const totals = new Map<%<string, number>%>();
  for (const line of lines) {
    const key = String(line.<<field>> ?? "other");
    const cents = Math.round(Number(line.amount ?? 0) * 100) * Number(line.quantity ?? 1);
    totals.set(key, (totals.get(key) ?? 0) + cents);
  }
  const groups = Object.fromEntries([...totals.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const grandTotal = [...totals.values()].reduce((sum, value) => sum + value, 0);
  console.debug(`${totals.size} <<noun>> groups, total ${grandTotal} ${currency} cents`);
  return { currency, groups, totalCents: grandTotal };
}
'''

CACHE = '''

class <<Class>>Cache<%<V>%> {
  <%private readonly entries = new Map<string, V>();
  private readonly capacity: number;
  hits = 0;
  misses = 0;

  %>constructor(capacity = 128) {
    if (capacity <= 0) {
      throw new RangeError(`capacity must be positive, got ${capacity}`);
    }
    this.capacity = capacity;
    this.entries = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  get(key<%: string%>, compute<%: (key: string) => V%>)<%: V%> {
    if (this.entries.has(key)) {
      this.hits += 1;
      const value = this.entries.get(key)<%!%>;
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    this.misses += 1;
    const value = compute(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value<%!%>;
      this.entries.delete(oldest);
    }
    return value;
  }

  get hitRate()<%: number%> {
    const lookups = this.hits + this.misses;
    return lookups ? this.hits / lookups : 0;
  }
}
'''

BATCHES = '''

function* <<noun>>Batches<%<T>%>(items<%: Iterable<T>%>, size = 25)<%: Generator<T[]>%> {
  if (size < 1) {
    throw new RangeError(`batch size must be at least 1, got ${size}`);
  }
  let batch<%: T[]%> = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield batch;
  }
}
'''

LOOKUP = '''

const <<CONSTANT>>_BY_CODE<%: Record<string, string>%> = {
  A: "<<noun>> accepted",
  H: "<<noun>> on hold",
  R: "<<noun>> rejected",
  X: "<<noun>> cancelled",
  P: "<<noun>> pending review",
};

function describe<<Noun>><<Field>>(code<%: string%>)<%: string%> {
  const description = <<CONSTANT>>_BY_CODE[code.trim().toUpperCase()];
  if (description === undefined) {
    const known = Object.keys(<<CONSTANT>>_BY_CODE).sort().join(", ");
    throw new RangeError(`unknown <<noun>> code '${code}'; expected one of ${known}`);
  }
  return description;
}
'''

DATES = '''

function <<verb>><<Noun>>Window(start<%: string%>, days = 7)<%: [string, string]%> {
  const first = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(first.getTime())) {
    throw new RangeError(`invalid <<noun>> start date '${start}'`);
  }
  const last = new Date(first.getTime() + days * 24 * 60 * 60 * 1000 - 1);
  return [first.toISOString(), last.toISOString()];
}
'''

RETRY = '''

class <<Class>>RetryPolicy {
  <%readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;

  %>constructor(attempts = 5, baseDelayMs = 200, maxDelayMs = 5000) {
    this.attempts = attempts;
    this.baseDelayMs = baseDelayMs;
    this.maxDelayMs = maxDelayMs;
  }

  delays()<%: number[]%> {
    return Array.from({ length: this.attempts }, (_, attempt) => Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt));
  }

  shouldRetry(attempt<%: number%>, status<%: number%>)<%: boolean%> {
    return attempt < this.attempts && (status === 429 || (status >= 500 && status < 600));
  }

  describe()<%: string%> {
    const steps = this.delays().map((delay) => `${(delay / 1000).toFixed(1)}s`).join(", ");
    return `${this.constructor.name}: ${this.attempts} attempts (${steps})`;
  }
}
'''

RANKING = '''

function <<verb>><<Noun>>Ranking(rows<%: Array<Record<string, unknown>>%>, limit = 10)<%: Array<[number, Record<string, unknown>]>%> {
  const scored = rows.filter((row) => typeof row.score === "number");
  scored.sort((left, right) => {
    const difference = Number(right.score) - Number(left.score);
    return difference || String(left.<<field>> ?? "").localeCompare(String(right.<<field>> ?? ""));
  });
  return scored.slice(0, limit).map((row, index) => [index + 1, row]);
}
'''

NODE_UNITS = (RECORD, NORMALIZE, TOTALS, CACHE, BATCHES, LOOKUP, DATES, RETRY, RANKING)


def strip_typescript(text, typescript):
    """Keep the ``<% ... %>`` parts for TypeScript and drop them for JavaScript."""
    parts = []
    position = 0
    while True:
        start = text.find("<%", position)
        if start < 0:
            parts.append(text[position:])
            return "".join(parts)
        end = text.find("%>", start)
        if end < 0:
            raise ValueError(f"unclosed <% at offset {start}")
        parts.append(text[position:start])
        if typescript:
            parts.append(text[start + 2:end])
        position = end + 2


class NodeFillerWriter:
    """Pads a module with filler units, as FillerWriter does for Python."""

    def __init__(self, rng, typescript):
        self._rng = rng
        self._typescript = typescript

    def _unit(self, used):
        template = self._rng.choice(NODE_UNITS)
        for attempt in range(1, 100):
            noun, verb, field_name = self._rng.choice(NOUNS), self._rng.choice(VERBS), self._rng.choice(FIELDS)
            if attempt > 20:
                noun = f"{noun}{attempt}"
            field_camel = camel(field_name)
            text = (
                template.replace("<<Class>>", camel(noun) + field_camel)
                .replace("<<CONSTANT>>", f"{noun}_{field_name}".upper())
                .replace("<<Noun>>", camel(noun))
                .replace("<<noun>>", noun)
                .replace("<<Field>>", field_camel)
                .replace("<<field>>", field_camel[0].lower() + field_camel[1:])
                .replace("<<verb>>", verb)
            )
            signature = text.split("(", 1)[0].split("<", 1)[0].strip()
            if signature not in used:
                used.add(signature)
                return "\n" + strip_typescript(text, self._typescript).lstrip("\n")
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
