// The lab's DynamoDB service in its own process: dynalite on a loopback port, behind the delaying
// proxy of the declared latency model (runners/lab/db-latency.ts). Prints
// {"endpoint": <proxy>, "direct": <dynalite>} once listening; exits when stdin closes, so the
// server never outlives the bench that spawned it.
//   node --import tsx runners/bench/serve-lab-dynamodb.ts <model>
import { startDynamoDb } from "../../functions/conformance/dynamodb-server.js";
import { serveUntilParentExits } from "../../functions/conformance/serve-until-parent-exits.js";
import { delaySampler, parseDbLatency, startDelayProxy } from "../lab/db-latency.js";

const model = parseDbLatency(process.argv[2] ?? "0");
const server = await startDynamoDb();
const proxy = model.model === "0" ? null : await startDelayProxy(server.port, delaySampler(model));
serveUntilParentExits({ endpoint: proxy?.endpoint ?? server.endpoint, direct: server.endpoint }, async () => {
  await proxy?.stop();
  await server.stop();
});
