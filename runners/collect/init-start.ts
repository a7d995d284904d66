// Which Lambda runtime a log stream ran, read from its INIT_START line: text
// "INIT_START Runtime Version: nodejs:20.v13\tRuntime Version ARN: …" or the JSON platform format
// {"type":"platform.initStart","record":{"runtimeVersion":"nodejs:20.v13",…}}.
import { runtimeIdFromVersion, type Manifest } from "../../functions/manifest.js";
import type { LogEvent } from "./log-events.js";

const TEXT = /^\s*INIT_START\s+Runtime Version:\s*(\S+)/;
const JSON_INIT_START = /"type"\s*:\s*"platform\.initStart"/;

/** The "Runtime Version" an INIT_START event names, or null for any other event. */
export function runtimeVersionOf(message: string): string | null {
  const text = TEXT.exec(message);
  if (text) return text[1]!;
  if (!JSON_INIT_START.test(message)) return null;
  try {
    const doc = JSON.parse(message) as { record?: { runtimeVersion?: unknown } };
    return typeof doc.record?.runtimeVersion === "string" ? doc.record.runtimeVersion : null;
  } catch {
    return null;
  }
}

export interface ObservedRuntimes {
  /** Runtime id by "<group>\0<stream>", from that stream's INIT_START. */
  byStream: Map<string, string>;
  /** Runtime id by log group, when every INIT_START of the group names the same one. */
  byGroup: Map<string, string>;
  /** Runtime id → the runtime versions its INIT_START lines name, in first-seen order. */
  versions: Map<string, string[]>;
}

export const streamKey = (group: string | undefined, stream: string): string => `${group ?? ""}\u0000${stream}`;

export function observedRuntimes(events: readonly LogEvent[], manifest: Manifest): ObservedRuntimes {
  const byStream = new Map<string, string>();
  const groupRuntimes = new Map<string, Set<string>>();
  const versions = new Map<string, string[]>();
  for (const e of events) {
    const version = runtimeVersionOf(e.message);
    if (version === null) continue;
    const id = runtimeIdFromVersion(manifest, version);
    if (id === null) continue;
    byStream.set(streamKey(e.logGroupName, e.logStreamName), id);
    if (!versions.has(id)) versions.set(id, []);
    if (!versions.get(id)!.includes(version)) versions.get(id)!.push(version);
    const group = e.logGroupName ?? "";
    if (!groupRuntimes.has(group)) groupRuntimes.set(group, new Set());
    groupRuntimes.get(group)!.add(id);
  }
  const byGroup = new Map([...groupRuntimes].filter(([, ids]) => ids.size === 1).map(([g, ids]) => [g, [...ids][0]!]));
  return { byStream, byGroup, versions };
}
