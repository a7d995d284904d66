// Builds a user's own function into a Lambda zip, by the language of the runtime it runs on:
//  - typescript (Node.js): the handler file (.ts, .mjs or .js) bundled with esbuild into index.mjs;
//  - python: the handler file, plus the function's own requirements file installed beside it;
//  - go: `go build` of the user's module folder into a static `bootstrap`;
//  - rust: `cargo build --release` of the user's crate, its binary shipped as `bootstrap`.
// The manifest entry names the code (`source`) and, for Python, `requirements`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { findEntry, repoRoot, runtimeSpec, type Manifest, type ManifestEntry } from "../manifest.js";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { bundle, BUNDLE_FILE } from "../node/packaging/bundle.js";
import { userBuildMessages as msg } from "./messages.js";

export class UserBuildError extends Error {}

const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const file = (content: Uint8Array, mode: number): Zippable[string] => [content, { mtime: FIXED_MTIME, os: 3, attrs: mode << 16, level: 9 }];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.error) throw new UserBuildError(msg.commandMissing(command, r.error.message));
  if (r.status !== 0) throw new UserBuildError(msg.commandFailed([command, ...args].join(" "), cwd, (r.stderr || r.stdout).trim().slice(-2000)));
}

/** Every file under dir (relative names), skipping caches. */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === "__pycache__") return [];
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    return d.isDirectory() ? filesUnder(join(dir, d.name), rel) : [rel];
  });
}

async function buildNode(entry: ManifestEntry, source: string): Promise<Zippable> {
  const { code } = await bundle(relative(repoRoot, source), repoRoot);
  return { [BUNDLE_FILE]: file(code, 0o644) };
}

function buildPython(entry: ManifestEntry, source: string): Zippable {
  const zip: Zippable = { [basename(source)]: file(readFileSync(source), 0o644) };
  if (!entry.requirements) return zip;
  const requirements = resolve(repoRoot, entry.requirements);
  if (!existsSync(requirements)) throw new UserBuildError(msg.missing(entry, "requirements", entry.requirements));
  const target = mkdtempSync(join(tmpdir(), "lambench-user-python-"));
  try {
    const python = existsSync(join(repoRoot, ".venv", "bin", "python")) ? join(repoRoot, ".venv", "bin", "python") : "python3";
    run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", target, "-r", requirements], repoRoot);
    for (const rel of filesUnder(target)) zip[rel] = file(readFileSync(join(target, rel)), 0o644);
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
  return zip;
}

function buildGo(source: string, architecture: string): Zippable {
  const out = mkdtempSync(join(tmpdir(), "lambench-user-go-"));
  try {
    run("go", ["build", "-tags", "lambda.norpc", "-trimpath", "-ldflags", "-s -w", "-o", join(out, "bootstrap"), "."], source, {
      CGO_ENABLED: "0",
      GOOS: "linux",
      GOARCH: architecture === "arm64" ? "arm64" : "amd64",
    });
    return { bootstrap: file(readFileSync(join(out, "bootstrap")), 0o755) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function buildRust(source: string): Zippable {
  const target = join(source, "target");
  run("cargo", ["build", "--release", "--quiet"], source);
  const release = join(target, "release");
  const binaries = readdirSync(release).filter(
    (f) => statSync(join(release, f)).isFile() && (statSync(join(release, f)).mode & 0o111) !== 0 && !f.includes("."),
  );
  if (binaries.length !== 1) throw new UserBuildError(msg.rustBinaries(source, binaries));
  return { bootstrap: file(readFileSync(join(release, binaries[0]!)), 0o755) };
}

/** Builds `runtime/fn` from its entry's `source` and writes the entry's artefact. */
export async function buildUserFunction(
  manifest: Manifest,
  runtime: string,
  fn: string,
  architecture = "x86_64",
): Promise<{ artefact: string; bytes: number }> {
  const entry = findEntry(manifest, runtime, fn);
  if (!entry) throw new UserBuildError(msg.noEntry(runtime, fn));
  if (!entry.source) throw new UserBuildError(msg.noSource(entry));
  const source = resolve(repoRoot, entry.source);
  if (!existsSync(source)) throw new UserBuildError(msg.missing(entry, "source", entry.source));
  const language = runtimeSpec(manifest, runtime).language;
  let zip: Zippable;
  switch (language) {
    case "typescript":
      zip = await buildNode(entry, source);
      break;
    case "python":
      zip = buildPython(entry, source);
      break;
    case "go":
      zip = buildGo(source, architecture);
      break;
    case "rust":
      zip = buildRust(source);
      break;
    default:
      throw new UserBuildError(msg.unsupportedLanguage(runtime, language));
  }
  const bytes = zipSync(zip);
  const artefact = resolve(repoRoot, entry.artefact);
  mkdirSync(dirname(artefact), { recursive: true });
  writeFileAtomic(artefact, bytes);
  return { artefact, bytes: bytes.byteLength };
}
