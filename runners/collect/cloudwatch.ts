// Pulls REPORT log events out of CloudWatch Logs: FilterLogEvents (every page to the end) or
// Logs Insights (StartQuery, polled to completion, time range split while a query hits the row cap).
// Credentials, region and endpoint come from the SDK's standard configuration chain only.
import { CloudWatchLogsClient, FilterLogEventsCommand, GetQueryResultsCommand, StartQueryCommand, type ResultField } from "@aws-sdk/client-cloudwatch-logs";
import { sdkErrorMessage } from "../aws/sdk-env.js";
import { collectMessages as msg } from "./messages.js";
import type { LogEvent } from "./log-events.js";

export interface TimeRange {
  /** Epoch milliseconds, inclusive. */
  since: number;
  /** Epoch milliseconds, inclusive. */
  until: number;
}

export interface PullProgress {
  logGroupName: string;
  /** Events received so far from this log group. */
  events: number;
  /** Pages (FilterLogEvents) or queries (Insights) completed so far. */
  calls: number;
}

/** Only the Send method is used, so tests can pass a fake client. */
export interface LogsClient {
  send: CloudWatchLogsClient["send"];
}

/**
 * A client with the SDK's retry strategy for throttling: "adaptive" mode adds client-side rate
 * limiting on top of the standard exponential backoff with jitter.
 */
export function createLogsClient(options: { region?: string; endpoint?: string; maxAttempts?: number } = {}): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    retryMode: "adaptive",
    maxAttempts: options.maxAttempts ?? 8,
  });
}

/**
 * The client's region from the standard configuration; the SDK's bare "Region is missing" becomes
 * a message that says how to set one.
 */
export async function configuredRegion(client: { config: { region: () => Promise<string> } }): Promise<string> {
  try {
    return await client.config.region();
  } catch (e) {
    const message = sdkErrorMessage(e);
    throw message === (e as Error).message ? e : new Error(message, { cause: e });
  }
}

/** Matches text REPORT lines and JSON platform.report records; the parser drops anything else. */
export const REPORT_FILTER_PATTERN = '?"REPORT RequestId" ?"platform.report"';

export interface FilterOptions extends TimeRange {
  logGroupName: string;
  filterPattern?: string;
  /** Events per page (1..10000); AWS default when omitted. */
  pageSize?: number;
  onProgress?: (p: PullProgress) => void;
}

