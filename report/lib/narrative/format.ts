// Number formatting for every sentence and table title: one place decides digits and units.

const trim = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);

/** Milliseconds: 3 significant digits below 100 ms, whole ms above, seconds from 10 s. */
export function ms(x: number): string {
  if (x >= 10_000) return `${trim((x / 1000).toFixed(1))} s`;
  if (x >= 100) return `${Math.round(x).toLocaleString("en-US")} ms`;
  return `${trim(x.toPrecision(3))} ms`;
}

export const mb = (x: number): string => `${Math.round(x)} MB`;

/** A ratio such as a performance index or "n times faster": 3.2×. */
export const factor = (x: number): string => `${x >= 10 ? Math.round(x) : trim(x.toFixed(x < 2 ? 2 : 1))}×`;

/** An interval of factors, "4.8–5.9×" (an unbounded upper end reads "4.8× or more"). */
export function factorRange(lower: number, upper: number): string {
  if (!Number.isFinite(upper)) return `${factor(lower)} or more`;
  const lo = factor(lower);
  const hi = factor(upper);
  return lo === hi ? hi : `${lo.slice(0, -1)}–${hi}`;
}

/** An interval of milliseconds, "4.1–5.3 ms". */
export function msRange(lower: number, upper: number): string {
  const lo = ms(lower);
  const hi = ms(upper);
  if (lo === hi) return hi;
  const [loValue, loUnit] = lo.split(" ");
  const [hiValue, hiUnit] = hi.split(" ");
  return loUnit === hiUnit ? `${loValue}–${hiValue} ${hiUnit}` : `${lo} – ${hi}`;
}

/** An interval of percentages, "140–160 %" (an unbounded upper end reads "140 % or more"). */
export function pctRange(lower: number, upper: number): string {
  if (!Number.isFinite(upper)) return `${pct(lower)} or more`;
  const [lo, hi] = [pct(lower), pct(upper)];
  return lo === hi ? hi : `${lo.slice(0, -2)}–${hi}`;
}

/** A confidence level, "95 %". */
export const level = (confidence: number): string => `${+(confidence * 100).toFixed(2)} %`;

export const pct = (x: number): string => `${x >= 0 ? "" : "−"}${Math.abs(x) >= 10 ? Math.round(Math.abs(x)) : trim(Math.abs(x).toFixed(1))} %`;

export const gbs = (x: number): string => `${trim(x.toPrecision(3))} GB-s`;

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Rounds for figure data and tables so specs are byte-stable: 3 decimals. */
export const round = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 1000) / 1000;
