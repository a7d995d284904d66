// Where more memory stops helping: the smallest memory size that no larger size beats clearly
// (its interval entirely below), for one statistic of a line of sizes.

export interface SizeInterval {
  memoryMB: number;
  value: number;
  lower: number;
  upper: number;
}

export type StopsHelping =
  /** No larger size is clearly better than the smallest one. */
  | { kind: "never helps"; at: SizeInterval }
  /** Beyond `at`, no larger size is clearly better; `from` (the smallest size) was clearly worse. */
  | { kind: "stops"; from: SizeInterval; at: SizeInterval; largest: SizeInterval }
  /** Every size up to the largest brings a clear improvement over some smaller one. */
  | { kind: "keeps helping"; from: SizeInterval; at: SizeInterval };

/** Needs at least two sizes (returns undefined otherwise). */
export function stopsHelping(points: readonly SizeInterval[]): StopsHelping | undefined {
  const sizes = [...points].sort((a, b) => a.memoryMB - b.memoryMB);
  if (sizes.length < 2) return undefined;
  const clearlyBetterLater = (i: number) => sizes.slice(i + 1).some((q) => q.upper < sizes[i]!.lower);
  const i = sizes.findIndex((_, k) => !clearlyBetterLater(k));
  const from = sizes[0]!;
  const at = sizes[i]!;
  if (i === 0) return { kind: "never helps", at };
  if (i === sizes.length - 1) return { kind: "keeps helping", from, at };
  return { kind: "stops", from, at, largest: sizes[sizes.length - 1]! };
}
