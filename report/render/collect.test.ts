import { describe, expect, it } from "vitest";
import { MIME, type Block } from "../lib/section.js";
import { blockToBundle } from "../notebook/show.js";
import { collectBlocks, drawnSvgs } from "./collect.js";

const blocks: Block[] = [
  { kind: "markdown", text: "Rust **leads**, at $0.20 per million." },
  {
    kind: "figure",
    id: "pi",
    title: "Performance Index",
    spec: { $schema: "https://vega.github.io/schema/vega-lite/v6.json", mark: "bar", usermeta: { other: 1 }, data: { values: [{ a: 1 }] } },
  },
  {
    kind: "table",
    id: "pi",
    title: "PI per runtime",
    columns: ["runtime", "pi"],
    rows: [
      { runtime: "go", pi: 1.5 },
      { runtime: "node", pi: null },
    ],
  },
];
const fakeSvg = async () => "<svg></svg>";
const bundles = () => Promise.all(blocks.map((b) => blockToBundle(b, fakeSvg)));

describe("collecting notebook outputs", () => {
  it("turns displayed bundles back into the blocks, as the library made them, in order", async () => {
    const outputs = [...(await bundles()), { "text/plain": "42" }];
    expect(collectBlocks("01-summary.ipynb", outputs)).toEqual(blocks);
  });

  it("hands the renderer the SVG each figure output carries, found by the collected block's spec", async () => {
    const outputs = await bundles();
    const figure = collectBlocks("03-worst-case.ipynb", outputs).find((b) => b.kind === "figure");
    expect(figure?.kind === "figure" && drawnSvgs(outputs).get(figure.spec)).toBe("<svg></svg>");
  });

  it("refuses a figure without its id, naming the notebook and the output", () => {
    expect(() => collectBlocks("03-worst-case.ipynb", [{ [MIME.markdown]: "x" }, { [MIME.figure]: { spec: { mark: "bar" } } }])).toThrow(
      "03-worst-case.ipynb: output 1: application/vnd.lambench.figure+json needs {id, title, spec}",
    );
  });

  it("refuses a malformed table", () => {
    expect(() => collectBlocks("06-memory.ipynb", [{ [MIME.table]: { id: "t", rows: [] } }])).toThrow(/06-memory.ipynb: output 0: .*columns/);
  });
});
