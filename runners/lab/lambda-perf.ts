// maxday/lambda-perf daily files (github.com/maxday/lambda-perf, Apache-2.0, data/YYYY/YYYY-MM-DD.json):
// AWS's own Init Duration and Max Memory Used for hello-world functions, the reference the lab's
// calibration compares itself with (`npm run import -- <file> --lambda-perf`, the report's Lab vs
// AWS section, bench/lab-calibration.ts). Read as published, never rescaled.
import { z } from "zod";
import type { ReferenceEntry } from "../dataset/contract.js";
import { labMessages } from "./messages.js";

const entrySchema = z.object({
  r: z.string().min(1),
  p: z.string().min(1),
  d: z.string().min(1),
  i: z.array(z.number().nonnegative()).min(1),
  m: z.number().int().positive(),
  a: z.enum(["x86_64", "arm64"]),
  mu: z.number().nonnegative(),
  ad: z.number().nonnegative(),
  acd: z.number().nonnegative(),
});
const fileSchema = z.object({
  metadata: z.object({
    generatedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T/, "expected an ISO-8601 time")
      .refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO-8601 time"),
  }),
  runtimeData: z.array(z.unknown()).min(1),
});

/** One function of a lambda-perf day, in the data contract's shape (runners/dataset/contract.ts). */
export type LambdaPerfEntry = ReferenceEntry;

export interface LambdaPerfDay {
  /** The day the measurements were generated (YYYY-MM-DD) and when exactly. */
  date: string;
  generatedAt: string;
  source: string;
  entries: LambdaPerfEntry[];
}

export const LAMBDA_PERF_SOURCE = "https://github.com/maxday/lambda-perf (Apache-2.0)";

export function parseLambdaPerf(text: string, file: string): LambdaPerfDay {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(labMessages.lambdaPerfNotJson(file, (e as Error).message), { cause: e });
  }
  const top = fileSchema.safeParse(raw);
  if (!top.success) throw new Error(labMessages.lambdaPerfField(file, top.error.issues[0]!.path.join(".") || "(root)", top.error.issues[0]!.message));
  const entries = top.data.runtimeData.map((item, index) => {
    const e = entrySchema.safeParse(item);
    if (!e.success)
      throw new Error(labMessages.lambdaPerfField(file, `runtimeData[${index}].${e.error.issues[0]!.path.join(".")}`, e.error.issues[0]!.message));
    const d = e.data;
    return {
      name: d.r,
      runtime: d.d,
      packaging: d.p,
      memoryMB: d.m,
      architecture: d.a,
      initDurationsMs: d.i,
      maxMemoryUsedMB: d.mu,
      avgWarmDurationMs: d.ad,
      avgColdDurationMs: d.acd,
    };
  });
  const generatedAt = top.data.metadata.generatedAt;
  return { date: generatedAt.slice(0, 10), generatedAt, source: LAMBDA_PERF_SOURCE, entries };
}
