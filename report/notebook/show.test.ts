// The bundles the notebooks display: what front ends render next to the lambench types.
import { Marked } from "marked";
import { describe, expect, it } from "vitest";
import { buildSection } from "../lib/index.js";
import { markdownToHtml } from "../render/html.js";
import { fixtureSet } from "../test/helpers.js";
import { jupyterMarkdown } from "./jupyter-markdown.js";
import { blockToBundle, FRONT_END_VEGA_LITE } from "./show.js";

// JupyterLab renders markdown outputs with marked (GFM, raw HTML kept), then MathJax typesets what
// it finds in each text run between tags ($…$, \(…\), \[…\], \begin{…}).
const jupyterLabMarked = new Marked({ gfm: true, async: false });
const render = (markdown: string): string => (jupyterLabMarked.parse(markdown) as string).trim();

const decode = (html: string): string =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The text runs MathJax would search, outside <code>, with entities decoded. */
function mathJaxRuns(html: string): string[] {
  return html
    .replace(/<code>[\s\S]*?<\/code>/g, "<code/>")
    .split(/<[^>]*>/)
    .map(decode)
    .filter((run) => run !== "");
}

/** A run MathJax could typeset: one holding a maths delimiter and something more. */
const typesettable = (run: string): boolean => run.length > 1 && /\$|\\[([]|\\begin\{/.test(run);

const SAMPLES = [
  "Prices: $0.0000166667 per GB-second and $0.20 per million requests, **most** on Node.js.",
  "A table `report/lib/cost/prices.json` and `$x$` in code, `` a`$`b `` too.",
  "Odd names: <script>alert(1)</script>, a\\*b\\*, \\(x\\), \\\\(y\\\\), \\begin{equation} z \\end{equation}, 5 $ and 6 $$.",
];

describe("markdown for Jupyter front ends", () => {
  it("reads as the site reads it, and leaves MathJax nothing to typeset", () => {
    for (const text of SAMPLES) {
      const html = render(jupyterMarkdown(text));
      expect(mathJaxRuns(html).filter(typesettable), text).toEqual([]);
      expect(decode(html), text).toBe(decode(markdownToHtml(text)));
    }
  });

  it("keeps every dollar of the real Cost section, outside code spans", async () => {
    const fixtures = fixtureSet();
    try {
      const data = await fixtures.load({ "fixture-cost": { memorySizes: [128] } });
      const texts = buildSection("cost", data).blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : []));
      expect(texts.join("").match(/\$\d/g)?.length, "the section names prices").toBeGreaterThan(0);
      for (const text of texts) {
        const html = render(jupyterMarkdown(text));
        expect(mathJaxRuns(html).filter(typesettable)).toEqual([]);
        expect(decode(html)).toBe(decode(markdownToHtml(text)));
      }
    } finally {
      fixtures.cleanup();
    }
  });
});

describe("display bundles", () => {
  it("give a figure as Vega-Lite 5 for JupyterLab and as a static SVG from the report's renderer", async () => {
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      mark: "bar",
      data: { values: [{ a: "x", b: 2 }] },
      encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
    };
    const bundle = await blockToBundle({ kind: "figure", id: "f", title: "A figure", spec });
    expect(Object.keys(bundle).sort()).toEqual(["application/vnd.lambench.figure+json", FRONT_END_VEGA_LITE.mime, "image/svg+xml", "text/plain"].sort());
    expect(bundle[FRONT_END_VEGA_LITE.mime]).toEqual({ ...spec, $schema: "https://vega.github.io/schema/vega-lite/v5.json" });
    expect(bundle["image/svg+xml"]).toMatch(/^<svg[\s\S]*<path[\s\S]*<\/svg>$/);
  });

  it("give markdown escaped for Jupyter and the text as the library made it", async () => {
    const bundle = await blockToBundle({ kind: "markdown", text: "$1 and $2" });
    expect(bundle).toEqual({ "application/vnd.lambench.markdown+json": "$1 and $2", "text/markdown": "<span>&#36;</span>1 and <span>&#36;</span>2" });
  });
});
