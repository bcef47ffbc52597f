/**
 * One organization's RunMesh nodes (docs: /api-reference/runmesh, /features/runmesh): devices
 * approved through the link flow, each with a private mesh address, renamed, revoked or removed.
 * The node, overview and peer-config shapes are inferred [I] (spec/components/schemas/runmesh.yaml).
 *
 * Every change is reported to the activity feed as a `runmesh_device` event carrying
 * `runmeshNodeId`, which is what the RunMesh audit list and a device's activity read.
 */
import type { DeviceLinkStartRequest, RunMeshNode, RunMeshNodeConfig, RunMeshOverview } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { ActivitySink } from "../activity/activity-log.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";
import { paginate, type Page } from "../common/pagination.ts";

/** Who acts on a node. */
export interface MeshActor {
  userId: string;
}

/** A node as stored (and as a state document keeps it). */
export interface StoredNode {
  seq: number;
  node: RunMeshNode;
}

/** What a RunMesh store needs. */
export interface RunMeshStoreDeps {
  clock: Clock;
  ids: IdSource;
  activity: ActivitySink;
}

/** The first host of 100.64.0.0/10 handed to a node (`.1` stands for the platform). */
const FIRST_HOST = 2;

/** One organization's nodes. */
export class RunMeshStore {
  readonly #nodes = new Map<string, StoredNode>();
  #seq = 0;

  constructor(private readonly deps: RunMeshStoreDeps) {}

  /** Makes an approved device a node of the organization, named `name` or its label. */
  addDevice(request: DeviceLinkStartRequest, name: string | undefined, actor: MeshActor): RunMeshNode {
    const seq = ++this.#seq;
    const now = this.deps.clock.now().toISOString();
    const node: RunMeshNode = {
      id: this.deps.ids.uuid(),
      name: name ?? request.deviceLabel ?? request.hostname ?? "Device",
      type: "device",
      status: "active",
      publicKey: request.publicKey,
      meshIp: meshIp(seq),
      os: request.os ?? null,
      appVersion: request.appVersion ?? null,
      hostname: request.hostname ?? null,
      createdAt: now,
      updatedAt: now,
      revokedAt: null,
    };
    this.#nodes.set(node.id, { seq, node });
    this.#report("runmesh.device.approved", node, actor, `Device ${node.name} approved`);
    return cloneJson(node);
  }

  /** The node of that id, or undefined (a deleted one included). */
  find(id: string): RunMeshNode | undefined {
    const stored = this.#nodes.get(id);
    return stored && cloneJson(stored.node);
  }

  /** The node of that id; 404 otherwise. */
  get(id: string): RunMeshNode {
    return cloneJson(this.#stored(id).node);
  }

  /** One page of nodes, oldest first. */
  list(limit: number, cursor?: string): Page<RunMeshNode> {
    const page = paginate(this.#nodes.values(), (stored) => stored.seq, limit, cursor);
    return { ...page, items: page.items.map((stored) => cloneJson(stored.node)) };
  }

  /** Node counts, by status and type. */
  overview(): RunMeshOverview {
    const nodes = [...this.#nodes.values()].map((stored) => stored.node);
    const count = (keep: (node: RunMeshNode) => boolean) => nodes.filter(keep).length;
    return {
      total: nodes.length,
      active: count((node) => node.status === "active"),
      revoked: count((node) => node.status === "revoked"),
      devices: count((node) => node.type === "device"),
      sandboxes: count((node) => node.type === "sandbox"),
    };
  }

  /** The node's peer config: its address, and every other active node as a peer; 409 when revoked. */
  config(id: string): RunMeshNodeConfig {
    const { node } = this.#stored(id);
    if (node.status === "revoked") throw new ApiError("conflict", `Node '${id}' is revoked: it has no peer config`);
    const peers = [...this.#nodes.values()]
      .map((stored) => stored.node)
      .filter((peer) => peer.id !== id && peer.status === "active")
      .map((peer) => ({ nodeId: peer.id, name: peer.name, publicKey: peer.publicKey, address: `${peer.meshIp}/32` }));
    return { nodeId: id, address: `${node.meshIp}/32`, peers };
  }

  rename(id: string, name: string, actor: MeshActor): RunMeshNode {
    const { node } = this.#stored(id);
    const previous = node.name;
    node.name = name;
    node.updatedAt = this.deps.clock.now().toISOString();
    this.#report("runmesh.device.renamed", node, actor, `Device ${previous} renamed to ${name}`);
    return cloneJson(node);
  }

  /** Revokes a node; a revoked node is answered unchanged (a retried revoke succeeds). */
  revoke(id: string, actor: MeshActor): RunMeshNode {
    const { node } = this.#stored(id);
    if (node.status === "revoked") return cloneJson(node);
    const now = this.deps.clock.now().toISOString();
    node.status = "revoked";
    node.revokedAt = now;
    node.updatedAt = now;
    this.#report("runmesh.device.revoked", node, actor, `Device ${node.name} revoked`);
    return cloneJson(node);
  }

  /** Revokes and removes a node. */
  delete(id: string, actor: MeshActor): { id: string } {
    const { node } = this.#stored(id);
    this.#nodes.delete(id);
    this.#report("runmesh.device.deleted", { ...node, status: "revoked" }, actor, `Device ${node.name} deleted`);
    return { id };
  }

  /** The nodes as a state document keeps them. */
  exportAll(): StoredNode[] {
    return [...this.#nodes.values()].map((stored) => cloneJson(stored));
  }

  /** Replaces every node with a state document's. */
  importAll(nodes: readonly StoredNode[]): void {
    this.#nodes.clear();
    this.#seq = 0;
    for (const stored of nodes) {
      this.#nodes.set(stored.node.id, cloneJson(stored));
      this.#seq = Math.max(this.#seq, stored.seq);
    }
  }

  #stored(id: string): StoredNode {
    const stored = this.#nodes.get(id);
    if (!stored) throw new ApiError("not_found", `Node '${id}' not found`);
    return stored;
  }

  #report(eventType: string, node: RunMeshNode, actor: MeshActor, title: string): void {
    this.deps.activity.record({
      resourceType: "runmesh_device",
      resourceId: node.id,
      runmeshNodeId: node.id,
      eventType,
      title,
      actorUserId: actor.userId,
      status: node.status,
      attributes: { name: node.name, ...(node.os === null ? {} : { os: node.os }) },
    });
  }
}

/** The address of the n-th node: 100.64.0.2, 100.64.0.3, … within 100.64.0.0/10. */
function meshIp(seq: number): string {
  const host = seq - 1 + FIRST_HOST;
  return `100.${64 + Math.floor(host / 65536)}.${Math.floor(host / 256) % 256}.${host % 256}`;
}
