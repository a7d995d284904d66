import { describe, expect, it } from "vitest";
import { scopeSvgIds, specToSvg } from "./svg.js";

const spec = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  data: {
    values: [
      { runtime: "go", ms: 3 },
      { runtime: "node", ms: 7 },
    ],
  },
  mark: "bar",
  encoding: { x: { field: "runtime", type: "nominal" }, y: { field: "ms", type: "quantitative" } },
};

describe("server-side figures", () => {
  it("renders a Vega-Lite spec to SVG in Node", async () => {
    const svg = await specToSvg(spec);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("runtime");
    expect(svg.match(/<path/g)!.length).toBeGreaterThan(2);
  });

  it("renders the same spec to the same SVG", async () => {
    expect(await specToSvg(spec)).toBe(await specToSvg(spec));
  });

  it("scopes ids so several figures can share a page", () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"></g><use href="#clip1"/></svg>';
    expect(scopeSvgIds(svg, "tail-p95")).toBe(
      '<svg><defs><clipPath id="tail-p95-clip1"><rect/></clipPath></defs><g clip-path="url(#tail-p95-clip1)"></g><use href="#tail-p95-clip1"/></svg>',
    );
  });
});
