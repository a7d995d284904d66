// The run's work dir (under .lambench/, never a dataset): its protocol, one file per finished
// segment and the lab's log streams. --resume reuses the finished segments.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { InvocationRow, RequestRow } from "../dataset/contract.js";
import { writeFileAtomic } from "../dataset/atomic.js";
import { benchMessages as msg } from "./messages.js";
import type { BenchOptions } from "./options.js";

export interface SegmentKey {
  memoryMB: number;
  runtime: string;
  function: string;
}

export interface SegmentResult extends SegmentKey {
  invocations: InvocationRow[];
  requests: RequestRow[];
  warnings: string[];
  seconds: { warmup: number; load: number; collect: number };
}

export interface RunProtocol {
  createdAt: string;
  /** The campaign id every dataset of this run records (kept across --resume). */
  campaign: string;
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
  open(options: BenchOptions, createdAt: string, campaign: string): RunProtocol {
    const { resume: _r, out: _o, workDir: _w, force: _f, ...rest } = options;
    const protocol: RunProtocol = { createdAt, campaign, options: rest };
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

  private segmentFile(k: SegmentKey): string {
    return join(this.dir, "segments", `${k.memoryMB}mb-${k.runtime}-${k.function}.json`);
  }

  finished(k: SegmentKey): SegmentResult | null {
    const f = this.segmentFile(k);
    return existsSync(f) ? readWorkJson<SegmentResult>(f) : null;
  }

  save(result: SegmentResult): void {
    writeFileAtomic(this.segmentFile(result), JSON.stringify(result) + "\n");
  }

  /** Log streams of one function (cleared before a segment is (re)run). */
  clearLogs(functionName: string): void {
    rmSync(join(this.logDir, functionName), { recursive: true, force: true });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
