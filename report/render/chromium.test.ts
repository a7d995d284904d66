// The PDF's Chromium can start ahead of its use: the one launched is the one used, and closing it
// (twice: publish, then the build's own cleanup) stops it once.
import { describe, expect, it } from "vitest";
import { launchChromium, withChromium } from "./chromium.js";

describe("a Chromium launched ahead", () => {
  it("is the one withChromium uses, and is closed after, once however often close() is called", async () => {
    const launched = launchChromium({ singleProcess: true });
    const browser = await launched.browser;
    const used = await withChromium(async (b) => b, {}, launched);
    expect(used).toBe(browser);
    expect(browser.connected).toBe(false);
    await expect(launched.close()).resolves.toBeUndefined();
  }, 60_000);

  it("is closed unused", async () => {
    const launched = launchChromium({ singleProcess: true });
    const browser = await launched.browser;
    expect(browser.connected).toBe(true);
    await launched.close();
    expect(browser.connected).toBe(false);
  }, 60_000);
});
