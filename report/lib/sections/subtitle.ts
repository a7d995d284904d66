import type { Analysis } from "../analysis.js";

/** Figure subtitle: what is drawn, and a fixture label whenever fixture data is shown. */
export function subtitle(a: Analysis, what: string): string {
  const fixtures = a.data.datasets.filter((d) => d.meta.source.kind === "fixture");
  return fixtures.length ? `${what} — FIXTURE DATA (made-up numbers for tests)` : what;
}
