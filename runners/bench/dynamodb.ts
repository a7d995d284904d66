// The local DynamoDB-API server for a bench run, in its own process (so it does not share the
// front's event loop) that exits as soon as our end of its stdin closes, even if we crash; behind
// the delaying proxy of the declared network-latency model (runners/lab/db-latency.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { repoRoot } from "../../functions/manifest.js";
import type { DbLatencyModel } from "../lab/db-latency.js";
import { benchMessages } from "./messages.js";

export const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: "lambench", AWS_SECRET_ACCESS_KEY: "lambench" };

export interface LocalDynamoDb {
  endpoint: string;
  /** The server's process, so the lab can place it on the support cores. */
  pid: number;
  tableName: string;
  stop(): Promise<void>;
}

export async function startLocalDynamoDb(region: string, latency: DbLatencyModel): Promise<LocalDynamoDb> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "runners", "bench", "serve-lab-dynamodb.ts"), latency.model], {
    cwd: repoRoot,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const { endpoint, direct } = await new Promise<{ endpoint: string; direct: string }>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) {
        try {
          resolve(JSON.parse(line) as { endpoint: string; direct: string });
        } catch (e) {
          reject(new Error(benchMessages.dynamoFirstLine(line), { cause: e }));
        }
      }
    });
    child.once("exit", (code) => reject(new Error(benchMessages.dynamoExited(code))));
    child.once("error", reject);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.stdin!.end();
      setTimeout(() => child.kill("SIGKILL"), 3000).unref();
    });
  try {
    const table = JSON.parse(readFileSync(join(repoRoot, "functions", "conformance", "table.json"), "utf8")) as CreateTableCommandInput & { $comment?: string };
    delete table.$comment;
    // The table is made directly, not through the latency model.
    const client = new DynamoDBClient({
      endpoint: direct,
      region,
      credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
    });
    await client.send(new CreateTableCommand(table));
    client.destroy();
    return { endpoint, pid: child.pid!, tableName: table.TableName!, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
