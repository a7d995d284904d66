// A campaign id names what produced a dataset: one bench invocation (every memory size it wrote,
// resumed or not) or one import/collect. The report combines datasets into cross-dataset findings
// only within one campaign or across matching protocols.
import { randomBytes } from "node:crypto";

export type CampaignKind = "bench" | "import" | "collect" | "combine";

/** `<kind>-<UTC time to the second>-<4 random hex digits>`, e.g. `bench-20261129T123344Z-3f9a`. */
export function newCampaign(kind: CampaignKind, now: Date = new Date(), random: () => string = () => randomBytes(2).toString("hex")): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `${kind}-${stamp}-${random()}`;
}
