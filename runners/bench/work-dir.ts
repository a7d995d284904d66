// The run's work dir (under .lambench/, never a dataset): its protocol, one file per finished
// segment of each trial and the lab's log streams. --resume reuses the finished segments, so an
// interrupted run continues within its trial, at the first segment not yet measured.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { InvocationRow, RequestRow } from "../dataset/contract.js";
import { writeFileAtomic } from "../dataset/atomic.js";
import { newCampaign } from "../dataset/campaign.js";
import { benchMessages as msg } from "./messages.js";
import type { BenchOptions } from "./options.js";
import { newSeed } from "./order.js";
import type { TrialSegmentKey } from "./target.js";

export type { SegmentKey, TrialSegmentKey } from "./target.js";

export interface SegmentResult extends TrialSegmentKey {
  invocations: InvocationRow[];
  requests: RequestRow[];
  warnings: string[];
  /** Duplicate REPORT lines dropped while collecting (AWS). */
  duplicates?: number;
  seconds: { warmup: number; load: number; collect: number };
}

export interface RunProtocol {
  createdAt: string;
  /** The campaign id every dataset of this run records (kept across --resume). */
  campaign: string;
  /** The seed of the trial orders: the user's --seed, or one drawn when the run started (kept across --resume). */
  seed: number;
  options: Omit<BenchOptions, "resume" | "out" | "workDir" | "force">;
}

/** A work-folder JSON file; a damaged one (a disk full, a hand edit) is named with the remedy. */
function readWorkJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new Error(msg.corruptWorkFile(file, (e as Error).message), { cause: e });
  }
}

export class WorkDir {
  readonly dir: string;
  readonly logDir: string;
  private readonly protocolFile: string;

  constructor(root: string, name: string) {
    this.dir = join(root, "runs", name);
    this.logDir = join(this.dir, "logs");
    this.protocolFile = join(this.dir, "protocol.json");
  }

  /** Starts fresh, or (resume) checks the interrupted run had the same protocol and returns its. */
  open(options: BenchOptions, createdAt: string, campaign: string, seed: number): RunProtocol {
    const { resume: _r, out: _o, workDir: _w, force: _f, ...rest } = options;
    const protocol: RunProtocol = { createdAt, campaign, seed, options: rest };
    if (options.resume && existsSync(this.protocolFile)) {
      const previous = readWorkJson<RunProtocol>(this.protocolFile);
      if (JSON.stringify(previous.options) !== JSON.stringify(protocol.options)) throw new Error(msg.resumeMismatch(this.protocolFile));
      return { ...previous, campaign: previous.campaign ?? campaign };
    }
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.protocolFile, JSON.stringify(protocol, null, 2) + "\n");
    return protocol;
  }

  private segmentFile(k: TrialSegmentKey): string {
    return join(this.dir, "segments", `trial${k.trial}-${k.memoryMB}mb-${k.runtime}-${k.function}.json`);
  }

  finished(k: TrialSegmentKey): SegmentResult | null {
    const f = this.segmentFile(k);
    return existsSync(f) ? readWorkJson<SegmentResult>(f) : null;
  }

  save(result: SegmentResult): void {
    writeFileAtomic(this.segmentFile(result), JSON.stringify(result) + "\n");
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The work dir of the run these options describe, opened: fresh, or (--resume) the interrupted run's. */
export function openWorkDir(options: BenchOptions, campaign: string = newCampaign("bench")): { work: WorkDir; run: RunProtocol } {
  const work = new WorkDir(options.workDir, options.name);
  return { work, run: work.open(options, new Date().toISOString(), campaign, options.seed ?? newSeed()) };
}
