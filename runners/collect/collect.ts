// From CloudWatch Logs to invocation rows: pull (FilterLogEvents or Logs Insights), parse, map,
// dedup. Used by `npm run collect` and by the AWS target.
import type { InvocationRow } from "../dataset/contract.js";
import { filterLogEvents, queryInsights, type LogsClient, type PullProgress, type TimeRange } from "./cloudwatch.js";
import { parseLogEvents, type LogEvent, type UnreadableLine } from "./log-events.js";
import { toInvocationRows, type StreamMapping } from "./invocation-rows.js";

export interface CollectOptions extends TimeRange {
  logGroupNames: string[];
  mapping: StreamMapping;
  method?: "filter" | "insights";
  pageSize?: number;
  insightsRowCap?: number;
  onProgress?: (p: PullProgress) => void;
}

export interface CollectResult {
  rows: InvocationRow[];
  events: number;
  unreadable: UnreadableLine[];
  duplicates: number;
  unmapped: Map<string, number>;
}

export function rowsFromEvents(events: LogEvent[], mapping: StreamMapping): Omit<CollectResult, "events"> {
  // Streams interleave across groups; order by time so the rows read in invocation order.
  const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
  const { records, unreadable } = parseLogEvents(sorted);
  const { rows, duplicates, unmapped } = toInvocationRows(records, mapping);
  return { rows, unreadable, duplicates, unmapped };
}

export async function collectFromCloudWatch(client: LogsClient, o: CollectOptions): Promise<CollectResult> {
  const events: LogEvent[] = [];
  if (o.method === "insights") {
    // Insights accepts at most 50 log groups per query.
    for (let i = 0; i < o.logGroupNames.length; i += 50) {
      events.push(
        ...(await queryInsights(client, {
          logGroupNames: o.logGroupNames.slice(i, i + 50),
          since: o.since,
          until: o.until,
          ...(o.insightsRowCap ? { rowCap: o.insightsRowCap } : {}),
          ...(o.onProgress ? { onProgress: o.onProgress } : {}),
        })),
      );
    }
  } else {
    for (const logGroupName of o.logGroupNames) {
      const pulled = await filterLogEvents(client, {
        logGroupName,
        since: o.since,
        until: o.until,
        ...(o.pageSize ? { pageSize: o.pageSize } : {}),
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      });
      for (const e of pulled) events.push(e);
    }
  }
  return { ...rowsFromEvents(events, o.mapping), events: events.length };
}
