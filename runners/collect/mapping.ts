// Which runtime/function a log group holds: from a mapping file, or from the Lambda function name
// ("…-<runtime>-<function>", ids from the manifest) when no file names it.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ARCHITECTURES, type Architecture } from "../dataset/contract.js";
import type { Manifest } from "../../functions/manifest.js";
import type { FunctionIdentity, StreamMapping } from "./invocation-rows.js";
import { collectMessages as msg } from "./messages.js";

const identitySchema = z.object({
  runtime: z.string().min(1),
  function: z.string().min(1),
  architecture: z.enum(ARCHITECTURES).optional(),
  memoryMB: z.number().int().positive().optional(),
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

export function streamMapping(options: { file?: MappingFile; manifest?: Manifest; architecture: Architecture }): StreamMapping {
  return ({ logGroupName }) => {
    if (logGroupName === undefined) return null;
    const fromFile = options.file?.[logGroupName];
    if (fromFile) return { ...fromFile, architecture: fromFile.architecture ?? options.architecture } satisfies FunctionIdentity;
    if (!options.manifest) return null;
    const byName = identityFromName(functionNameOf(logGroupName), options.manifest);
    return byName ? { ...byName, architecture: options.architecture } : null;
  };
}
