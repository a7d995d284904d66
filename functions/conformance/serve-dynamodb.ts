// Starts an in-memory DynamoDB-API server (dynalite) on a free loopback port for test harnesses
// in any language. Prints {"endpoint": "..."} once listening; exits when stdin closes, so the
// server never outlives the process that spawned it.
import { startDynamoDb } from "./dynamodb-server.js";
import { serveUntilParentExits } from "./serve-until-parent-exits.js";

const server = await startDynamoDb();
serveUntilParentExits({ endpoint: server.endpoint }, () => server.stop());
