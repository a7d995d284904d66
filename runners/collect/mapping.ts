// Which runtime/function a log group holds. In order: a mapping file; lambench's own function names
// ("…-<runtime>-<function>", ids from the manifest); otherwise the function is the log group's
// Lambda function name and the runtime is what Lambda's configuration or the stream's INIT_START
// line says, else "unknown".
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ARCHITECTURES, NAME_PATTERN, type Architecture } from "../dataset/contract.js";
import type { Manifest } from "../../functions/manifest.js";
import type { FunctionIdentity, StreamMapping } from "./invocation-rows.js";
import { streamKey, type ObservedRuntimes } from "./init-start.js";
import { collectMessages as msg } from "./messages.js";

const identitySchema = z.object({
  runtime: z.string().min(1),
  function: z.string().min(1),
  architecture: z.enum(ARCHITECTURES).optional(),
  // Lambda's largest memory size is 10,240 MB: a larger figure is bytes, refused rather than guessed.
  memoryMB: z.number().int().positive().max(10_240, "is above Lambda's largest memory size (10,240 MB); give MB, not bytes").optional(),
});
const mappingFileSchema = z.record(z.string().min(1), identitySchema);
export type MappingFile = z.infer<typeof mappingFileSchema>;

export class MappingError extends Error {}

/** Reads `{ "<log group name>": { runtime, function, architecture?, memoryMB? }, … }`. */
export function readMappingFile(path: string): MappingFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new MappingError(msg.mappingFile(path, "(file)", (e as Error).message));
  }
  const parsed = mappingFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MappingError(msg.mappingFile(path, issue.path.join(".") || "(root)", issue.message));
  }
  return parsed.data;
}

/** The Lambda function name of a log group "/aws/lambda/<name>". */
export function functionNameOf(logGroupName: string): string {
  return logGroupName.startsWith("/aws/lambda/") ? logGroupName.slice("/aws/lambda/".length) : logGroupName;
}

/** "<anything>-<runtime>-<function>" with ids from the manifest; the longest match wins. */
export function identityFromName(name: string, manifest: Manifest): { runtime: string; function: string } | null {
  let best: { runtime: string; function: string } | null = null;
  for (const e of manifest.entries) {
    const suffix = `${e.runtime}-${e.function}`;
    if ((name === suffix || name.endsWith(`-${suffix}`)) && (best === null || suffix.length > `${best.runtime}-${best.function}`.length)) {
      best = { runtime: e.runtime, function: e.function };
    }
  }
  return best;
}

/** The runtime recorded for a function when nothing says which runtime it ran. */
export const UNKNOWN_RUNTIME = "unknown";

/** What Lambda's GetFunctionConfiguration said of a function (by function name). */
export interface FunctionConfiguration {
  runtime?: string;
  architecture?: Architecture;
  memoryMB?: number;
}

export interface MappingOptions {
  file?: MappingFile;
  manifest?: Manifest;
  architecture: Architecture;
  /** Runtimes named by INIT_START lines of the events being read. */
  observed?: ObservedRuntimes;
  /** Lambda's configuration of each function, where it could be read. */
  configurations?: ReadonlyMap<string, FunctionConfiguration>;
  /** Only the mapping file and lambench's own names: other groups are skipped as unmapped. */
  mappedOnly?: boolean;
}

export function streamMapping(options: MappingOptions): StreamMapping {
  return ({ logGroupName, logStreamName }) => {
    if (logGroupName === undefined) return null;
    const fromFile = options.file?.[logGroupName];
    if (fromFile) return { ...fromFile, architecture: fromFile.architecture ?? options.architecture } satisfies FunctionIdentity;
    const functionName = functionNameOf(logGroupName);
    const byName = options.manifest ? identityFromName(functionName, options.manifest) : null;
    if (byName) return { ...byName, architecture: options.architecture };
    if (options.mappedOnly || !NAME_PATTERN.test(functionName)) return null;
    const config = options.configurations?.get(functionName);
    const observed = options.observed?.byStream.get(streamKey(logGroupName, logStreamName)) ?? options.observed?.byGroup.get(logGroupName);
    return {
      runtime: config?.runtime ?? observed ?? UNKNOWN_RUNTIME,
      function: functionName,
      architecture: config?.architecture ?? options.architecture,
    };
  };
}
