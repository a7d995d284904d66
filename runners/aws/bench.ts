// `npm run bench -- --target aws`: the AWS target (target.ts) with its SDK clients, run through
// the bench's one protocol loop (runners/bench/protocol.ts).
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { loadManifest, type Manifest } from "../../functions/manifest.js";
import { runProtocol, type BenchReporter, type BenchRun } from "../bench/protocol.js";
import { Teardown } from "../bench/teardown.js";
import { openWorkDir } from "../bench/work-dir.js";
import { configuredRegion, createLogsClient } from "../collect/cloudwatch.js";
import { deployStack } from "./stack.js";
import { AwsTarget, type AwsBenchOptions, type AwsDeps } from "./target.js";

export type { AwsBenchOptions, AwsDeps } from "./target.js";

/** The protocol against AWS with the given clients (tests pass moto's or fakes). */
export async function runAwsBenchWith(
  o: AwsBenchOptions,
  reporter: BenchReporter,
  deps: AwsDeps,
  manifest: Manifest = loadManifest(),
  teardown = new Teardown(),
): Promise<BenchRun> {
  const target = new AwsTarget(o, deps, manifest, reporter);
  return runProtocol(target, o, { manifest, reporter, teardown, ...openWorkDir(o, o.campaign), sleep: deps.sleep });
}

/** The AWS target with SDK clients from the standard AWS configuration (the bench CLI's path). */
export async function startAwsTarget(o: AwsBenchOptions, manifest: Manifest, reporter: BenchReporter, teardown: Teardown): Promise<AwsTarget> {
  const config = o.region ? { region: o.region } : {};
  const cfn = new CloudFormationClient({ ...config, retryMode: "adaptive", maxAttempts: 8 });
  const lambda = new LambdaClient({ ...config, retryMode: "adaptive", maxAttempts: 8 });
  const logs = createLogsClient(config);
  teardown.add(() => {
    cfn.destroy();
    lambda.destroy();
    logs.destroy();
  });
  const region = await configuredRegion(logs);
  const deps: AwsDeps = {
    cfn,
    logs,
    lambda,
    region,
    deploy: (stack, memoryMB, architecture) => deployStack({ stackName: stack, memoryMB, architecture, region, log: (l) => reporter.info(`sam: ${l}`) }),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
  return new AwsTarget(o, deps, manifest, reporter);
}
