// Price a basket in minor currency units (cents), so that sums are exact.

export interface QuoteLine {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface Quote {
  lines: QuoteLine[];
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  currency: string;
}

export class InvalidQuoteError extends Error {}

const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
const MAX_LINES = 100;
const MAX_QUANTITY = 1000;
// Baskets of at least this many items get BULK_DISCOUNT_PERCENT off the subtotal.
const BULK_ITEM_COUNT = 20;
const BULK_DISCOUNT_PERCENT = 5;

export function parseLines(body: unknown): QuoteLine[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_LINES) {
    throw new InvalidQuoteError(`items must be a list of 1 to ${MAX_LINES} lines`);
  }
  return items.map((item, index) => parseLine(item, index));
}

function parseLine(item: unknown, index: number): QuoteLine {
  const { sku, quantity, unitPriceMinor } = (item ?? {}) as Record<string, unknown>;
  if (typeof sku !== "string" || !SKU_PATTERN.test(sku)) {
    throw new InvalidQuoteError(`items[${index}].sku must be 3 to 32 capital letters, digits or dashes`);
  }
  if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > MAX_QUANTITY) {
    throw new InvalidQuoteError(`items[${index}].quantity must be a whole number from 1 to ${MAX_QUANTITY}`);
  }
  if (!Number.isInteger(unitPriceMinor) || (unitPriceMinor as number) < 0) {
    throw new InvalidQuoteError(`items[${index}].unitPriceMinor must be a whole number of cents, 0 or more`);
  }
  return { sku, quantity: quantity as number, unitPriceMinor: unitPriceMinor as number };
}

export function priceLines(lines: QuoteLine[], currency: string): Quote {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const itemCount = lines.reduce((sum, line) => sum + line.quantity, 0);
  const discountMinor =
    itemCount >= BULK_ITEM_COUNT ? Math.floor((subtotalMinor * BULK_DISCOUNT_PERCENT) / 100) : 0;
  return { lines, subtotalMinor, discountMinor, totalMinor: subtotalMinor - discountMinor, currency };
}
