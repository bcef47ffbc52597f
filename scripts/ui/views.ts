/**
 * The inspector's views as a person reaches them, and screenshots of each: used by the browser
 * tests (screenshots into reports/) and by `npm run screenshots` (docs/images/).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** The three views of /__mock/ui/. */
export type View = "requests" | "state" | "controls";

/** Opens the inspector page and waits until it follows the journal live. */
export async function openInspector(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/__mock/ui`);
  await page.getByRole("status").filter({ hasText: "live" }).waitFor();
}

/** Shows one view through its tab, as a click would. */
export async function showView(page: Page, view: View): Promise<void> {
  await page.getByRole("tab", { name: view[0]?.toUpperCase() + view.slice(1) }).click();
  await page.locator(`#panel-${view}`).waitFor({ state: "visible" });
}

/** Opens the API reference of one contract and waits until Swagger UI has rendered it. */
export async function openReference(page: Page, baseUrl: string, spec: "openapi" | "control"): Promise<void> {
  await page.goto(`${baseUrl}/docs/?spec=${spec}`);
  await page.locator("body[data-ready=true]").waitFor();
  await page.locator(".opblock").first().waitFor();
}

/** Writes a PNG of the page as it is now: `<dir>/<name>.png`. */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
