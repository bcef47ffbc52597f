/**
 * The inspector page in a real browser (headless Debian Chromium through playwright-core):
 * it loads cleanly and offline, follows the journal live, shows an exchange with its contract
 * violation, shows state and resets it, passes axe-core's serious and critical checks, and
 * leaves a screenshot of each view in reports/.
 */
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seriousAccessibilityProblems, watchPage, type PageWatch } from "../../scripts/ui/browser.ts";
import { openInspector, screenshot, showView } from "../../scripts/ui/views.ts";
import { freshKey } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { useBrowser } from "./use-browser.ts";

const main = useServer();
const url = () => main.server().url;
const browser = useBrowser();
let page: Page;
let watch: PageWatch;

/** A fresh page on the inspector. `bypassCSP` lets axe-core's injected script run. */
async function openPage(options: { bypassCSP?: boolean } = {}): Promise<void> {
  page = await browser().newPage({ viewport: { width: 1400, height: 900 }, ...options });
  watch = watchPage(page, url());
  await openInspector(page, url());
}

beforeEach(async () => {
  await fetch(`${url()}/__mock/reset`, { method: "POST" });
  await fetch(`${url()}/__mock/requests`, { method: "DELETE" });
  await openPage();
});
afterEach(async () => {
  await page.close();
  expect(watch.errors, "console errors").toEqual([]);
  expect(watch.external, "requests that left the mock").toEqual([]);
  expect(main.violations).toEqual([]);
});

/** Sends a request to the public API from outside the page, as a client under test would. */
function send(key: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url()}${path}`, { method, headers: { "X-API-Key": key, "Content-Type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

describe("the inspector page (/__mock/ui)", { timeout: 60_000 }, () => {
  it("shows a request made outside the page within a second, without a reload", async () => {
    const answer = await send(freshKey("live"), "GET", "/v1/agents?limit=5");
    const id = answer.headers.get("x-request-id") as string;
    await page.locator(`tr[data-request-id="${id}"]`).waitFor({ timeout: 1000 });
    await expect.poll(() => page.locator(`tr[data-request-id="${id}"]`).innerText()).toContain("/v1/agents");
  });

  it("opens a request on its bodies and highlights the contract violation that made it fail", async () => {
    const key = freshKey("violation");
    const answer = await send(key, "POST", "/v1/agents", { slug: "Not A Slug", executionMode: "managed", description: "sent on purpose" });
    expect(answer.status).toBe(400);
    const row = page.locator(`tr[data-request-id="${answer.headers.get("x-request-id")}"]`);
    await row.getByRole("button").click();
    const detail = page.getByRole("article");
    await expect.poll(() => detail.getByLabel("Request body").innerText()).toContain("sent on purpose");
    const violations = detail.locator(".violations");
    expect(await violations.innerText()).toContain("/body/slug");
    expect(await violations.innerText()).toContain("request");
    expect(await detail.getByLabel("Response body").innerText()).toContain("bad_request");
    expect(await row.innerText()).toContain("violation");
    await screenshot(page, "reports", "ui-requests");
  });

  it("filters the journal by status, operation, organization (its journal pseudonym) and path", async () => {
    const alice = freshKey("alice");
    const bob = freshKey("bob");
    await send(alice, "GET", "/v1/agents");
    await send(bob, "GET", "/v1/agents/missing");
    const rows = page.locator("table.journal tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel("Status").fill("4xx");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain("/v1/agents/missing");
    await page.getByLabel("Status").fill("");
    // The journal names an organization by a pseudonym, never by anything of its key (docs/security.md).
    const journal = (await (await fetch(`${url()}/__mock/requests?operationId=listAgents&limit=1`)).json()) as { data: { org: string }[] };
    await page.getByLabel("Organization").fill((journal.data[0]?.org ?? "").slice(0, 8));
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain("listAgents");
    await page.getByLabel("Organization").fill("");
    await page.getByLabel("Operation").selectOption("getAgent");
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel("Operation").selectOption("");
    await page.getByLabel("Path").fill("/v1/agents/*");
    await expect.poll(() => rows.count()).toBe(1);
  });

  it("shows an agent upserted twice at version 2, follows it live, and empties on reset", async () => {
    await showView(page, "state");
    await expect.poll(() => page.locator("#panel-state .empty").count()).toBe(1);
    const key = freshKey("state");
    expect((await send(key, "POST", "/v1/agents", { slug: "twice", executionMode: "managed" })).status).toBe(201);
    expect((await send(key, "POST", "/v1/agents", { slug: "twice", executionMode: "managed", description: "second" })).status).toBe(200);
    const agent = page.locator("#panel-state li", { hasText: "twice" });
    await expect.poll(() => agent.innerText(), { timeout: 3000 }).toContain("version 2");
    await screenshot(page, "reports", "ui-state");

    await showView(page, "controls");
    await page.getByRole("button", { name: "Reset all" }).click();
    await expect.poll(() => page.locator(".outcome").innerText()).toContain("Reset all: done");
    await screenshot(page, "reports", "ui-controls");
    await showView(page, "state");
    await expect.poll(() => page.locator("#panel-state .empty").count()).toBe(1);
    const state = (await (await fetch(`${url()}/__mock/state`)).json()) as { organizations: unknown[] };
    expect(state.organizations).toEqual([]);
  });

  it("shows the control plane's refusal, with its details, for an invalid script", async () => {
    await showView(page, "controls");
    await page.getByLabel("New response script").fill(JSON.stringify({ operationId: "getAgent", status: 409, body: {} }));
    await page.getByRole("button", { name: "Add response script" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.innerText()).toContain("/body/status");
    const scripts = (await (await fetch(`${url()}/__mock/scripts`)).json()) as { data: { responses: unknown[] } };
    expect(scripts.data.responses).toEqual([]);
    // The browser logs the refused request itself; that line is the expected outcome here.
    watch.errors = watch.errors.filter((line) => !line.includes("400 (Bad Request)"));
  });

  it("can be used from the keyboard: arrow keys move between the tabs", async () => {
    await page.getByRole("tab", { name: "Requests" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { name: "State" }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe("Controls");
  });

  it("has no serious or critical accessibility problem in any view (axe-core, WCAG 2.1 A/AA)", async () => {
    await page.close();
    await openPage({ bypassCSP: true });
    const key = freshKey("axe");
    const answer = await send(key, "POST", "/v1/agents", { slug: "axe-agent", executionMode: "managed" });
    await page.locator(`tr[data-request-id="${answer.headers.get("x-request-id")}"] button`).click();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    for (const view of ["state", "controls"] as const) {
      await showView(page, view);
      await page.waitForTimeout(200);
      expect(await seriousAccessibilityProblems(page), view).toEqual([]);
    }
  });
});
