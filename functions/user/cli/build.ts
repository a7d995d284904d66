// `node --import tsx functions/user/cli/build.ts <runtime> <function>`: the build command the scaffold
// writes into a user function's manifest entry (see build-user.ts).
import { loadManifest } from "../../manifest.js";
import { buildUserFunction } from "../build-user.js";
import { userBuildMessages as msg } from "../messages.js";

const [runtime, fn, architecture] = process.argv.slice(2);
try {
  if (!runtime || !fn) throw new Error(msg.usage());
  const { artefact, bytes } = await buildUserFunction(loadManifest(), runtime, fn, architecture ?? "x86_64");
  console.log(msg.built(runtime, fn, artefact, bytes));
} catch (e) {
  console.error(msg.failed(runtime, fn, (e as Error).message));
  process.exit(1);
}
