/**
 * The device-link flow of RunMesh (docs: /api-reference/runmesh, /features/runmesh): a device
 * starts a link with its public key and no credentials, a user approves the code into an
 * organization, and the device polls until it sees its node.
 *
 * A pending code belongs to no organization yet, so this registry is the mock's, not an
 * organization's: it lives in memory only (a state document carries organizations, and a code
 * lives ten minutes). It is bounded, because anyone may start links without a key.
 */
import type { DeviceLinkStartRequest } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";

/** How long a code stays valid [I]: the docs say "short-lived" and show ten minutes in the example. */
export const LINK_TTL_MS = 10 * 60 * 1000;
/** The most links kept; the oldest is forgotten first. */
export const LINK_CAP = 10_000;
/** Where a user approves a code (the docs' `url`; the mock has no dashboard of its own). */
export const LINK_APPROVAL_URL = "https://runtools.ai/devices/link";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Where a link stands. */
export type LinkStatus = "pending" | "approved" | "expired";

/** A link as the registry keeps it. */
export interface DeviceLinkRecord {
  code: string;
  request: DeviceLinkStartRequest;
  expiresAt: string;
  /** Set once approved: where the device's node lives. */
  approved?: { orgId: string; nodeId: string };
}

/** Every pending and approved link of the mock. */
export class DeviceLinkRegistry {
  readonly #links = new Map<string, DeviceLinkRecord>();

  constructor(private readonly deps: { clock: Clock; ids: IdSource }) {}

  /** Starts a link: a fresh code, valid for LINK_TTL_MS. */
  start(request: DeviceLinkStartRequest): { code: string; url: string; expiresAt: string } {
    let code: string;
    do code = this.deps.ids.token("", 6, CODE_ALPHABET);
    while (this.#links.has(code));
    const expiresAt = new Date(this.deps.clock.now().getTime() + LINK_TTL_MS).toISOString();
    if (this.#links.size >= LINK_CAP) this.#links.delete(this.#links.keys().next().value as string);
    this.#links.set(code, { code, request: cloneJson(request), expiresAt });
    return { code, url: LINK_APPROVAL_URL, expiresAt };
  }

  /** Where a code stands; 404 for a code never issued. */
  poll(code: string): { status: LinkStatus; record: DeviceLinkRecord } {
    const record = this.#find(code);
    if (record.approved) return { status: "approved", record };
    return { status: this.#expired(record) ? "expired" : "pending", record };
  }

  /**
   * Approves a pending code: `join` makes the node (in the approving organization) and answers
   * its id. Checked before `join` runs, so a refused approval changes nothing: an unknown or
   * expired code is a 404, an approved one a 409.
   */
  approve<T extends { id: string }>(code: string, orgId: string, join: (request: DeviceLinkStartRequest) => T): T {
    const record = this.#find(code);
    if (record.approved) throw new ApiError("conflict", `Link code '${record.code}' is already approved`);
    if (this.#expired(record)) throw notFound(code);
    const node = join(cloneJson(record.request));
    record.approved = { orgId, nodeId: node.id };
    return node;
  }

  /** Forgets every link (a reset of the whole mock). */
  clear(): void {
    this.#links.clear();
  }

  #find(code: string): DeviceLinkRecord {
    const record = this.#links.get(code.trim().toUpperCase());
    if (!record) throw notFound(code);
    return record;
  }

  #expired(record: DeviceLinkRecord): boolean {
    return this.deps.clock.now().getTime() >= Date.parse(record.expiresAt);
  }
}

function notFound(code: string): ApiError {
  return new ApiError("not_found", `Link code '${code}' not found or expired`);
}
