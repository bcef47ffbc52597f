/**
 * One organization's profile and members (docs: /api-reference/organizations/*,
 * /api-reference/profile/get-current-user), on the key → organization model (Part A, tenancy):
 * an organization exists from its first accepted request, and the users whose keys call it are
 * its members, each an admin (the mock has no roles to give).
 */
import type { CurrentUser, Organization, OrganizationMember } from "../../api-types.ts";
import { stableUuid, type Clock } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";

/** What an organization store needs. */
export interface OrganizationStoreDeps {
  orgId: string;
  clock: Clock;
}

/** The organization's own fields, as a snapshot keeps them. */
export interface OrganizationProfile {
  name: string;
  slug: string;
  createdAt: string;
  /** The default project made with an organization created through the API; null otherwise. */
  defaultProjectId: string | null;
}

/** An organization's state in a snapshot. */
export interface OrganizationSnapshotPart {
  profile: OrganizationProfile;
  members: OrganizationMember[];
}

/** One organization's profile and members. */
export class OrganizationStore {
  #profile: OrganizationProfile;
  readonly #members = new Map<string, OrganizationMember>();

  constructor(private readonly deps: OrganizationStoreDeps) {
    const short = deps.orgId.slice(0, 8);
    this.#profile = { name: `Organization ${short}`, slug: `org-${short}`, createdAt: deps.clock.now().toISOString(), defaultProjectId: null };
  }

  /** Names an organization created through `POST /v1/organizations`. */
  name(name: string, defaultProjectId: string): void {
    this.#profile = { ...this.#profile, name, slug: `${slugify(name) || "org"}-${this.deps.orgId.slice(0, 6)}`, defaultProjectId };
  }

  /** Makes a user a member on its first request; later calls do nothing. */
  ensureMember(userId: string): void {
    if (this.#members.has(userId)) return;
    this.#members.set(userId, {
      id: stableUuid("member", `${this.deps.orgId}/${userId}`),
      userId,
      email: null,
      firstName: null,
      lastName: null,
      role: "admin",
      status: "active",
      joinedAt: this.deps.clock.now().toISOString(),
    });
  }

  isMember(userId: string): boolean {
    return this.#members.has(userId);
  }

  /** The organization as the API answers it (every member is an admin). */
  organization(): Organization {
    const { name, slug, createdAt } = this.#profile;
    return {
      id: this.deps.orgId,
      workosOrgId: `org_01${this.deps.orgId.replace(/-/g, "").slice(0, 24).toUpperCase()}`,
      name,
      slug,
      plan: "free",
      enterprise: false,
      role: "admin",
      orgRole: "admin",
      settings: {},
      createdAt,
    };
  }

  /** The default project of an organization created through the API. */
  defaultProjectId(): string | null {
    return this.#profile.defaultProjectId;
  }

  /** Every member, in the order they joined. */
  members(): OrganizationMember[] {
    return cloneJson([...this.#members.values()]);
  }

  /** The caller as `GET /v1/me` answers it. */
  currentUser(userId: string): CurrentUser {
    return { id: userId, email: null, firstName: null, lastName: null, profilePictureUrl: null, isAdmin: true, accessGranted: true, tutorialCompleted: false };
  }

  exportAll(): OrganizationSnapshotPart {
    return { profile: { ...this.#profile }, members: this.members() };
  }

  importAll(part: OrganizationSnapshotPart): void {
    this.#profile = { ...part.profile };
    this.#members.clear();
    for (const member of part.members) {
      if (this.#members.has(member.userId)) throw new Error(`member '${member.userId}' appears twice`);
      this.#members.set(member.userId, cloneJson(member));
    }
  }
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}
