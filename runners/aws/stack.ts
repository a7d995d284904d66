// One CloudFormation stack per memory size, deployed with the SAM CLI from functions/template.yaml,
// read and deleted with the CloudFormation SDK. Credentials and region come from the standard AWS
// configuration (environment, ~/.aws, SSO…) only; nothing here reads or writes a credential.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { CloudFormationClient, DeleteStackCommand, DescribeStacksCommand, waitUntilStackDeleteComplete } from "@aws-sdk/client-cloudformation";
import { repoRoot } from "../../functions/manifest.js";
import type { Architecture } from "../dataset/contract.js";
import { awsMessages as msg } from "./messages.js";

export const TEMPLATE = join(repoRoot, "functions", "template.yaml");

export const stackName = (prefix: string, memoryMB: number) => `${prefix}-${memoryMB}`;

/** The stacks a command names: --stack, or <prefix>-<memory> for each of --memory's sizes. */
export function stackNames(o: { stack?: string; memory?: string; prefix: string }): string[] {
  if (o.stack) return [o.stack];
  if (!o.memory) throw new StackError(msg.stackOrMemory());
  return o.memory.split(",").map((m) => {
    if (!/^\d+$/.test(m.trim())) throw new StackError(msg.badMemoryList(o.memory!));
    return stackName(o.prefix, Number(m));
  });
}

export interface StackOutputs {
  stackName: string;
  apiUrl: string;
  tableName: string;
  /** "<runtime>/<function>" → deployed Lambda function name. */
  functionNames: Record<string, string>;
}

export class StackError extends Error {}

/** Runs a command, streaming its output to `log`; rejects with its exit code. Replaceable in tests. */
export type CommandRunner = (cmd: string, args: string[], log: (line: string) => void) => Promise<void>;

export const runCommand: CommandRunner = (cmd, args, log) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach(log);
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", (e) => reject(new StackError(msg.commandFailed(cmd, e.message, (e as NodeJS.ErrnoException).code === "ENOENT"))));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new StackError(msg.commandExited(cmd, args.slice(0, 1).join(" "), code)))));
  });

export interface DeployOptions {
  stackName: string;
  memoryMB: number;
  architecture: Architecture;
  region?: string;
  log: (line: string) => void;
  run?: CommandRunner;
}

export function samDeployArgs(o: Omit<DeployOptions, "log" | "run">): { build: string[]; deploy: string[] } {
  const region = o.region ? ["--region", o.region] : [];
  return {
    build: ["build", "--template-file", TEMPLATE, "--build-dir", join(repoRoot, ".aws-sam", "build"), ...region],
    deploy: [
      "deploy",
      "--template-file",
      join(repoRoot, ".aws-sam", "build", "template.yaml"),
      "--stack-name",
      o.stackName,
      "--parameter-overrides",
      `MemorySize=${o.memoryMB}`,
      `Architecture=${o.architecture}`,
      "--capabilities",
      "CAPABILITY_IAM",
      "--resolve-s3",
      "--no-confirm-changeset",
      "--no-fail-on-empty-changeset",
      ...region,
    ],
  };
}

/** `sam build` then `sam deploy` (creates or updates the stack). */
export async function deployStack(o: DeployOptions): Promise<void> {
  const run = o.run ?? runCommand;
  const args = samDeployArgs(o);
  await run("sam", args.build, o.log);
  await run("sam", args.deploy, o.log);
}

export async function readStackOutputs(cfn: CloudFormationClient, name: string): Promise<StackOutputs> {
  const r = await cfn.send(new DescribeStacksCommand({ StackName: name }));
  const stack = r.Stacks?.[0];
  if (!stack) throw new StackError(msg.stackNotFound(name));
  const out = new Map((stack.Outputs ?? []).map((o) => [o.OutputKey ?? "", o.OutputValue ?? ""]));
  const need = (key: string) => {
    const v = out.get(key);
    if (!v) throw new StackError(msg.noOutput(name, key));
    return v;
  };
  let functionNames: unknown;
  try {
    functionNames = JSON.parse(need("FunctionNames"));
  } catch (e) {
    if (e instanceof StackError) throw e;
    throw new StackError(msg.functionNamesNotJson(name));
  }
  if (typeof functionNames !== "object" || functionNames === null || Object.values(functionNames).some((v) => typeof v !== "string")) {
    throw new StackError(msg.functionNamesNotMap(name));
  }
  return { stackName: name, apiUrl: need("ApiUrl").replace(/\/+$/, ""), tableName: need("TableName"), functionNames: functionNames as Record<string, string> };
}

/** Deletes the stack and waits until it is gone. */
export async function deleteStack(cfn: CloudFormationClient, name: string, maxWaitSeconds = 1800): Promise<void> {
  await cfn.send(new DeleteStackCommand({ StackName: name }));
  await waitUntilStackDeleteComplete({ client: cfn, maxWaitTime: maxWaitSeconds }, { StackName: name });
}
