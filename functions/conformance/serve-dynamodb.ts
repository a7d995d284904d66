// Starts an in-memory DynamoDB-API server (dynalite) on a free loopback port for test harnesses
// in any language. Prints {"endpoint": "..."} once listening; exits when stdin closes, so the
// server never outlives the process that spawned it.
import { startDynamoDb } from "./dynamodb-server.js";

const server = await startDynamoDb();
process.stdout.write(JSON.stringify({ endpoint: server.endpoint }) + "\n");
const stop = async (): Promise<void> => {
  await server.stop();
  process.exit(0);
};
process.stdin.on("end", () => void stop());
process.stdin.on("close", () => void stop());
process.stdin.resume();
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
