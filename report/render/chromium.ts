// Debian's Chromium driven by puppeteer-core, headless, with nothing that phones home.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { ReportBuildError, renderMessages } from "./messages.js";

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function withChromium<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ReportBuildError(renderMessages.noChromium(executablePath));
  const { default: puppeteer } = await import("puppeteer-core"); // only when a PDF or screenshot is made
  const profile = mkdtempSync(join(tmpdir(), "lambench-chromium-"));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--user-data-dir=${profile}`,
    ],
  });
  try {
    return await use(browser);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
