// AWS as a bench target: one stack per memory size (deployed with SAM or read as it is), the load
// driver against <ApiUrl>/<runtime>/<function>, fresh execution environments by a configuration
// change on every function (waited until active), and REPORT lines pulled from CloudWatch Logs.
import type { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { GetFunctionConfigurationCommand, UpdateFunctionConfigurationCommand, waitUntilFunctionUpdatedV2, type LambdaClient } from "@aws-sdk/client-lambda";
import type { Manifest } from "../../functions/manifest.js";
import type { BenchOptions } from "../bench/options.js";
import type { BenchReporter } from "../bench/protocol.js";
import type { Collected, SegmentKey, Target, TargetDescription, TrialSegmentKey } from "../bench/target.js";
import { BILLING_RULES, type Architecture } from "../dataset/contract.js";
import type { LogsClient } from "../collect/cloudwatch.js";
import { collectFromCloudWatch } from "../collect/collect.js";
import { awsMessages as msg } from "./messages.js";
import { readStackOutputs, stackName, type StackOutputs } from "./stack.js";

/** What the AWS target adds to the bench options (all optional; the bench CLI may pass them). */
export interface AwsBenchOptions extends BenchOptions {
  region?: string;
  /** false with --no-deploy: use the existing stack(s). */
  deploy?: boolean;
  /** --stack <name>: an existing stack (with --no-deploy, for a single memory size). */
  stack?: string;
  /** Stack name prefix; stacks are <prefix>-<memory>. Default "lambench". */
  stackPrefix?: string;
  architecture?: Architecture;
  /** How long to wait for REPORT lines to reach CloudWatch after a function's load. Default 3 min. */
  logWaitMs?: number;
  logPollMs?: number;
  /** The campaign id the datasets record (default: a new one). */
  campaign?: string;
  /** How long to wait for a configuration change to become active. Default 5 min. */
  updateWaitSeconds?: number;
}

export interface AwsDeps {
  cfn: Pick<CloudFormationClient, "send">;
  logs: LogsClient;
  lambda: Pick<LambdaClient, "send">;
  region: string;
  deploy: (stack: string, memoryMB: number, architecture: Architecture) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
}

/**
 * The environment variable whose new value forces new execution environments (as lambda-perf and
 * SeBS do): Lambda starts every later invocation in an environment with the new configuration.
 */
export const FRESH_ENVIRONMENT_VARIABLE = "LAMBENCH_ENVIRONMENT";

export class AwsTarget implements Target {
  private readonly stacks = new Map<number, StackOutputs>();
  private generation = 0;

  constructor(
    private readonly o: AwsBenchOptions,
    private readonly deps: AwsDeps,
    private readonly manifest: Manifest,
    private readonly reporter: BenchReporter,
  ) {
    if (o.stack && o.memorySizes.length > 1) throw new Error(msg.oneStack(o.stack, o.memorySizes.length));
  }

  private get architecture(): Architecture {
    return this.o.architecture ?? "x86_64";
  }

  private outputs(memoryMB: number): StackOutputs {
    const outputs = this.stacks.get(memoryMB);
    if (!outputs) throw new Error(msg.notPrepared(memoryMB));
    return outputs;
  }

  private functionName(memoryMB: number, runtime: string, fn: string): string {
    const outputs = this.outputs(memoryMB);
    const name = outputs.functionNames[`${runtime}/${fn}`];
    if (!name) throw new Error(msg.noFunction(outputs.stackName, runtime, fn));
    return name;
  }

  async prepare(memoryMB: number): Promise<void> {
    const name = this.o.stack ?? stackName(this.o.stackPrefix ?? "lambench", memoryMB);
    if (this.o.deploy !== false) {
      this.reporter.info(msg.deploying(name, memoryMB, this.architecture));
      await this.deps.deploy(name, memoryMB, this.architecture);
    }
    this.stacks.set(memoryMB, await readStackOutputs(this.deps.cfn as CloudFormationClient, name));
  }

  async endpoint(key: SegmentKey): Promise<string> {
    this.functionName(key.memoryMB, key.runtime, key.function);
    return `${this.outputs(key.memoryMB).apiUrl}/${key.runtime}/${key.function}`;
  }

  /** A new value of LAMBENCH_ENVIRONMENT on every function (its other variables kept), each waited until the update is active. */
  async freshEnvironments(memoryMB: number, pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const value = `${Date.now()}-${++this.generation}`;
    await Promise.all(
      pairs.map(async ([runtime, fn]) => {
        const FunctionName = this.functionName(memoryMB, runtime, fn);
        const current = await this.deps.lambda.send(new GetFunctionConfigurationCommand({ FunctionName }));
        const Variables = { ...(current.Environment?.Variables ?? {}), [FRESH_ENVIRONMENT_VARIABLE]: value };
        await this.deps.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName, Environment: { Variables } }));
        await waitUntilFunctionUpdatedV2(
          { client: this.deps.lambda as LambdaClient, maxWaitTime: this.o.updateWaitSeconds ?? 300, minDelay: 1, maxDelay: 5 },
          { FunctionName },
        );
      }),
    );
  }

  /** Polls CloudWatch Logs until `expected` REPORT lines are in or the wait is over. */
  async collect(key: TrialSegmentKey, sinceMs: number, expected: number): Promise<Collected> {
    const fnName = this.functionName(key.memoryMB, key.runtime, key.function);
    const identity = { runtime: key.runtime, function: key.function, architecture: this.architecture, memoryMB: key.memoryMB, trial: key.trial };
    const deadline = Date.now() + (this.o.logWaitMs ?? 180_000);
    for (;;) {
      const result = await collectFromCloudWatch(this.deps.logs, {
        logGroupNames: [`/aws/lambda/${fnName}`],
        since: sinceMs,
        until: Date.now(),
        mapping: () => identity,
      });
      if (result.rows.length >= expected || Date.now() >= deadline) return { rows: result.rows, unreadable: result.unreadable, duplicates: result.duplicates };
      this.reporter.info(msg.waitingForLogs(fnName, result.rows.length, expected));
      await this.deps.sleep(this.o.logPollMs ?? 10_000);
    }
  }

  describe(memoryMB: number): TargetDescription {
    const outputs = this.outputs(memoryMB);
    return {
      target: "aws",
      detail: `npm run bench -- --target aws (stack ${outputs.stackName}, ${outputs.apiUrl})`,
      architecture: this.architecture,
      runtimeVersions: Object.fromEntries(this.manifest.runtimes.filter((r) => this.o.runtimes.includes(r.id)).map((r) => [r.id, r.lambdaRuntime])),
      machine: null,
      region: this.deps.region,
      billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
      warnings: [],
    };
  }
}
