// What the protocol loop (protocol.ts) needs from a place that runs functions: the local lab or
// AWS. Everything target-specific lives behind this interface, so both targets run one loop.
import type { UnreadableLine } from "../collect/log-events.js";
import type { DatasetMeta, InvocationRow } from "../dataset/contract.js";

export interface SegmentKey {
  memoryMB: number;
  runtime: string;
  function: string;
}

export interface TrialSegmentKey extends SegmentKey {
  /** 1-based. */
  trial: number;
}

export interface Collected {
  rows: InvocationRow[];
  /** REPORT lines the parser could not read. */
  unreadable: UnreadableLine[];
  /** REPORT lines dropped as repeats of a request id, where the target counts them (AWS). */
  duplicates?: number;
}

/** The part of meta.json a target knows (the protocol, trials and counts come from the loop). */
export type TargetDescription = Pick<DatasetMeta, "target" | "architecture" | "runtimeVersions" | "machine" | "region" | "billing" | "lab" | "warnings"> & {
  /** meta.json source.detail: how the rows were obtained. */
  detail: string;
};

export interface Target {
  /** Makes one memory size's functions deployable (lab: nothing; AWS: deploy or read its stack). */
  prepare(memoryMB: number): Promise<void>;
  /** Makes runtime/fn ready to be called in a segment and returns its URL (lab: deploys it and clears its log streams). */
  endpoint(key: SegmentKey): Promise<string>;
  /**
   * Every function of these (runtime, function) pairs at memoryMB starts its next invocation in a
   * new execution environment (lab: every instance retired; AWS: a configuration change, waited
   * until active), so each trial has its own cold starts and warm-up.
   */
  freshEnvironments(memoryMB: number, pairs: ReadonlyArray<readonly [string, string]>): Promise<void>;
  /**
   * The REPORT lines of a segment's measured function since `sinceMs` (epoch ms, just before its
   * load), tagged with the trial; `expected` is how many invocations reached the function.
   */
  collect(key: TrialSegmentKey, sinceMs: number, expected: number): Promise<Collected>;
  /** What meta.json says about where and how the run happened, for one memory size. */
  describe(memoryMB: number, createdAt: string): TargetDescription;
}

/**
 * Whether a request reached the function (so a REPORT line is due): not when it got no HTTP
 * status (connection error, client timeout), was throttled (429) or was refused by the front's
 * routing (403/404: API Gateway "Missing Authentication Token"; the lab front answers 404).
 */
export function reachedFunction(httpStatus: number): boolean {
  return httpStatus !== 0 && httpStatus !== 429 && httpStatus !== 403 && httpStatus !== 404;
}
