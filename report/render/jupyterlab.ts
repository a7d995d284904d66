// A JupyterLab server for checking the notebooks as a user opens them: on 127.0.0.1, with a random
// token, its settings and workspaces in a temporary folder (autosave off, no news fetched), so
// that running the notebooks never writes into the tracked files.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { notebookMessages } from "../notebook/messages.js";
import { paths, repoRoot } from "./paths.js";

export interface JupyterLab {
  /** JupyterLab opened on a file under the repository root, in a fresh workspace. */
  urlOf(relativePath: string): string;
  apiUrl(path: string): string;
  token: string;
  stop(): Promise<void>;
}

const LAB_SETTINGS: Record<string, object> = {
  "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": { autosave: false },
  "@jupyterlab/apputils-extension/notification.jupyterlab-settings": { fetchNews: "false", checkForUpdates: false },
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startJupyterLab(options: { timeoutMs?: number; log?: (line: string) => void } = {}): Promise<JupyterLab> {
  const jupyter = join(dirname(paths.python), "jupyter-lab");
  if (!existsSync(jupyter)) throw new Error(notebookMessages.noJupyterLab(jupyter));
  const home = mkdtempSync(join(tmpdir(), "lambench-jupyterlab-"));
  for (const [file, settings] of Object.entries(LAB_SETTINGS)) {
    mkdirSync(dirname(join(home, "settings", file)), { recursive: true });
    writeFileSync(join(home, "settings", file), JSON.stringify(settings));
  }
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const args = [
    "--no-browser",
    "--ip=127.0.0.1",
    `--port=${port}`,
    "--port-retries=0",
    `--IdentityProvider.token=${token}`,
    `--ServerApp.root_dir=${repoRoot}`,
    "--LabApp.expose_app_in_browser=True",
    ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
  ];
  const child: ChildProcess = spawn(jupyter, args, {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      JUPYTERLAB_SETTINGS_DIR: join(home, "settings"),
      JUPYTERLAB_WORKSPACES_DIR: join(home, "workspaces"),
      PATH: `${join(paths.nodeModules, ".bin")}:${dirname(paths.python)}:${process.env.PATH ?? ""}`,
    },
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    options.log?.(chunk.toString().trimEnd());
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(home, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(notebookMessages.jupyterLabFailed(output));
    }
    try {
      const response = await fetch(`${base}/api/status?token=${token}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(notebookMessages.jupyterLabFailed(output));
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    token,
    urlOf: (relativePath) => `${base}/lab/tree/${relativePath}?token=${token}&reset`,
    apiUrl: (path) => `${base}${path}${path.includes("?") ? "&" : "?"}token=${token}`,
    stop,
  };
}
