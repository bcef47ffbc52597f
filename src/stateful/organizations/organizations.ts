/**
 * The rules that span organizations (docs: /api-reference/organizations/*): creating one, and
 * which organizations a user may read. A user may read the organizations it is a member of —
 * its key's, and those it created — and any other answers 404, like a missing one (Part A,
 * isolation).
 */
import type { CreatedOrganization, Organization, OrganizationMember } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import { stableUuid } from "../common/clock.ts";
import type { OrganizationStore } from "./organization.store.ts";
import type { WorkspaceStore } from "../workspaces/workspaces.store.ts";

/** What these rules see of an organization. */
export interface OrganizationState {
  organization: OrganizationStore;
  workspaces: WorkspaceStore;
}

/** Every organization, found without creating one, or created. */
export interface OrganizationDirectory<S extends OrganizationState = OrganizationState> {
  peek(orgId: string): S | undefined;
  /** Creates an organization's (empty) state under a fresh id. */
  create(): S;
}

/**
 * Creates an organization with `userId` as its admin, a default project and a personal
 * workspace (docs: "adds the caller as admin, creates a default project + Personal workspace").
 */
export function createOrganization(orgs: OrganizationDirectory, name: string, userId: string): CreatedOrganization {
  const org = orgs.create();
  const orgId = org.organization.organization().id;
  // Projects are not modelled: the default project's id is derived from the organization's.
  org.organization.name(name, stableUuid("default-project", orgId));
  org.organization.ensureMember(userId);
  org.workspaces.ensurePersonal({ userId });
  const personal = org.workspaces.list(1).items[0];
  if (!personal?.isPersonal) throw new Error("a new organization starts with its personal workspace");
  return { ...org.organization.organization(), defaultProjectId: org.organization.defaultProjectId() as string, personalWorkspaceId: personal.id };
}

/** An organization the user is a member of, or a 404. */
export function readableOrganization(orgs: OrganizationDirectory, orgId: string, userId: string): Organization {
  return memberOf(orgs, orgId, userId).organization();
}

/** The members of an organization the user is a member of, or a 404. */
export function readableMembers(orgs: OrganizationDirectory, orgId: string, userId: string): OrganizationMember[] {
  return memberOf(orgs, orgId, userId).members();
}

function memberOf(orgs: OrganizationDirectory, orgId: string, userId: string): OrganizationStore {
  const store = orgs.peek(orgId)?.organization;
  if (!store?.isMember(userId)) throw new ApiError("not_found", `Organization '${orgId}' not found`);
  return store;
}
