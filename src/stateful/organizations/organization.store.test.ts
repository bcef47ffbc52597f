/**
 * OrganizationStore and the cross-organization rules without HTTP (issue 14, "Identity and
 * organizations"; docs: /api-reference/organizations/*, /api-reference/profile/get-current-user).
 */
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { OrganizationStore } from "./organization.store.ts";
import { createOrganization, readableMembers, readableOrganization, type OrganizationState } from "./organizations.ts";

const validators = compileValidators(loadSpec());
const ORG = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
const alice = "22222222-2222-4222-8222-222222222222";
const bob = "33333333-3333-4333-8333-333333333333";

/** A directory of organizations as the mock keeps them, with only what these rules use. */
function directory() {
  const clock = new ManualClock();
  const ids = new CountingIds();
  const orgs = new Map<string, OrganizationState>();
  const open = (orgId: string) => {
    const state = { organization: new OrganizationStore({ orgId, clock }), workspaces: new WorkspaceStore({ clock, ids }) };
    orgs.set(orgId, state);
    return state;
  };
  return { clock, open, peek: (orgId: string) => orgs.get(orgId), create: () => open(ids.uuid()) };
}

describe("OrganizationStore", () => {
  it("answers a default profile valid against the spec's Organization, named after its id", () => {
    const store = new OrganizationStore({ orgId: ORG, clock: new ManualClock() });
    const org = store.organization();
    expect(validators.component("Organization")(org)).toEqual([]);
    expect(org).toMatchObject({ id: ORG, name: "Organization 3f8b2c1e", slug: "org-3f8b2c1e", plan: "free", role: "admin", workosOrgId: "org_013F8B2C1E4A5D4E6F8A7B9C0D" });
    expect(validators.component("CurrentUser")(store.currentUser(alice))).toEqual([]);
  });

  it("makes each calling user a member once, in the order they joined", () => {
    const clock = new ManualClock();
    const store = new OrganizationStore({ orgId: ORG, clock });
    store.ensureMember(alice);
    clock.advance(1000);
    store.ensureMember(bob);
    store.ensureMember(alice);
    const members = store.members();
    expect(members.map((m) => m.userId)).toEqual([alice, bob]);
    expect(members[1]?.joinedAt).toBe("2026-01-01T00:00:01.000Z");
    expect(members.every((m) => validators.component("OrganizationMember")(m).length === 0)).toBe(true);
    const copy = new OrganizationStore({ orgId: ORG, clock });
    copy.importAll(store.exportAll());
    expect(copy.members()).toEqual(members);
  });
});

describe("organizations across the directory", () => {
  it("creates an organization with its creator as admin, a default project and a personal workspace", () => {
    const orgs = directory();
    const created = createOrganization(orgs, "Acme Inc.", alice);
    expect(validators.component("CreatedOrganization")(created)).toEqual([]);
    expect(created.name).toBe("Acme Inc.");
    expect(created.slug).toBe(`acme-inc-${created.id.slice(0, 6)}`);
    expect(orgs.peek(created.id)?.workspaces.get(created.personalWorkspaceId).isPersonal).toBe(true);
    expect(readableMembers(orgs, created.id, alice).map((m) => m.userId)).toEqual([alice]);
  });

  it("lets a member read an organization and answers 404 to anyone else, as for a missing one", () => {
    const orgs = directory();
    const created = createOrganization(orgs, "Acme", alice);
    expect(readableOrganization(orgs, created.id, alice).id).toBe(created.id);
    expect(apiErrorOf(() => readableOrganization(orgs, created.id, bob))).toMatchObject({ status: 404, code: "not_found" });
    expect(apiErrorOf(() => readableMembers(orgs, "99999999-9999-4999-8999-999999999999", alice)).status).toBe(404);
  });
});
