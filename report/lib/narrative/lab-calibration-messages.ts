// Every sentence of the Lab vs AWS section, as functions of the numbers (STYLE habit 11). The
// finding (report/lib/findings/lab-calibration.ts) computes them; this module only words them.
import { factor, list, ms } from "./format.js";

/** A reference dataset as the text names it. */
export interface ReferenceDescription {
  name: string;
  date: string;
  generatedAt: string;
  source: string;
  /** Fewest and most cold starts behind one entry's Init Durations. */
  coldStarts: { min: number; max: number };
}

/** One runtime's line of the table, every value as measured (null: not measured). */
export interface CalibrationLine {
  runtime: string;
  labVersion: string | null;
  awsRuntime: string | null;
  labInitMs: number | null;
  labColdStarts: number;
  awsInitMs: number | null;
  awsColdStarts: number;
  initRatio: number | null;
  labMemoryMB: number | null;
  awsMemoryMB: number | null;
  memoryRatio: number | null;
}

/** Memory in MB with three significant digits (lambda-perf publishes 72.94, 15.033…). */
const mbValue = (x: number) => `${x >= 100 ? Math.round(x) : Number(x.toPrecision(3))} MB`;
const dash = "—";
const or = <T>(x: T | null, f: (v: T) => string) => (x === null ? dash : f(x));
const countRange = (c: { min: number; max: number }) => (c.min === c.max ? String(c.min) : `${c.min}–${c.max}`);
/** Order as "A < B = C" (lowest first; "=" joins runtimes of equal value). */
const order = (groups: readonly (readonly string[])[]) => groups.map((g) => g.join(" = ")).join(" < ");
const AGREEMENT = {
  same: "the same order",
  "opposite-pair": "the orders differ",
  "ties-differ": "no two runtimes in opposite order, though one side ties runtimes the other orders",
} as const;

export const labCalibrationMessages = {
  intro: (fn: string, references: readonly ReferenceDescription[]) =>
    [
      `The lab next to AWS: the Init Duration and Max Memory Used of \`${fn}\` (the first benchmark function that touches no table, the closest the manifest has to a hello world) in each lab dataset, beside AWS's own measurements of hello-world functions for the same runtime, memory size and architecture (zip packaging) in the reference ${references.length > 1 ? "datasets" : "dataset"} ${list(references.map((r) => `**${r.name}**`))}.`,
      ...references.map(
        (r) =>
          `**${r.name}**: [maxday/lambda-perf](https://github.com/maxday/lambda-perf)'s measurements of ${r.date} (generated ${r.generatedAt}; ${r.source}), ${countRange(r.coldStarts)} cold starts per function, with one Max Memory Used each.`,
      ),
      "The lab's values are medians over its successful cold starts of the function; AWS's Init Duration is the median of the reference's cold starts. Ratios are lab / AWS: below 1 the lab is faster (or uses less memory) than AWS. Nothing is rescaled: the lab measures, and this page shows how far that is from AWS. A reference dataset is never part of any other section's findings.",
    ].join("\n\n"),
  settingHeading: (setting: string, reference: string) => `### ${setting} next to ${reference}`,
  table: (lines: readonly CalibrationLine[]) =>
    [
      "| Runtime | lab version | AWS runtime | lab Init Duration (n) | AWS Init Duration (n) | lab / AWS | lab Max Memory Used | AWS Max Memory Used | lab / AWS |",
      "|---|---|---|---:|---:|---:|---:|---:|---:|",
      ...lines
        .map((l) =>
          [
            l.runtime,
            l.labVersion ?? "not recorded",
            l.awsRuntime ?? "no entry",
            l.labInitMs === null ? `${dash} (0)` : `${ms(l.labInitMs)} (${l.labColdStarts})`,
            l.awsInitMs === null ? dash : `${ms(l.awsInitMs)} (${l.awsColdStarts})`,
            or(l.initRatio, factor),
            or(l.labMemoryMB, mbValue),
            or(l.awsMemoryMB, mbValue),
            or(l.memoryRatio, factor),
          ].join(" | "),
        )
        .map((row) => `| ${row} |`),
    ].join("\n"),
  order: (
    measure: "Init Duration" | "Max Memory Used",
    lab: readonly (readonly string[])[],
    aws: readonly (readonly string[])[],
    agreement: keyof typeof AGREEMENT,
  ) => {
    const [nLab, nAws] = [lab.flat().length, aws.flat().length];
    if (nLab < 2 || nAws < 2)
      return `By ${measure}, fewer than two runtimes have a value on ${nLab < 2 ? "the lab's" : "AWS's"} side, so there is no order to compare.`;
    return `By ${measure} (lowest first), the lab orders ${order(lab)} and AWS ${order(aws)}: ${AGREEMENT[agreement]}.`;
  },
  noAwsEntry: (reference: string, runtimes: readonly string[], memoryMB: number, architecture: string) =>
    `${reference} has no entry for ${list(runtimes)} at ${memoryMB} MB ${architecture} (zip), so ${runtimes.length > 1 ? "they have" : "it has"} no ratio there.`,
  noLabColdStart: (fn: string, runtimes: readonly string[], setting: string) =>
    `The lab has no successful cold \`${fn}\` invocation of ${list(runtimes)} in ${setting}, so ${runtimes.length > 1 ? "they have" : "it has"} no lab value there.`,
  howToAdd: () =>
    "No reference dataset is loaded, so there is nothing from AWS to put the lab next to. To add one, take a daily file of [maxday/lambda-perf](https://github.com/maxday/lambda-perf) (AWS's own measurements of hello-world functions, Apache-2.0: `data/YYYY/YYYY-MM-DD.json` in its repository) and import it with `npm run import -- YYYY-MM-DD.json --lambda-perf`, which writes the reference dataset `data/lambda-perf-YYYY-MM-DD`; then build the report again with it among the datasets (`npm run report` reads every dataset in `data/`, or name them: `npm run report -- --data data/local-128mb,data/lambda-perf-YYYY-MM-DD`). A reference dataset never enters a finding; only this section reads it.",
  noLabDataset: (references: readonly string[]) =>
    `No lab dataset (target \`local\`) is loaded, so there is nothing to put next to ${list(references.map((r) => `**${r}**`))}. Measure in the lab with \`npm run bench -- --target local\`, or name lab datasets with \`npm run report -- --data …\`.`,
  noHelloWorld: () =>
    "The manifest has no benchmark function that touches no table, so there is no hello-world-like function to put next to lambda-perf's hello-world measurements.",
  figureTitle: () => "Lab next to AWS (lambda-perf)",
  figureSubtitle: (fn: string) => `${fn}: lab median over its cold starts beside the reference (AWS); nothing rescaled`,
  tableTitle: () => "Lab next to AWS: Init Duration and Max Memory Used medians per runtime, memory size and architecture, with lab / AWS ratios",
};
