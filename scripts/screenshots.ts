/**
 * `npm run screenshots`: the documentation images of docs/images/ (linked from README.md and
 * docs/inspector.md), taken in headless Chromium from a mock filled with a small, fixed story:
 * two agents (one upserted twice), a streamed run, a request that breaks the contract. Run it
 * again whenever the pages change; the images are documentation, not test output (the browser
 * tests write theirs to reports/).
 */
import { listen } from "../src/server.ts";
import { launchChromium } from "./ui/browser.ts";
import { openInspector, openReference, screenshot, showView } from "./ui/views.ts";

const OUT = "docs/images";
const KEY = "rt_test_docsdemo";

const server = await listen({ port: 0, seed: 42, streamDelayMs: 0, log: () => undefined });
const browser = await launchChromium();
try {
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { "X-API-Key": KEY, "Content-Type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }).then((r) => r.text());
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await openInspector(page, server.url);
  await send("POST", "/v1/agents", { slug: "code-assistant", name: "Code Assistant", executionMode: "managed" });
  await send("POST", "/v1/agents", { slug: "code-assistant", name: "Code Assistant", executionMode: "managed", description: "second version" });
  await send("POST", "/v1/agents", { slug: "reviewer", executionMode: "managed" });
  await send("POST", "/v1/run", { agent: "code-assistant", prompt: "Say hello" });
  await send("GET", "/v1/agents?limit=10");
  await send("POST", "/v1/agents", { slug: "Not A Slug", executionMode: "managed" });
  await page.locator("table.journal tbody tr").nth(5).waitFor();
  await page.locator("table.journal tbody tr").first().getByRole("button").click();
  console.log(await screenshot(page, OUT, "inspector-requests"));
  await showView(page, "state");
  await page.locator("#panel-state .org").first().waitFor();
  await page.locator("#panel-state details").first().evaluate((el) => ((el as unknown as { open: boolean }).open = true));
  console.log(await screenshot(page, OUT, "inspector-state"));
  await showView(page, "controls");
  await page.locator("#panel-controls .card").first().waitFor();
  console.log(await screenshot(page, OUT, "inspector-controls"));
  await openReference(page, server.url, "openapi");
  console.log(await screenshot(page, OUT, "docs-reference"));
} finally {
  await browser.close();
  await server.close();
}
