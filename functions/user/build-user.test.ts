// Builds users' code the way the scaffold's build command does: a Node.js .mjs handler bundled
// and callable, a Python handler with its module, a Go module folder as a static bootstrap.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { loadManifest, parseManifest } from "../manifest.js";
import { buildUserFunction, UserBuildError } from "./build-user.js";
import { userBuildMessages } from "./messages.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-user-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manifestWith(runtime: string, source: string, extra: Record<string, string> = {}) {
  const raw = structuredClone(loadManifest()) as unknown as { functions: unknown[]; entries: unknown[] };
  raw.functions.push({ id: "mine", tableAccess: "none" });
  raw.entries.push({ runtime, function: "mine", handler: "x", build: "true", artefact: join(dir, runtime, "mine.zip"), source, ...extra });
  return parseManifest(raw);
}

describe("user function builds", () => {
  it("bundles a Node.js .mjs handler (with a relative import) into a callable index.mjs", async () => {
    writeFileSync(join(dir, "greet.mjs"), "export const greet = (name) => `hello ${name}`;\n");
    writeFileSync(
      join(dir, "mine.mjs"),
      'import { greet } from "./greet.mjs";\nexport const handler = async (event) => ({ statusCode: 200, body: greet(JSON.parse(event.body).name) });\n',
    );
    const { artefact } = await buildUserFunction(manifestWith("node", join(dir, "mine.mjs")), "node", "mine");
    const files = unzipSync(new Uint8Array(readFileSync(artefact)));
    expect(Object.keys(files)).toEqual(["index.mjs"]);
    mkdirSync(join(dir, "unzipped"));
    writeFileSync(join(dir, "unzipped", "index.mjs"), files["index.mjs"]!);
    const mod = (await import(pathToFileURL(join(dir, "unzipped", "index.mjs")).href)) as { handler: (e: unknown) => Promise<{ body: string }> };
    expect((await mod.handler({ body: '{"name":"you"}' })).body).toBe("hello you");
  });

  it("ships a Python handler file at the zip's root", async () => {
    writeFileSync(join(dir, "mine.py"), "def handler(event, context):\n    return {'statusCode': 200, 'body': '{}'}\n");
    const { artefact } = await buildUserFunction(manifestWith("python", join(dir, "mine.py")), "python", "mine");
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(artefact))))).toEqual(["mine.py"]);
  });

  it("builds a Go module folder into an executable bootstrap", async () => {
    const mod = join(dir, "gomod");
    mkdirSync(mod);
    writeFileSync(join(mod, "go.mod"), "module example.com/mine\n\ngo 1.21\n");
    writeFileSync(join(mod, "main.go"), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("bootstrap") }\n');
    const { artefact } = await buildUserFunction(manifestWith("go", mod), "go", "mine");
    const files = unzipSync(new Uint8Array(readFileSync(artefact)));
    expect(Object.keys(files)).toEqual(["bootstrap"]);
    writeFileSync(join(dir, "bootstrap"), files.bootstrap!, { mode: 0o755 });
    expect(spawnSync(join(dir, "bootstrap"), { encoding: "utf8" }).stdout).toBe("bootstrap\n");
  }, 120_000);

  it("says what is missing", async () => {
    const m = manifestWith("python", join(dir, "absent.py"));
    await expect(buildUserFunction(m, "python", "mine")).rejects.toThrow(
      new UserBuildError(userBuildMessages.missing(m.entries.at(-1)!, "source", join(dir, "absent.py"))),
    );
  });
});
