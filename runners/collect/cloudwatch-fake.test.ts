// Edge cases moto does not produce (empty pages with a token, Insights still Running, a failed
// query, the row cap in a 1-second window), with a scripted client answering each call in turn.
import { FilterLogEventsCommand, GetQueryResultsCommand, StartQueryCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { filterLogEvents, insightsTimestamp, queryInsights, type LogsClient } from "./cloudwatch.js";

type Answer = (input: Record<string, unknown>, name: string) => unknown;

function scripted(answers: Answer[]): { client: LogsClient; calls: { name: string; input: Record<string, unknown> }[] } {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (cmd: { input: Record<string, unknown>; constructor: { name: string } }) => {
      const name = cmd.constructor.name;
      calls.push({ name, input: cmd.input });
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected call ${name}`);
      return answer(cmd.input, name);
    },
  } as unknown as LogsClient;
  return { client, calls };
}

const ev = (t: number, m = `REPORT RequestId: r${t}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB`) => ({
  timestamp: t,
  message: m,
  logStreamName: "s",
});

describe("filterLogEvents pagination", () => {
  it("follows nextToken through empty and partial pages to the end", async () => {
    const { client, calls } = scripted([
      () => ({ events: [], nextToken: "t1" }),
      () => ({ events: [ev(1), ev(2)], nextToken: "t2" }),
      () => ({ nextToken: "t3" }),
      () => ({ events: [ev(3)] }),
    ]);
    const events = await filterLogEvents(client, { logGroupName: "/aws/lambda/x", since: 0, until: 10 });
    expect(events.map((e) => e.timestamp)).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.input.nextToken)).toEqual([undefined, "t1", "t2", "t3"]);
    expect(calls.every((c) => c.name === FilterLogEventsCommand.name)).toBe(true);
  });
});

describe("queryInsights", () => {
  const row = (t: number) => [
    { field: "@timestamp", value: new Date(t).toISOString().replace("T", " ").replace("Z", "") },
    { field: "@message", value: ev(t).message },
    { field: "@logStream", value: "s" },
    { field: "@log", value: "123456789012:/aws/lambda/x" },
  ];

  it("polls GetQueryResults until Complete and reads the rows", async () => {
    const slept: number[] = [];
    const { client, calls } = scripted([
      () => ({ queryId: "q1" }),
      () => ({ status: "Scheduled" }),
      () => ({ status: "Running", results: [row(1000)] }),
      () => ({ status: "Complete", results: [row(1000), row(2000)] }),
    ]);
    const events = await queryInsights(client, {
      logGroupNames: ["/aws/lambda/x"],
      since: 0,
      until: 5000,
      pollIntervalMs: 7,
      sleep: async (ms) => void slept.push(ms),
    });
    expect(events).toEqual([
      { message: ev(1000).message, timestamp: 1000, logStreamName: "s", logGroupName: "/aws/lambda/x" },
      { message: ev(2000).message, timestamp: 2000, logStreamName: "s", logGroupName: "/aws/lambda/x" },
    ]);
    expect(slept).toEqual([7, 7]);
    expect(calls[0]!.name).toBe(StartQueryCommand.name);
    expect(calls[0]!.input).toMatchObject({ startTime: 0, endTime: 5, limit: 10000 });
    expect(calls.slice(1).every((c) => c.name === GetQueryResultsCommand.name && c.input.queryId === "q1")).toBe(true);
  });

  it("splits a capped range in halves and drops the repeated boundary rows", async () => {
    const { client, calls } = scripted([
      () => ({ queryId: "whole" }),
      () => ({ status: "Complete", results: [row(1000), row(2000)] }), // 2 = cap: cut off
      () => ({ queryId: "left" }),
      () => ({ status: "Complete", results: [row(1000)] }),
      () => ({ queryId: "right" }),
      () => ({ status: "Complete", results: [row(2000)] }),
    ]);
    const events = await queryInsights(client, { logGroupNames: ["g"], since: 0, until: 4000, rowCap: 2, sleep: async () => {} });
    expect(events.map((e) => e.timestamp)).toEqual([1000, 2000]);
    expect(calls.filter((c) => c.name === StartQueryCommand.name).map((c) => [c.input.startTime, c.input.endTime])).toEqual([
      [0, 4],
      [0, 2],
      [2, 4],
    ]);
  });

  it("fails clearly on a failed query and on a cap it cannot split", async () => {
    const failed = scripted([() => ({ queryId: "q" }), () => ({ status: "Failed" })]);
    await expect(queryInsights(failed.client, { logGroupNames: ["g"], since: 0, until: 1000, sleep: async () => {} })).rejects.toThrow(
      "Logs Insights query q ended with status Failed",
    );
    const capped = scripted([() => ({ queryId: "q" }), () => ({ status: "Complete", results: [row(500)] })]);
    await expect(queryInsights(capped.client, { logGroupNames: ["g"], since: 0, until: 1000, rowCap: 1, sleep: async () => {} })).rejects.toThrow(
      "cannot split further",
    );
  });

  it("reads Insights timestamps in both forms", () => {
    expect(insightsTimestamp("2024-03-01 12:00:00.123")).toBe(Date.parse("2024-03-01T12:00:00.123Z"));
    expect(insightsTimestamp("1709294400123")).toBe(1709294400123);
    expect(() => insightsTimestamp("soon")).toThrow('unreadable @timestamp "soon"');
  });
});
