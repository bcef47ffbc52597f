/**
 * The API reference (/docs) in a real browser: Swagger UI, served by the mock, renders every
 * operation of both contracts, points "Try it out" at this mock, and asks nothing of any other
 * host; a screenshot of each goes to reports/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { seriousAccessibilityProblems, watchPage } from "../../scripts/ui/browser.ts";
import { openReference, screenshot } from "../../scripts/ui/views.ts";
import { useServer } from "../support/server.ts";
import { useBrowser } from "./use-browser.ts";

const main = useServer();
const browser = useBrowser();


const contracts = [
  { spec: "openapi", path: undefined },
  { spec: "control", path: "spec/control.yaml" },
] as const;

describe("the API reference (/docs)", { timeout: 60_000 }, () => {
  for (const { spec, path } of contracts) {
    it(`renders every operation of ${spec === "openapi" ? "spec/openapi.yaml" : "spec/control.yaml"}, "try it" pointed at this mock`, async () => {
      const page: Page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
      const watch = watchPage(page, main.server().url);
      await openReference(page, main.server().url, spec);
      const operations = (path === undefined ? loadSpec() : loadSpec(path)).operations;
      await expect.poll(() => page.locator(".opblock").count(), { timeout: 10_000 }).toBe(operations.length);
      const shown = await page.locator(".opblock-summary-operation-id").allInnerTexts();
      expect(shown.sort()).toEqual(operations.map((op) => op.operationId).sort());
      expect(await page.locator(".servers select").innerText()).toContain(main.server().url);
      await screenshot(page, "reports", `docs-${spec}`);
      await page.close();
      expect(watch.errors).toEqual([]);
      expect(watch.external).toEqual([]);
    });
  }

  it("has no serious or critical accessibility problem (axe-core, WCAG 2.1 A/AA)", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    await openReference(page, main.server().url, "openapi");
    const problems = await seriousAccessibilityProblems(page);
    await page.close();
    expect(problems).toEqual([]);
  });
});
