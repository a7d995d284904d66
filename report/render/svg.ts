// Vega-Lite spec → static SVG, in Node (for the PDF and for readers without JavaScript).
import type { TopLevelSpec } from "vega-lite";

const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };

export async function specToSvg(spec: Record<string, unknown>): Promise<string> {
  // Loaded on first use: a rebuild whose figures are all cached never pays for vega.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = compile(spec as unknown as TopLevelSpec, { logger: quiet as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Vega numbers its clip paths and gradients from 1 in every SVG; several on one page would collide. */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
  let out = svg;
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out
      .replace(new RegExp(`\\bid="${escaped}"`, "g"), `id="${prefix}-${id}"`)
      .replace(new RegExp(`url\\(#${escaped}\\)`, "g"), `url(#${prefix}-${id})`)
      .replace(new RegExp(`href="#${escaped}"`, "g"), `href="#${prefix}-${id}"`);
  }
  return out;
}
