// --since / --until: a duration before now ("90m", "6h", "2d") or an ISO-8601 time, checked to be a
// time CloudWatch can be asked about (from 1970 to now), with the option named in every error.
import { collectMessages as msg } from "./messages.js";

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseTimeOption(option: string, value: string, now: number): number {
  const rel = /^(\d+)([mhd])$/.exec(value.trim());
  const ms = rel ? now - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS] : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(msg.badTime(option, value));
  if (ms < 0) throw new Error(msg.timeBeforeEpoch(option, value));
  return ms;
}
