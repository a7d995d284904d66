// Repeated request ids among many: the hash table that finds them must agree with a plain Map on
// which rows repeat which, whatever the ids (generated FIXTURE ids, many sharing a hash slot).
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../test/fixtures/generate.js";
import { dropDuplicateInvocations } from "./consistency.js";

function mapReference(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((id, row) => (seen.has(id) ? [row] : (seen.add(id), [])));
}

describe("dropDuplicateInvocations", () => {
  it("drops exactly the rows whose id came earlier, among 50,000 ids with repeats near and far", () => {
    const random = seededRandom(11);
    const ids: string[] = [];
    for (let i = 0; i < 50_000; i++) ids.push(random() < 0.1 && i > 0 ? ids[Math.floor(random() * i)]! : `r${Math.floor(random() * 1e9).toString(36)}`);
    const rows = ids.length;
    // Identical rows for an identical id: every other column is a function of the id.
    const durationMs = Float64Array.from(ids, (id) => id.length);
    const result = dropDuplicateInvocations("fixture.csv", { requestId: ids, durationMs }, rows);
    const repeated = mapReference(ids);
    expect(repeated.length).toBeGreaterThan(4_000);
    expect(result.dropped).toBe(repeated.length);
    const dropped = new Set(repeated);
    expect(result.columns.requestId).toEqual(ids.filter((_, row) => !dropped.has(row)));
  });

  it("tells apart ids that differ in one character, and the empty-looking ones", () => {
    const ids = ["a", "b", "ab", "ba", "a", "aa", "", "b", "x".repeat(100), "x".repeat(99) + "y", "x".repeat(100)];
    const durationMs = new Float64Array(ids.length);
    expect(dropDuplicateInvocations("fixture.csv", { requestId: ids, durationMs }, ids.length).columns.requestId).toEqual([
      "a",
      "b",
      "ab",
      "ba",
      "aa",
      "",
      "x".repeat(100),
      "x".repeat(99) + "y",
    ]);
  });
});
