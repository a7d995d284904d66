// The segment order of each trial (DESIGN.md "Protocol"): a seeded random permutation of the
// (runtime, function) segments, drawn afresh for every trial (randomized multiple interleaved
// trials, Abedi & Brecht 2017), so no runtime always runs first, last or right after another.
// The generator is the report's seeded xoshiro128** (self-contained, no report dependency), one
// stream per trial derived from the run's seed.
import { deriveSeed, seededRandom, type Random } from "../../report/lib/uncertainty/random.js";

/** "runtime/function", as meta.json's trials.orders records it. */
export const segmentId = (runtime: string, fn: string) => `${runtime}/${fn}`;

/** A fresh 32-bit seed when the user gave none (recorded in meta.json, so the run can be repeated). */
export function newSeed(): number {
  return Math.floor(Math.random() * 0x100000000) >>> 0;
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.index(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** n!, or Infinity once it exceeds `cap` (all that matters is whether enough orders exist). */
function permutations(n: number, cap: number): number {
  let p = 1;
  for (let k = 2; k <= n; k++) if ((p *= k) > cap) return Infinity;
  return p;
}

/**
 * One order per trial. Trial k draws from its own stream of `seed`; while distinct orders remain
 * (n! > orders drawn so far) a draw equal to an earlier trial's order is redrawn, so trials differ
 * whenever the segments allow it. The same seed, segments and count always give the same orders,
 * and the first k orders do not depend on the count.
 */
export function trialOrders(segments: readonly string[], count: number, seed: number): string[][] {
  const orders: string[][] = [];
  for (let trial = 1; trial <= count; trial++) {
    const random = seededRandom(deriveSeed(seed, "trial-order", trial));
    const distinctLeft = permutations(segments.length, orders.length) > orders.length;
    let order = shuffled(segments, random);
    while (distinctLeft && orders.some((o) => o.join() === order.join())) order = shuffled(segments, random);
    orders.push(order);
  }
  return orders;
}
