// The renderer's caches (render/cache.ts): every kind in its own place, keys that change with what
// an entry depends on, and a damaged entry read as a miss, never as a result.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { columnarKey, pdfKey, readCached, readEntry, readJsonEntry, svgKey, writeCached, writeEntry, type CachedExecution } from "./cache.js";

const cacheDir = mkdtempSync(join(tmpdir(), "lambench-cache-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe("render cache", () => {
  it("keeps each kind in its own folder, written atomically (no temporary file left)", () => {
    writeEntry(cacheDir, "svg", "k1", "<svg/>");
    writeEntry(cacheDir, "pdf", "k1", new Uint8Array([37, 80, 68, 70]));
    expect(existsSync(join(cacheDir, "svg", "k1.svg"))).toBe(true);
    expect(existsSync(join(cacheDir, "pdf", "k1.pdf"))).toBe(true);
    expect(readdirSync(join(cacheDir, "svg"))).toEqual(["k1.svg"]);
    expect(readEntry(cacheDir, "svg", "k1")?.toString("utf8")).toBe("<svg/>");
    expect([...readEntry(cacheDir, "pdf", "k1")!]).toEqual([37, 80, 68, 70]);
    expect(readEntry(cacheDir, "svg", "missing")).toBeUndefined();
  });

  it("reads an executed notebook back by its hash, and a damaged or foreign entry as a miss", () => {
    const entry: CachedExecution = { hash: "h1", notebook: "01-summary.ipynb", seconds: 1.5, outputs: [{ "text/plain": "x" }] };
    writeCached(cacheDir, entry);
    expect(readCached(cacheDir, "h1")).toEqual(entry);
    writeFileSync(join(cacheDir, "h2.json"), '{"hash": "h2", "outputs": [');
    expect(readCached(cacheDir, "h2")).toBeUndefined();
    writeFileSync(join(cacheDir, "h3.json"), JSON.stringify({ ...entry, hash: "h1" }));
    expect(readCached(cacheDir, "h3")).toBeUndefined();
    expect(readCached(cacheDir, "h4")).toBeUndefined();
  });

  it("takes a JSON entry only when it has the expected shape", () => {
    const valid = (e: { items: unknown }): boolean => Array.isArray(e.items);
    writeEntry(cacheDir, "notebook", "good", JSON.stringify({ items: [1] }));
    writeEntry(cacheDir, "notebook", "shape", JSON.stringify({ items: 1 }));
    writeEntry(cacheDir, "notebook", "null", "null");
    expect(readJsonEntry(cacheDir, "notebook", "good", valid)).toEqual({ items: [1] });
    expect(readJsonEntry(cacheDir, "notebook", "shape", valid)).toBeUndefined();
    expect(readJsonEntry(cacheDir, "notebook", "null", valid)).toBeUndefined();
  });

  it("keys an entry by everything it depends on", () => {
    expect(svgKey({ mark: "bar" })).toBe(svgKey({ mark: "bar" }));
    expect(svgKey({ mark: "bar" })).not.toBe(svgKey({ mark: "line" }));
    expect(pdfKey(["print", "style", "print-css"])).not.toBe(pdfKey(["print", "style", "print-css changed"]));
    expect(columnarKey("files", "library")).not.toBe(columnarKey("files changed", "library"));
    expect(columnarKey("files", "library")).not.toBe(columnarKey("files", "library changed"));
  });
});
