import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, type LaunchedChromium } from "./chromium.js";

describe.skipIf(!hasChromium())("Debian chromium through playwright-core", () => {
  let chromium: LaunchedChromium;
  beforeAll(async () => {
    chromium = await launchChromium();
  }, 120_000);
  afterAll(async () => chromium?.close());

  it("runs a page's script headless, offline", async () => {
    const page = await chromium.newPage();
    await page.setContent("<p id=x>Phường Ba Đình</p>");
    expect(await page.evaluate(`document.getElementById("x").textContent.normalize("NFC")`)).toBe("Phường Ba Đình");
  });
});
