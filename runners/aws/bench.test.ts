// The AWS target's flow against moto (CloudFormation + CloudWatch Logs protocols) and a local
// stand-in for API Gateway + Lambda that writes generated REPORT lines (fixtures) to moto's logs.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { CloudFormationClient, CreateStackCommand } from "@aws-sdk/client-cloudformation";
import { CreateLogStreamCommand, PutLogEventsCommand, type CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metaSchema } from "../dataset/contract.js";
import { silentReporter } from "../bench/run.js";
import { createLogsClient } from "../collect/cloudwatch.js";
import { startMoto, type Moto } from "../collect/test-support/moto.js";
import { runAwsBenchWith, type AwsBenchOptions, type AwsDeps } from "./bench.js";
import { samDeployArgs } from "./stack.js";

const PAIRS = ["node/warmup", "node/wave", "go/warmup", "go/wave"];
const fnName = (pair: string) => `lambench-test-${pair.replace("/", "-")}`;

let moto: Moto;
let logs: CloudWatchLogsClient;
let cfn: CloudFormationClient;
let api: Server;
let apiUrl: string;
const out = mkdtempSync(join(tmpdir(), "lambench-aws-"));
const invoked = new Map<string, number>();

function fakeApi(): Promise<Server> {
  let chain = Promise.resolve();
  const streams = new Set<string>();
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const pair = (req.url ?? "").replace(/^\/bench\//, "");
      if (!PAIRS.includes(pair)) {
        res.writeHead(403).end('{"message":"Missing Authentication Token"}');
        return;
      }
      const n = (invoked.get(pair) ?? 0) + 1;
      invoked.set(pair, n);
      const group = `/aws/lambda/${fnName(pair)}`;
      const stream = "2024/03/01/[$LATEST]0001";
      const id = randomUUID();
      const now = Date.now();
      chain = chain.then(async () => {
        if (!streams.has(group)) {
          await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
          streams.add(group);
        }
        await logs.send(
          new PutLogEventsCommand({
            logGroupName: group,
            logStreamName: stream,
            logEvents: [
              { timestamp: now, message: `START RequestId: ${id} Version: $LATEST` },
              {
                timestamp: now + 1,
                message: `REPORT RequestId: ${id}\tDuration: 1.50 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t${n === 1 ? "Init Duration: 100.00 ms\t" : ""}`,
              },
            ],
          }),
        );
      });
      // Logs still being written when the last test ends (moto already stopped) are of no interest.
      chain = chain.catch(() => undefined);
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    });
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "testing";
  process.env.AWS_SECRET_ACCESS_KEY = "testing";
  process.env.AWS_REGION = "us-east-1";
  moto = await startMoto();
  logs = createLogsClient({ endpoint: moto.endpoint });
  cfn = new CloudFormationClient({ endpoint: moto.endpoint });
  api = await fakeApi();
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/bench`;
  const resources = Object.fromEntries(PAIRS.map((p, i) => [`Logs${i}`, { Type: "AWS::Logs::LogGroup", Properties: { LogGroupName: `/aws/lambda/${fnName(p)}` } }]));
  await cfn.send(
    new CreateStackCommand({
      StackName: "lambench-128",
      TemplateBody: JSON.stringify({
        Resources: resources,
        Outputs: {
          ApiUrl: { Value: `${apiUrl}/` },
          TableName: { Value: "geo" },
          FunctionNames: { Value: JSON.stringify(Object.fromEntries(PAIRS.map((p) => [p, fnName(p)]))) },
        },
      }),
    }),
  );
});

afterAll(async () => {
  logs?.destroy();
  cfn?.destroy();
  api?.close();
  await moto?.stop();
  rmSync(out, { recursive: true, force: true });
});

const options = (extra: Partial<AwsBenchOptions> = {}): AwsBenchOptions => ({
  target: "aws",
  memorySizes: [128],
  concurrencyFromPlan: false,
  runtimes: ["node", "go"],
  functions: ["wave"],
  requests: 25,
  concurrency: 4,
  warmup: 2,
  pauseMs: 0,
  name: "aws-test",
  out,
  resume: false,
  force: false,
  timeoutMs: 5000,
  workDir: join(out, ".work"),
  logWaitMs: 20_000,
  logPollMs: 200,
  ...extra,
});

describe("runAwsBench (moto)", () => {
  it("reads the stack outputs, drives warm-up and load, waits for and collects the REPORT lines, writes the dataset", async () => {
    const deployed: string[] = [];
    const deps = (): AwsDeps => ({ cfn, logs, region: "us-east-1", deploy: async (s, m, a) => void deployed.push(`${s}:${m}:${a}`), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
    const run = await runAwsBenchWith(options(), silentReporter, deps());
    expect(deployed).toEqual(["lambench-128:128:x86_64"]);
    expect(invoked.get("node/warmup")).toBe(2);
    expect(invoked.get("node/wave")).toBe(25);
    expect(invoked.get("go/wave")).toBe(25);
    const dir = run.datasets[0]!;
    const meta = metaSchema.parse(JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")));
    expect(meta).toMatchObject({ complete: true, target: "aws", region: "us-east-1", memorySizes: [128], counts: { invocations: 50, requests: 50 }, warnings: [] });
    const rows = readFileSync(join(dir, "invocations.csv"), "utf8").trim().split("\n").slice(1);
    expect(rows.filter((r) => r.startsWith("node,wave,128,x86_64,"))).toHaveLength(25);
    expect(rows.filter((r) => r.includes(",1.5,2,40,100,,success,"))).toHaveLength(2); // one cold start per function
    // The same name again without --force: refused before anything is deployed or invoked.
    await expect(runAwsBenchWith(options(), silentReporter, deps())).rejects.toThrow(`${dir} already holds a dataset (50 invocations, created ${meta.createdAt}); refusing to replace it. Pass --force to replace it, or choose another --name.`);
    expect(deployed).toHaveLength(1);
    // --no-deploy with an unknown stack fails with the stack's name.
    await expect(runAwsBenchWith(options({ deploy: false, stack: "nope", name: "aws-nope" }), silentReporter, deps())).rejects.toThrow(/nope/);
  });

  it("warns instead of hanging when fewer REPORT lines arrive than invocations", async () => {
    const warnings: string[] = [];
    const reporter = { ...silentReporter, warn: (w: string) => warnings.push(w) };
    // Logs that never arrive: a logs client whose every page is empty.
    const deps: AwsDeps = { cfn, logs: { send: (async () => ({ events: [] })) as never }, region: "us-east-1", deploy: async () => {}, sleep: async () => {} };
    await runAwsBenchWith(options({ deploy: false, stack: "lambench-128", runtimes: ["node"], requests: 3, logWaitMs: 50, name: "aws-empty" }), reporter, deps);
    expect(warnings).toEqual(["128 MB node/wave: 0 REPORT lines arrived for 3 invocations within the wait"]);
  });
});

describe("sam deploy arguments", () => {
  it("passes memory size and architecture as template parameters, one stack per memory size", () => {
    const a = samDeployArgs({ stackName: "lambench-256", memoryMB: 256, architecture: "arm64", region: "eu-west-1" });
    expect(a.build.slice(0, 2)).toEqual(["build", "--template-file"]);
    expect(a.build[2]).toMatch(/functions\/template\.yaml$/);
    expect(a.deploy).toEqual(expect.arrayContaining(["--stack-name", "lambench-256", "MemorySize=256", "Architecture=arm64", "--region", "eu-west-1", "--capabilities", "CAPABILITY_IAM"]));
    expect(a.deploy.join(" ")).not.toMatch(/key|secret|token/i);
  });
});
