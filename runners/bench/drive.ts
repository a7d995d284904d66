// Driving one function with the protocol's requests: shared by the local lab and the AWS target,
// so both send the same payloads the same way.
import type { BenchOptions } from "./options.js";
import { runLoad, type LoadResult } from "../load/index.js";

export interface SegmentProgress {
  segmentStart(label: string, total: number): void;
  segmentProgress(done: number): void;
  segmentEnd(): void;
}

/** `{seq}` anywhere in the payload's strings becomes the request's sequence number. */
export function payloadFor(payload: unknown): (seq: number) => string {
  const text = JSON.stringify(payload);
  return text.includes("{seq}") ? (seq) => text.replaceAll("{seq}", String(seq)) : () => text;
}

/** The warm-up calls before a measured segment, one at a time. */
export async function warmUp(url: string, calls: number, payload: unknown): Promise<void> {
  await runLoad({ url, requests: calls, concurrency: 1, body: payloadFor(payload) });
}

/** The measured requests of one segment (ab semantics), with a progress bar. */
export async function driveSegment(
  url: string,
  options: Pick<BenchOptions, "requests" | "concurrency" | "timeoutMs">,
  payload: unknown,
  label: string,
  progress: SegmentProgress,
): Promise<LoadResult> {
  progress.segmentStart(label, options.requests);
  try {
    return await runLoad({
      url,
      requests: options.requests,
      concurrency: options.concurrency,
      body: payloadFor(payload),
      // The function's own timeout plus room for the front to answer.
      timeoutMs: options.timeoutMs + 5000,
      onProgress: (done) => progress.segmentProgress(done),
    });
  } finally {
    progress.segmentEnd();
  }
}
