import { describe, expect, it } from "vitest";
import { MIME, type Block } from "../lib/section.js";
import { blockToBundle } from "../notebook/show.js";
import { collectBlocks } from "./collect.js";

const blocks: Block[] = [
  { kind: "markdown", text: "Rust **leads**." },
  { kind: "figure", id: "pi", title: "Performance Index", spec: { mark: "bar", usermeta: { other: 1 }, data: { values: [{ a: 1 }] } } },
  { kind: "table", id: "pi", title: "PI per runtime", columns: ["runtime", "pi"], rows: [{ runtime: "go", pi: 1.5 }, { runtime: "node", pi: null }] },
];

describe("collecting notebook outputs", () => {
  it("turns displayed bundles back into the blocks, in order, by MIME type", () => {
    const outputs = [...blocks.map(blockToBundle), { "text/plain": "42" }];
    expect(collectBlocks("01-summary.ipynb", outputs)).toEqual(blocks);
  });

  it("gives JupyterLab something it renders for every block", () => {
    const [, figure, table] = blocks.map(blockToBundle);
    expect(Object.keys(figure!)).toContain(MIME.vegaLite);
    expect(table!["text/html"]).toContain("<td>go</td>");
  });

  it("refuses a figure without its id, naming the notebook and the output", () => {
    expect(() => collectBlocks("03-worst-case.ipynb", [{ [MIME.markdown]: "x" }, { [MIME.vegaLite]: { mark: "bar" } }])).toThrow(
      "03-worst-case.ipynb: output 1: figure has no usermeta.lambench {id, title}",
    );
  });

  it("refuses a malformed table", () => {
    expect(() => collectBlocks("06-memory.ipynb", [{ [MIME.table]: { id: "t", rows: [] } }])).toThrow(/06-memory.ipynb: output 0: .*columns/);
  });
});
