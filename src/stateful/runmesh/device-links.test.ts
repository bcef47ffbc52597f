/**
 * DeviceLinkRegistry without HTTP (docs: /api-reference/runmesh, "Create a short-lived link code",
 * "Poll a link code until approved or expired", "Approve a pending code into the current org").
 */
import { beforeEach, describe, expect, it } from "vitest";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { DeviceLinkRegistry, LINK_APPROVAL_URL, LINK_CAP, LINK_TTL_MS } from "./device-links.ts";

const ORG = "11111111-1111-4111-8111-111111111111";
let clock: ManualClock;
let links: DeviceLinkRegistry;

beforeEach(() => {
  clock = new ManualClock();
  links = new DeviceLinkRegistry({ clock, ids: new CountingIds() });
});

describe("DeviceLinkRegistry", () => {
  it("starts a six-character code that expires ten minutes later and polls as pending", () => {
    const link = links.start({ publicKey: "pk-1", deviceLabel: "Gregs Mac" });
    expect(link.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(link.url).toBe(LINK_APPROVAL_URL);
    expect(Date.parse(link.expiresAt) - clock.now().getTime()).toBe(LINK_TTL_MS);
    expect(links.poll(link.code).status).toBe("pending");
  });

  it("finds a code whatever its case and surrounding spaces", () => {
    const { code } = links.start({ publicKey: "pk-1" });
    expect(links.poll(` ${code.toLowerCase()} `).record.code).toBe(code);
  });

  it("approves a pending code once: the join runs, the poll answers approved with the node's place", () => {
    const { code } = links.start({ publicKey: "pk-1", os: "macos" });
    const seen: unknown[] = [];
    const node = links.approve(code, ORG, (request) => {
      seen.push(request);
      return { id: "node-1" };
    });
    expect(node).toEqual({ id: "node-1" });
    expect(seen).toEqual([{ publicKey: "pk-1", os: "macos" }]);
    expect(links.poll(code)).toMatchObject({ status: "approved", record: { approved: { orgId: ORG, nodeId: "node-1" } } });
    const again = apiErrorOf(() => links.approve(code, ORG, () => ({ id: "node-2" })));
    expect([again.status, again.code]).toEqual([409, "conflict"]);
  });

  it("polls an unapproved code as expired once its time passes, and refuses to approve it without calling the join", () => {
    const { code } = links.start({ publicKey: "pk-1" });
    clock.advance(LINK_TTL_MS);
    expect(links.poll(code).status).toBe("expired");
    let joined = false;
    const error = apiErrorOf(() =>
      links.approve(code, ORG, () => {
        joined = true;
        return { id: "node-1" };
      }),
    );
    expect([error.status, joined]).toEqual([404, false]);
  });

  it("answers 404 for a code it never issued", () => {
    expect(apiErrorOf(() => links.poll("NOPE12")).status).toBe(404);
    expect(apiErrorOf(() => links.approve("NOPE12", ORG, () => ({ id: "x" }))).status).toBe(404);
  });

  it("keeps at most LINK_CAP links, forgetting the oldest first", () => {
    const first = links.start({ publicKey: "pk-0" }).code;
    for (let i = 1; i < LINK_CAP; i++) links.start({ publicKey: `pk-${i}` });
    expect(links.poll(first).status).toBe("pending");
    const newest = links.start({ publicKey: "one-more" }).code;
    expect(apiErrorOf(() => links.poll(first)).status).toBe(404);
    expect(links.poll(newest).status).toBe("pending");
  });
});
