// The dated price table: bundled default (prices.json, with its sources) or the user's own file
// in the same format, validated with errors naming the file and field.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ARCHITECTURES } from "../../../runners/dataset/contract.js";
import { CostError, costMessages } from "./messages.js";

export const PRICE_TABLE_SCHEMA = "lambench.prices/1";
export const DEFAULT_PRICE_TABLE = fileURLToPath(new URL("./prices.json", import.meta.url));

const price = z.number().nonnegative().finite();

export const priceTableSchema = z.object({
  schema: z.literal(PRICE_TABLE_SCHEMA),
  currency: z.string().min(1),
  region: z.string().min(1),
  tier: z.string().min(1),
  /** When the figures were read from their sources (YYYY-MM-DD). */
  retrieved: z.string().regex(/^\d{4}-\d\d-\d\d$/, "expected a date YYYY-MM-DD"),
  sources: z.array(z.object({ name: z.string().min(1), url: z.string().min(1) })).min(1),
  architectures: z.partialRecord(z.enum(ARCHITECTURES), z.object({ usdPerGbSecond: price, usdPerMillionRequests: price })),
});

export type PriceTable = z.infer<typeof priceTableSchema>;
export interface ArchitecturePrice {
  usdPerGbSecond: number;
  usdPerMillionRequests: number;
}

/** Reads and validates a price table (default: the bundled one). `shown` names the file in errors. */
export function loadPriceTable(path = DEFAULT_PRICE_TABLE, shown = path): PriceTable {
  if (!existsSync(path)) throw new CostError(costMessages.missingFile(shown));
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new CostError(costMessages.invalidJson(shown, (e as Error).message));
  }
  return parsePriceTable(raw, shown);
}

export function parsePriceTable(raw: unknown, shown: string): PriceTable {
  const parsed = priceTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CostError(costMessages.invalidField(shown, issue.path.join(".") || "(root)", issue.message));
  }
  return parsed.data;
}

export function priceFor(table: PriceTable, architecture: string): ArchitecturePrice {
  const p = table.architectures[architecture as (typeof ARCHITECTURES)[number]];
  if (!p) throw new CostError(costMessages.noPrice(architecture, `the price table for ${table.region} (retrieved ${table.retrieved})`));
  return p;
}