/** Every event of the group in the range, following nextToken through partial and empty pages. */
export async function filterLogEvents(client: LogsClient, o: FilterOptions): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let nextToken: string | undefined;
  let calls = 0;
  do {
    const page = await client.send(
      new FilterLogEventsCommand({
        logGroupName: o.logGroupName,
        startTime: o.since,
        endTime: o.until,
        filterPattern: o.filterPattern ?? REPORT_FILTER_PATTERN,
        ...(o.pageSize ? { limit: o.pageSize } : {}),
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    calls++;
    for (const e of page.events ?? []) {
      if (e.message === undefined || e.timestamp === undefined) continue;
      events.push({ message: e.message, timestamp: e.timestamp, logStreamName: e.logStreamName ?? "", logGroupName: o.logGroupName });
    }
    o.onProgress?.({ logGroupName: o.logGroupName, events: events.length, calls });
    // An empty page with a token is normal (CloudWatch searched a slice with no match): go on.
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

export const INSIGHTS_ROW_CAP = 10_000;

export interface InsightsOptions extends TimeRange {
  logGroupNames: string[];
  /** Rows a query may return; a query that returns this many is split. Default and maximum 10,000. */
  rowCap?: number;
  pollIntervalMs?: number;
  /** Give up on a single query after this long. Default 15 minutes (the Insights limit is 60). */
  queryTimeoutMs?: number;
  onProgress?: (p: PullProgress) => void;
  sleep?: (ms: number) => Promise<void>;
}

export function insightsQuery(rowCap: number): string {
  return [
    "fields @timestamp, @message, @logStream, @log",
    '| filter @message like /^REPORT RequestId/ or @message like /"platform\\.report"/',
    "| sort @timestamp asc",
    `| limit ${rowCap}`,
  ].join("\n");
}

/** Insights returns "2024-03-01 12:00:00.123" (UTC); some servers return epoch milliseconds. */
export function insightsTimestamp(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const iso = value.includes("T") ? value : `${value.replace(" ", "T")}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(msg.badInsightsTimestamp(value));
  return ms;
}

/** "@log" is "<account id>:<log group name>" on AWS. */
function groupFromLog(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^\d{12}:(.*)$/.exec(value);
  return m ? m[1] : value;
}

function rowToEvent(row: ResultField[]): LogEvent | null {
  const get = (f: string) => row.find((c) => c.field === f)?.value;
  const message = get("@message");
  const ts = get("@timestamp");
  if (message === undefined || ts === undefined) return null;
  const e: LogEvent = { message, timestamp: insightsTimestamp(ts), logStreamName: get("@logStream") ?? "" };
  const group = groupFromLog(get("@log"));
  if (group !== undefined) e.logGroupName = group;
  return e;
}

async function runQuery(client: LogsClient, o: InsightsOptions, range: TimeRange, rowCap: number): Promise<ResultField[][]> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = await client.send(
    new StartQueryCommand({
      logGroupNames: o.logGroupNames,
      // Insights takes seconds: widen to whole seconds so no event at the edges is lost.
      startTime: Math.floor(range.since / 1000),
      endTime: Math.ceil(range.until / 1000),
      queryString: insightsQuery(rowCap),
      limit: rowCap,
    }),
  );
  const queryId = started.queryId!;
  const deadline = Date.now() + (o.queryTimeoutMs ?? 15 * 60_000);
  for (;;) {
    const r = await client.send(new GetQueryResultsCommand({ queryId }));
    const status = r.status ?? "Unknown";
    if (status === "Complete") return r.results ?? [];
    if (status !== "Running" && status !== "Scheduled") throw new Error(msg.insightsFailed(status, queryId));
    if (Date.now() > deadline) throw new Error(msg.insightsTimeout(queryId, o.queryTimeoutMs ?? 15 * 60_000));
    await sleep(o.pollIntervalMs ?? 1000);
  }
}

/**
 * Every REPORT event of the groups in the range via Logs Insights. A query returning rowCap rows
 * may have been cut off, so its range is halved and each half queried again (down to one second).
 * Events outside the range (Insights works in whole seconds) and repeats are dropped.
 */
export async function queryInsights(client: LogsClient, o: InsightsOptions): Promise<LogEvent[]> {
  const rowCap = Math.min(o.rowCap ?? INSIGHTS_ROW_CAP, INSIGHTS_ROW_CAP);
  const events: LogEvent[] = [];
  const seen = new Set<string>();
  let calls = 0;
  const pending: TimeRange[] = [{ since: o.since, until: o.until }];
  while (pending.length > 0) {
    const range = pending.shift()!;
    const rows = await runQuery(client, o, range, rowCap);
    calls++;
    if (rows.length >= rowCap) {
      if (range.until - range.since <= 1000) {
        throw new Error(msg.insightsCap(new Date(range.since).toISOString(), new Date(range.until).toISOString(), rowCap));
      }
      const mid = range.since + Math.floor((range.until - range.since) / 2);
      pending.unshift({ since: range.since, until: mid }, { since: mid, until: range.until });
      continue;
    }
    for (const row of rows) {
      const e = rowToEvent(row);
      if (e === null || e.timestamp < o.since || e.timestamp > o.until) continue;
      // Split halves share a second, so the same event can come back twice.
      const key = `${e.logGroupName ?? ""}\u0000${e.logStreamName}\u0000${e.timestamp}\u0000${e.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(e);
    }
    o.onProgress?.({ logGroupName: o.logGroupNames.join(","), events: events.length, calls });
  }
  return events;
}
