// The local DynamoDB-API server for a bench run, in its own process (so it does not share the
// front's event loop) that exits as soon as our end of its stdin closes, even if we crash.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CreateTableCommand, DynamoDBClient, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { repoRoot } from "../../functions/manifest.js";

export const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: "lambench", AWS_SECRET_ACCESS_KEY: "lambench" };

export interface LocalDynamoDb {
  endpoint: string;
  /** The server's process, so the lab can place it on the support cores. */
  pid: number;
  tableName: string;
  stop(): Promise<void>;
}

export async function startLocalDynamoDb(region: string): Promise<LocalDynamoDb> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "functions", "conformance", "serve-dynamodb.ts")], {
    cwd: repoRoot,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) {
        try {
          resolve((JSON.parse(line) as { endpoint: string }).endpoint);
        } catch (e) {
          reject(new Error(`DynamoDB server printed an unexpected first line: ${line}`, { cause: e }));
        }
      }
    });
    child.once("exit", (code) => reject(new Error(`DynamoDB server exited before listening (code ${code})`)));
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
    const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
    await client.send(new CreateTableCommand(table));
    client.destroy();
    return { endpoint, pid: child.pid!, tableName: table.TableName!, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
