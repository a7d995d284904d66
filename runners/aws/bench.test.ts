// The AWS target through the bench's one protocol loop, against moto (CloudFormation, Lambda and
// CloudWatch Logs protocols) and a local stand-in for API Gateway + Lambda that writes generated
// REPORT lines (fixtures) to moto's logs, one log stream per execution environment: a new
// environment (and a cold start) after each configuration change, as on Lambda.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { CloudFormationClient, CreateStackCommand } from "@aws-sdk/client-cloudformation";
import { CreateLogStreamCommand, PutLogEventsCommand, type CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { metaSchema } from "../dataset/contract.js";
import { silentReporter, type BenchReporter } from "../bench/run.js";
import { Teardown, TeardownStarted } from "../bench/teardown.js";
import { createLogsClient } from "../collect/cloudwatch.js";
import { startMoto, type Moto } from "../collect/test-support/moto.js";
import { runAwsBenchWith, type AwsBenchOptions, type AwsDeps } from "./bench.js";
import { samDeployArgs } from "./stack.js";
import { AwsTarget, FRESH_ENVIRONMENT_VARIABLE } from "./target.js";
import { loadManifest } from "../../functions/manifest.js";

const PAIRS = ["node/warmup", "node/wave", "go/warmup", "go/wave"];
const fnName = (pair: string) => `lambench-test-${pair.replace("/", "-")}`;

let moto: Moto;
let logs: CloudWatchLogsClient;
let cfn: CloudFormationClient;
let lambda: LambdaClient;
let api: Server;
let apiUrl: string;
const out = mkdtempSync(join(tmpdir(), "lambench-aws-"));
const invoked = new Map<string, number>();
/** Per function: the environment its last invocation ran in (the configuration's variable) and its stream. */
const environments = new Map<string, { value: string; stream: string }>();

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
      invoked.set(pair, (invoked.get(pair) ?? 0) + 1);
      const group = `/aws/lambda/${fnName(pair)}`;
      const id = randomUUID();
      const now = Date.now();
      chain = chain.then(async () => {
        const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fnName(pair) }));
        const value = config.Environment?.Variables?.[FRESH_ENVIRONMENT_VARIABLE] ?? "";
        const previous = environments.get(pair);
        const cold = previous?.value !== value;
        const stream = cold ? `2024/03/01/[$LATEST]${randomUUID().replaceAll("-", "")}` : previous!.stream;
        environments.set(pair, { value, stream });
        if (!streams.has(stream)) {
          await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
          streams.add(stream);
        }
        await logs.send(
          new PutLogEventsCommand({
            logGroupName: group,
            logStreamName: stream,
            logEvents: [
              { timestamp: now, message: `START RequestId: ${id} Version: $LATEST` },
              {
                timestamp: now + 1,
                message: `REPORT RequestId: ${id}\tDuration: 1.50 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t${cold ? "Init Duration: 100.00 ms\t" : ""}`,
              },
            ],
          }),
        );
      });
      // Logs still being written when the last test ends (moto already stopped) are of no interest.
      chain = chain.catch(() => undefined);
      // Answer once the REPORT line is written, so the log holds what the client saw.
      void chain.then(() => res.writeHead(200, { "content-type": "application/json" }).end(body));
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
  lambda = new LambdaClient({ endpoint: moto.endpoint });
  api = await fakeApi();
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/bench`;
  const role = {
    Type: "AWS::IAM::Role",
    Properties: {
      RoleName: "lambench-test-role",
      AssumeRolePolicyDocument: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
      },
    },
  };
  const functions = Object.fromEntries(
    PAIRS.map((p, i) => [
      `Function${i}`,
      {
        Type: "AWS::Lambda::Function",
        Properties: {
          FunctionName: fnName(p),
          Runtime: "nodejs20.x",
          Handler: "index.handler",
          Role: { "Fn::GetAtt": ["Role", "Arn"] },
          Code: { ZipFile: "exports.handler = async (e) => ({ statusCode: 200, body: e.body });" },
          Environment: { Variables: { TABLE_NAME: "geo" } },
        },
      },
    ]),
  );
  const groups = Object.fromEntries(
    PAIRS.map((p, i) => [`Logs${i}`, { Type: "AWS::Logs::LogGroup", Properties: { LogGroupName: `/aws/lambda/${fnName(p)}` } }]),
  );
  await cfn.send(
    new CreateStackCommand({
      StackName: "lambench-128",
      TemplateBody: JSON.stringify({
        Resources: { Role: role, ...functions, ...groups },
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
  lambda?.destroy();
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
  trials: 1,
  targetPrecision: null,
  maxTrials: 1,
  seed: 5,
  timeoutMs: 5000,
  workDir: join(out, ".work"),
  logWaitMs: 20_000,
  logPollMs: 200,
  ...extra,
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const deps = (deployed: string[] = []): AwsDeps => ({
  cfn,
  logs,
  lambda,
  region: "us-east-1",
  deploy: async (s, m, a) => void deployed.push(`${s}:${m}:${a}`),
  sleep,
});
const csvRows = (dir: string, file: string) => readFileSync(join(dir, file), "utf8").trim().split("\n").slice(1);

describe("bench --target aws (moto)", () => {
  // Each run collects from a second before its load (clock slack): keep runs of different tests apart.
  beforeEach(() => sleep(1100));

  it("reads the stack outputs, drives warm-up and load, waits for and collects the REPORT lines, writes the dataset", async () => {
    invoked.clear();
    const deployed: string[] = [];
    const run = await runAwsBenchWith(options(), silentReporter, deps(deployed));
    expect(deployed).toEqual(["lambench-128:128:x86_64"]);
    expect(invoked.get("node/warmup")).toBe(2);
    expect(invoked.get("node/wave")).toBe(25);
    expect(invoked.get("go/wave")).toBe(25);
    const dir = run.datasets[0]!;
    const meta = metaSchema.parse(JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")));
    expect(meta).toMatchObject({
      complete: true,
      target: "aws",
      region: "us-east-1",
      memorySizes: [128],
      counts: { invocations: 50, requests: 50 },
      warnings: [],
    });
    expect(meta.trials).toEqual({ count: 1, seed: 5, orders: [run.trials.orders[0]] });
    const rows = csvRows(dir, "invocations.csv");
    expect(rows.filter((r) => r.startsWith("node,wave,128,x86_64,1,"))).toHaveLength(25);
    expect(rows.filter((r) => r.includes(",1.5,2,40,100,,success,"))).toHaveLength(2); // one cold start per function
    // The same name again without --force: refused before anything is deployed or invoked.
    await expect(runAwsBenchWith(options(), silentReporter, deps(deployed))).rejects.toThrow(
      `${dir} already holds a dataset (50 invocations, created ${meta.createdAt}); refusing to replace it. Pass --force to replace it, or choose another --name.`,
    );
    expect(deployed).toHaveLength(1);
    // --no-deploy with an unknown stack fails with the stack's name.
    await expect(runAwsBenchWith(options({ deploy: false, stack: "nope", name: "aws-nope" }), silentReporter, deps())).rejects.toThrow(/nope/);
  });

  it("runs every trial in fresh environments: a configuration change per function, other variables kept, a cold start per trial", async () => {
    const run = await runAwsBenchWith(options({ deploy: false, trials: 3, requests: 6, name: "aws-trials" }), silentReporter, deps());
    const dir = run.datasets[0]!;
    const meta = metaSchema.parse(JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")));
    expect(meta.trials).toMatchObject({ count: 3, seed: 5 });
    expect(new Set(meta.trials!.orders.map((o) => o.join()))).toEqual(new Set(["node/wave,go/wave", "go/wave,node/wave"]));
    const rows = csvRows(dir, "invocations.csv").map((r) => r.split(","));
    for (const trial of ["1", "2", "3"]) {
      const inTrial = rows.filter((r) => r[4] === trial);
      expect(inTrial).toHaveLength(12);
      // One cold start per function per trial: each trial starts in new environments.
      expect(inTrial.filter((r) => r[11] === "100")).toHaveLength(2);
    }
    expect(
      csvRows(dir, "requests.csv")
        .map((r) => r.split(",")[3])
        .sort(),
    ).toEqual([...Array(12).fill("1"), ...Array(12).fill("2"), ...Array(12).fill("3")]);
    for (const p of PAIRS) {
      const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fnName(p) }));
      expect(config.Environment?.Variables).toMatchObject({ TABLE_NAME: "geo", [FRESH_ENVIRONMENT_VARIABLE]: expect.any(String) });
    }
  });

  it("--resume continues within the trial: finished segments are kept, not invoked again", async () => {
    const o = options({ deploy: false, trials: 2, requests: 5, warmup: 0, name: "aws-resume", seed: 11 });
    const teardown = new Teardown();
    let started = 0;
    // Interrupted while the third segment (trial 2's first) runs: it is not saved, the first two are.
    const interrupting: BenchReporter = { ...silentReporter, segmentStart: () => void (++started === 3 && teardown.run()) };
    await expect(runAwsBenchWith(o, interrupting, deps(), loadManifest(), teardown)).rejects.toBeInstanceOf(TeardownStarted);
    expect(existsSync(join(out, "aws-resume-128mb"))).toBe(false);
    invoked.clear();
    const lines: string[] = [];
    const run = await runAwsBenchWith({ ...o, resume: true }, { ...silentReporter, info: (l) => lines.push(l) }, deps());
    const [first, second] = run.trials.orders[0]!;
    expect(lines).toEqual(
      expect.arrayContaining([
        `trial 1/2 segment 1/2 128 MB ${first}: already measured (resume)`,
        `trial 1/2 segment 2/2 128 MB ${second}: already measured (resume)`,
      ]),
    );
    expect(invoked.get("node/wave")).toBe(5); // trial 2 only
    expect(invoked.get("go/wave")).toBe(5);
    const rows = csvRows(run.datasets[0]!, "invocations.csv").map((r) => r.split(","));
    expect(rows.filter((r) => r[4] === "1")).toHaveLength(10);
    expect(rows.filter((r) => r[4] === "2")).toHaveLength(10);
  });

  it("warns instead of hanging when fewer REPORT lines arrive than invocations", async () => {
    const warnings: string[] = [];
    const reporter = { ...silentReporter, warn: (w: string) => warnings.push(w) };
    // Logs that never arrive: a logs client whose every page is empty.
    const empty: AwsDeps = { ...deps(), logs: { send: (async () => ({ events: [] })) as never }, sleep: async () => {} };
    await runAwsBenchWith(
      options({ deploy: false, stack: "lambench-128", runtimes: ["node"], requests: 3, logWaitMs: 50, name: "aws-empty" }),
      reporter,
      empty,
    );
    expect(warnings).toEqual(["trial 1/1 segment 1/1 128 MB node/wave: 0 REPORT lines collected for 3 invocations that reached the function"]);
  });
});

describe("fresh environments (mocked Lambda API)", () => {
  it("keeps the function's variables, sets a new LAMBENCH_ENVIRONMENT and waits until the update is no longer in progress", async () => {
    const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
    let polls = 0;
    const fake = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        sent.push({ name: command.constructor.name, input: command.input });
        if (command.constructor.name === "GetFunctionConfigurationCommand") return { Environment: { Variables: { TABLE_NAME: "geo" } } };
        if (command.constructor.name === "GetFunctionCommand") return { Configuration: { LastUpdateStatus: ++polls < 2 ? "InProgress" : "Successful" } };
        return {};
      },
    };
    const target = new AwsTarget(options({ deploy: false }), { ...deps(), lambda: fake as never }, loadManifest(), silentReporter);
    await target.prepare(128);
    await target.freshEnvironments(128, [["node", "wave"]]);
    expect(sent.map((s) => s.name)).toEqual([
      "GetFunctionConfigurationCommand",
      "UpdateFunctionConfigurationCommand",
      "GetFunctionCommand",
      "GetFunctionCommand",
    ]);
    const update = sent[1]!.input as { FunctionName: string; Environment: { Variables: Record<string, string> } };
    expect(update.FunctionName).toBe(fnName("node/wave"));
    expect(update.Environment.Variables).toEqual({ TABLE_NAME: "geo", [FRESH_ENVIRONMENT_VARIABLE]: expect.stringMatching(/^\d+-1$/) });
  });
});

describe("sam deploy arguments", () => {
  it("passes memory size and architecture as template parameters, one stack per memory size", () => {
    const a = samDeployArgs({ stackName: "lambench-256", memoryMB: 256, architecture: "arm64", region: "eu-west-1" });
    expect(a.build.slice(0, 2)).toEqual(["build", "--template-file"]);
    expect(a.build[2]).toMatch(/functions\/template\.yaml$/);
    expect(a.deploy).toEqual(
      expect.arrayContaining([
        "--stack-name",
        "lambench-256",
        "MemorySize=256",
        "Architecture=arm64",
        "--region",
        "eu-west-1",
        "--capabilities",
        "CAPABILITY_IAM",
      ]),
    );
    expect(a.deploy.join(" ")).not.toMatch(/key|secret|token/i);
  });
});
