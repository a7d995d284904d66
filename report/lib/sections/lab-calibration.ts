// Lab vs AWS: the calibration finding (report/lib/findings/lab-calibration.ts) laid out — per lab
// setting and reference, a table of the lab's and AWS's medians with their ratios, each side's order
// of runtimes, a figure of both, and the numbers to download. Without a reference dataset it says
// how to import one.
import type { Analysis } from "../analysis.js";
import { labCalibration, type CalibrationSetting, type LabCalibration } from "../findings/lab-calibration.js";
import { labVsAwsBars, type LabVsAwsRow } from "../figures/lab-vs-aws.js";
import { labCalibrationMessages as say, type CalibrationLine, type ReferenceDescription } from "../narrative/lab-calibration-messages.js";
import { messages } from "../narrative/messages.js";
import type { Block, Cell, SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import { figure, figureContext, markdown } from "./shared.js";
import { subtitle } from "./subtitle.js";

export const LAB_CALIBRATION_COLUMNS = [
  "reference",
  "referenceDate",
  "dataset",
  "memoryMB",
  "architecture",
  "runtime",
  "lambdaPerfName",
  "labColdStarts",
  "labInitMedianMs",
  "awsColdStarts",
  "awsInitMedianMs",
  "initRatio",
  "labMaxMemoryMedianMB",
  "awsMaxMemoryMB",
  "memoryRatio",
] as const;

const MEASURES = ["Init Duration (ms)", "Max Memory Used (MB)"];

export function labCalibrationSection({ analysis: a }: SectionInput): SectionResult {
  const found = labCalibration(a);
  return { id: "lab-calibration", title: "Lab vs AWS", blocks: blocksOf(a, found) };
}

function blocksOf(a: Analysis, found: LabCalibration): Block[] {
  if (found.references.length === 0) return [markdown(say.howToAdd())];
  const references = found.references.map((r) => r.name);
  if (found.function === null) return [markdown(say.noHelloWorld())];
  if (found.labDatasets.length === 0) return [markdown(say.noLabDataset(references))];
  const fn = found.function;
  const fixtures = a.data.datasets.filter((d) => found.labDatasets.includes(d.name) && d.meta.source.kind === "fixture").map((d) => d.name);
  const labelOf = (id: string) => a.runtimes.find((r) => r.id === id)?.label ?? id;
  const blocks: Block[] = [
    markdown(
      [
        say.intro(
          fn,
          found.references.map(({ name, reference }) => describe(name, reference)),
        ),
        ...(fixtures.length ? [messages.fixtureWarning(fixtures)] : []),
      ].join("\n\n"),
    ),
  ];
  for (const s of found.settings) blocks.push(markdown(settingText(a, s, fn, labelOf)));
  const figureSetting = figureSettingOf(found);
  const ctx = { ...figureContext(a), settings: found.settings.map(figureSetting) };
  const rows = found.settings.flatMap((s) => figureRows(s, figureSetting(s), labelOf));
  if (rows.some((r) => r.value !== null))
    blocks.push(figure("lab-vs-aws", say.figureTitle(), labVsAwsBars(rows, ctx, MEASURES, say.figureTitle(), subtitle(a, say.figureSubtitle(fn)))));
  blocks.push(exactTable(found));
  return blocks;
}

function describe(name: string, reference: LabCalibration["references"][number]["reference"]): ReferenceDescription {
  const counts = reference.entries.map((e) => e.initDurationsMs.length);
  return {
    name,
    date: reference.date,
    generatedAt: reference.generatedAt,
    source: reference.source,
    coldStarts: { min: Math.min(...counts), max: Math.max(...counts) },
  };
}

function settingText(a: Analysis, s: CalibrationSetting, fn: string, labelOf: (id: string) => string): string {
  const meta = a.data.datasets.find((d) => d.name === s.dataset)!.meta;
  const reference = a.data.references.find((d) => d.name === s.reference)!.meta.reference!;
  const lines: CalibrationLine[] = s.rows.map((r) => ({
    runtime: labelOf(r.runtime),
    labVersion: meta.runtimeVersions[r.runtime] ?? null,
    awsRuntime: reference.entries.find((e) => e.name === r.lambdaPerfName)?.runtime ?? null,
    labInitMs: r.labInitMedianMs,
    labColdStarts: r.labColdStarts,
    awsInitMs: r.awsInitMedianMs,
    awsColdStarts: r.awsColdStarts,
    initRatio: r.initRatio,
    labMemoryMB: r.labMaxMemoryMedianMB,
    awsMemoryMB: r.awsMaxMemoryMB,
    memoryRatio: r.memoryRatio,
  }));
  const noEntry = s.rows.filter((r) => r.lambdaPerfName === null).map((r) => labelOf(r.runtime));
  const noCold = s.rows.filter((r) => r.labColdStarts === 0).map((r) => labelOf(r.runtime));
  const labels = (ids: string[]) => ids.map(labelOf);
  return [
    say.settingHeading(s.setting, s.reference),
    say.table(lines),
    say.order("Init Duration", s.initOrder.lab.map(labels), s.initOrder.aws.map(labels), s.initOrder.agreement),
    say.order("Max Memory Used", s.memoryOrder.lab.map(labels), s.memoryOrder.aws.map(labels), s.memoryOrder.agreement),
    ...(noEntry.length ? [say.noAwsEntry(s.reference, noEntry, s.memoryMB, s.architecture)] : []),
    ...(noCold.length ? [say.noLabColdStart(fn, noCold, s.setting)] : []),
  ].join("\n\n");
}

/** A setting as the figure labels it: the reference's name only when several references are loaded. */
const figureSettingOf = (found: LabCalibration) => (s: CalibrationSetting) => (found.references.length > 1 ? `${s.setting} · ${s.reference}` : s.setting);

function figureRows(s: CalibrationSetting, setting: string, labelOf: (id: string) => string): LabVsAwsRow[] {
  return s.rows.flatMap((r) => {
    const runtime = labelOf(r.runtime);
    return [
      { setting, measure: MEASURES[0]!, runtime, side: "lab", value: r.labInitMedianMs },
      { setting, measure: MEASURES[0]!, runtime, side: "AWS", value: r.awsInitMedianMs },
      { setting, measure: MEASURES[1]!, runtime, side: "lab", value: r.labMaxMemoryMedianMB },
      { setting, measure: MEASURES[1]!, runtime, side: "AWS", value: r.awsMaxMemoryMB },
    ];
  });
}

/** The numbers behind the page, as computed (no rounding: a ratio here is the one the text words). */
function exactTable(found: LabCalibration): Block {
  const dateOf = new Map(found.references.map((r) => [r.name, r.reference.date]));
  const rows = found.settings.flatMap((s) =>
    s.rows.map((r): Record<string, Cell> => ({
      reference: s.reference,
      referenceDate: dateOf.get(s.reference) ?? null,
      dataset: s.dataset,
      memoryMB: s.memoryMB,
      architecture: s.architecture,
      runtime: r.runtime,
      lambdaPerfName: r.lambdaPerfName,
      labColdStarts: r.labColdStarts,
      labInitMedianMs: r.labInitMedianMs,
      awsColdStarts: r.awsColdStarts,
      awsInitMedianMs: r.awsInitMedianMs,
      initRatio: r.initRatio,
      labMaxMemoryMedianMB: r.labMaxMemoryMedianMB,
      awsMaxMemoryMB: r.awsMaxMemoryMB,
      memoryRatio: r.memoryRatio,
    })),
  );
  return { kind: "table", id: "lab-vs-aws", title: say.tableTitle(), columns: [...LAB_CALIBRATION_COLUMNS], rows };
}
