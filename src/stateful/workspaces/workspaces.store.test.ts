/**
 * WorkspaceStore without HTTP (issue 3, "Workspaces"; reference Part B "Workspaces (orchestrator)";
 * Part A "ids", "list pagination"). Who uses a workspace is workspace-usage.test.ts's business.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Workspace } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { randomIds, type IdSource } from "../common/clock.ts";
import { ORG_STORAGE_QUOTA_BYTES, slugify, WORKSPACE_QUOTA_BYTES, WorkspaceStore } from "./workspaces.store.ts";
import { apiErrorOf, CountingIds, ManualClock, START } from "../common/test-support.ts";

const validators = compileValidators(loadSpec());
const workspaceSchema = validators.component("Workspace");
const storageSchema = validators.component("StorageSummary");

/** An RFC 4122 UUID (the spec's `format: uuid` is looser; Part A says UUIDs). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const owner = { userId: "22222222-2222-4222-8222-222222222222" };
const otherUser = { userId: "33333333-3333-4333-8333-333333333333" };

/** The CountingIds UUIDs, in the order they are drawn. */
function uuidNo(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

let clock: ManualClock;
let store: WorkspaceStore;

beforeEach(() => {
  clock = new ManualClock();
  store = new WorkspaceStore({ clock, ids: new CountingIds() });
});

/** Every workspace of the store, over all pages. */
function allWorkspaces(): Workspace[] {
  return store.list(500).items;
}

describe("WorkspaceStore.ensurePersonal", () => {
  it("creates the personal workspace, owned by the actor", () => {
    store.ensurePersonal(owner);
    const [personal, ...rest] = allWorkspaces();
    expect(rest).toEqual([]);
    expect(personal).toEqual<Workspace>({
      id: uuidNo(1),
      slug: "personal",
      name: "Personal",
      sizeBytes: 0,
      quotaBytes: WORKSPACE_QUOTA_BYTES,
      createdAt: START,
      updatedAt: START,
      lastAccessedAt: null,
      isPersonal: true,
      ownerUserId: owner.userId,
      ownerDisplayName: null,
      ownerEmail: null,
    });
    expect(workspaceSchema(personal)).toEqual([]);
  });

  it("is idempotent: later calls, by anyone, create nothing and change nothing", () => {
    store.ensurePersonal(owner);
    const before = allWorkspaces();
    clock.advance(1_000);
    store.ensurePersonal(owner);
    store.ensurePersonal(otherUser);
    expect(allWorkspaces()).toEqual(before);
    expect(allWorkspaces().filter((w) => w.isPersonal)).toHaveLength(1);
    // No UUID was drawn for a second personal workspace.
    expect(store.create({ name: "Data" }, owner).id).toBe(uuidNo(2));
  });

  it("makes no other workspace personal", () => {
    store.ensurePersonal(owner);
    const data = store.create({ name: "Data" }, owner);
    expect(data.isPersonal).toBe(false);
    expect(allWorkspaces().map((w) => [w.slug, w.isPersonal])).toEqual([
      ["personal", true],
      ["data", false],
    ]);
  });
});

describe("WorkspaceStore.create", () => {
  beforeEach(() => store.ensurePersonal(owner));

  it("creates a workspace with the given name and slug, owned by the creator", () => {
    clock.advance(5_000);
    const created = store.create({ name: "Training data", slug: "training" }, otherUser);
    expect(created).toEqual<Workspace>({
      id: uuidNo(2),
      slug: "training",
      name: "Training data",
      sizeBytes: 0,
      quotaBytes: WORKSPACE_QUOTA_BYTES,
      createdAt: "2026-01-01T00:00:05.000Z",
      updatedAt: "2026-01-01T00:00:05.000Z",
      lastAccessedAt: null,
      isPersonal: false,
      ownerUserId: otherUser.userId,
      ownerDisplayName: null,
      ownerEmail: null,
    });
    expect(workspaceSchema(created)).toEqual([]);
    expect(store.get(created.id)).toEqual(created);
  });

  it("derives the slug from the name when none is given", () => {
    const created = store.create({ name: "My Data Set!" }, owner);
    expect(created).toMatchObject({ slug: "my-data-set", name: "My Data Set!" });
    expect(workspaceSchema(created)).toEqual([]);
  });

  it("cuts a slug derived from a long name to 64 characters, still a valid slug", () => {
    const created = store.create({ name: "Quarterly Report ".repeat(10) }, owner);
    expect(created.slug).toBe("quarterly-report-quarterly-report-quarterly-report-quarterly-rep");
    expect(created.slug).toHaveLength(64);
    expect(workspaceSchema(created)).toEqual([]);
  });

  it.each(["!!! ???", "---", "日本語", " "])("rejects the name %j, which yields no slug, with a 400 at /body/slug", (name) => {
    const err = apiErrorOf(() => store.create({ name }, owner));
    expect(err.code).toBe("bad_request");
    expect(err.status).toBe(400);
    expect(err.details).toEqual([{ path: "/body/slug", message: expect.any(String) }]);
    expect(allWorkspaces().map((w) => w.slug)).toEqual(["personal"]);
  });

  it("accepts such a name with an explicit slug", () => {
    expect(store.create({ name: "日本語", slug: "nihongo" }, owner)).toMatchObject({ name: "日本語", slug: "nihongo" });
  });

  it("rejects a slug already taken with a 409 conflict, and creates nothing", () => {
    const data = store.create({ name: "Data", slug: "data" }, owner);
    const before = allWorkspaces();
    for (const input of [{ name: "Other", slug: "data" }, { name: "DATA" }, { name: " data " }]) {
      const err = apiErrorOf(() => store.create(input, owner));
      expect(err.code).toBe("conflict");
      expect(err.status).toBe(409);
      expect(err.message).toBe("A workspace with slug 'data' already exists");
    }
    expect(allWorkspaces()).toEqual(before);
    expect(store.get(data.id)).toEqual(data);
  });

  it("treats the personal workspace's slug as taken, given or derived", () => {
    for (const input of [{ name: "Mine", slug: "personal" }, { name: "Personal" }]) {
      expect(apiErrorOf(() => store.create(input, owner)).code).toBe("conflict");
    }
    expect(allWorkspaces()).toHaveLength(1);
  });

  it("gives every workspace a UUID (random source), all distinct", () => {
    const random = new WorkspaceStore({ clock, ids: randomIds });
    random.ensurePersonal(owner);
    for (let i = 0; i < 20; i++) random.create({ name: `ws ${i}` }, owner);
    const ids = random.list(500).items.map((w) => w.id);
    expect(ids).toHaveLength(21);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(21);
  });

  it("draws another UUID when the id source repeats one already in use", () => {
    const repeated = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    const script = [repeated, repeated, "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"];
    const ids: IdSource = { token: () => "unused", uuid: () => script.shift() ?? "exhausted" };
    const scripted = new WorkspaceStore({ clock, ids });
    expect(scripted.create({ name: "One" }, owner).id).toBe(repeated);
    expect(scripted.create({ name: "Two" }, owner).id).toBe("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
  });
});

describe("slugify", () => {
  it.each([
    ["My Data Set!", "my-data-set"],
    ["  Leading and trailing  ", "leading-and-trailing"],
    ["a--b__c", "a-b-c"],
    ["Release 2026.01", "release-2026-01"],
    ["Café Crème", "caf-cr-me"],
    ["already-a-slug", "already-a-slug"],
    ["UPPER", "upper"],
    ["!!! ???", ""],
    ["a".repeat(100), "a".repeat(64)],
    // The cut falls on a hyphen, which the trim then removes.
    [`${"a".repeat(63)} b`, "a".repeat(63)],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe("WorkspaceStore.get and resolve", () => {
  beforeEach(() => store.ensurePersonal(owner));

  it("answers the workspace by id", () => {
    const data = store.create({ name: "Data" }, owner);
    expect(store.get(data.id)).toEqual(data);
    expect(store.resolve(data.id)).toEqual(data);
  });

  it("answers 404 naming the id for an unknown workspace (get) and undefined (resolve)", () => {
    const err = apiErrorOf(() => store.get("99999999-9999-4999-8999-999999999999"));
    expect(err.code).toBe("not_found");
    expect(err.status).toBe(404);
    expect(err.message).toBe("Workspace '99999999-9999-4999-8999-999999999999' not found");
    expect(store.resolve("99999999-9999-4999-8999-999999999999")).toBeUndefined();
  });

  it("does not find a workspace by its slug through get and resolve (ids only: mounts store ids)", () => {
    store.create({ name: "Data" }, owner);
    expect(apiErrorOf(() => store.get("data")).code).toBe("not_found");
    expect(store.resolve("data")).toBeUndefined();
  });

  it("hands out copies: changing an answer does not change the store", () => {
    const data = store.create({ name: "Data" }, owner);
    store.get(data.id).name = "changed";
    const resolved = store.resolve(data.id);
    if (resolved) resolved.name = "changed";
    data.name = "changed";
    expect(store.get(data.id).name).toBe("Data");
  });
});

describe("WorkspaceStore.find and idOf (a workspace named by id or by slug)", () => {
  beforeEach(() => store.ensurePersonal(owner));

  it("finds a workspace by its id and by its slug, the personal one included", () => {
    const data = store.create({ name: "Shared Docs" }, owner);
    expect(store.find(data.id)).toEqual(data);
    expect(store.find("shared-docs")).toEqual(data);
    expect(store.idOf("shared-docs")).toBe(data.id);
    expect(store.find("personal")?.isPersonal).toBe(true);
  });

  it("still finds a workspace by its slug after a rename (the slug stays)", () => {
    const data = store.create({ name: "Data" }, owner);
    store.rename(data.id, "Renamed");
    expect(store.idOf("data")).toBe(data.id);
  });

  it("prefers the id: a slug shaped like another workspace's id does not shadow that workspace", () => {
    const first = store.create({ name: "First" }, owner);
    const impostor = store.create({ name: "Impostor", slug: first.id }, owner);
    expect(store.idOf(first.id)).toBe(first.id);
    expect(store.idOf(impostor.slug)).not.toBe(impostor.id);
  });

  it("answers 404 naming the reference for an unknown id or slug, and forgets a deleted workspace's slug", () => {
    const err = apiErrorOf(() => store.idOf("no-such-workspace"));
    expect(err.status).toBe(404);
    expect(err.message).toBe("Workspace 'no-such-workspace' not found");
    const data = store.create({ name: "Data" }, owner);
    store.remove(data.id);
    expect(store.find("data")).toBeUndefined();
    expect(apiErrorOf(() => store.idOf(data.id)).code).toBe("not_found");
  });
});

describe("WorkspaceStore.list", () => {
  it("lists in creation order, the personal workspace first", () => {
    store.ensurePersonal(owner);
    store.create({ name: "Alpha" }, owner);
    store.create({ name: "Beta" }, owner);
    store.create({ name: "Gamma" }, owner);
    const page = store.list(50);
    expect(page.items.map((w) => w.slug)).toEqual(["personal", "alpha", "beta", "gamma"]);
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
    for (const workspace of page.items) expect(workspaceSchema(workspace)).toEqual([]);
  });

  it("paginates with limit and cursor; workspaces added or removed between pages do not shift them", () => {
    store.ensurePersonal(owner);
    const alpha = store.create({ name: "Alpha" }, owner);
    store.create({ name: "Beta" }, owner);
    store.create({ name: "Gamma" }, owner);

    const first = store.list(2);
    expect(first.items.map((w) => w.slug)).toEqual(["personal", "alpha"]);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toEqual(expect.any(String));

    store.remove(alpha.id);
    store.create({ name: "Delta" }, owner);

    const second = store.list(2, first.nextCursor ?? undefined);
    expect(second.items.map((w) => w.slug)).toEqual(["beta", "gamma"]);
    expect(second.hasMore).toBe(true);
    const third = store.list(2, second.nextCursor ?? undefined);
    expect(third.items.map((w) => w.slug)).toEqual(["delta"]);
    expect(third.hasMore).toBe(false);
    expect(third.nextCursor).toBeNull();
  });

  it("rejects a cursor it did not issue with a 400 at /query/cursor", () => {
    const err = apiErrorOf(() => store.list(10, "not-a-cursor"));
    expect(err.code).toBe("bad_request");
    expect(err.details).toEqual([{ path: "/query/cursor", message: expect.any(String) }]);
  });
});

describe("WorkspaceStore.rename", () => {
  beforeEach(() => store.ensurePersonal(owner));

  it("changes the name and updatedAt, keeps the slug, id and createdAt", () => {
    const data = store.create({ name: "Data" }, owner);
    clock.advance(60_000);
    const renamed = store.rename(data.id, "Training Data");
    expect(renamed).toEqual<Workspace>({ ...data, name: "Training Data", updatedAt: "2026-01-01T00:01:00.000Z" });
    expect(store.get(data.id)).toEqual(renamed);
    expect(workspaceSchema(renamed)).toEqual([]);
    // The slug stays taken by this workspace; the new name's slug is not.
    expect(apiErrorOf(() => store.create({ name: "Data" }, owner)).code).toBe("conflict");
    expect(store.create({ name: "Training Data" }, owner).slug).toBe("training-data");
  });

  it("may rename the personal workspace, which stays personal", () => {
    const [personal] = allWorkspaces();
    if (!personal) throw new Error("no personal workspace");
    expect(store.rename(personal.id, "Home")).toMatchObject({ name: "Home", slug: "personal", isPersonal: true });
  });

  it("answers 404 for an unknown workspace", () => {
    expect(apiErrorOf(() => store.rename("99999999-9999-4999-8999-999999999999", "x")).code).toBe("not_found");
  });
});

describe("WorkspaceStore.remove", () => {
  beforeEach(() => store.ensurePersonal(owner));

  it("forgets the workspace", () => {
    const data = store.create({ name: "Data" }, owner);
    const keep = store.create({ name: "Keep" }, owner);
    store.remove(data.id);
    expect(apiErrorOf(() => store.get(data.id)).code).toBe("not_found");
    expect(store.resolve(data.id)).toBeUndefined();
    expect(allWorkspaces().map((w) => w.id)).toEqual([uuidNo(1), keep.id]);
  });

  it("frees the slug: a new workspace may take it, with a new id", () => {
    const data = store.create({ name: "Data" }, owner);
    store.remove(data.id);
    const again = store.create({ name: "Data again", slug: "data" }, owner);
    expect(again.slug).toBe("data");
    expect(again.id).not.toBe(data.id);
  });

  it("refuses the personal workspace with a 400 at /path/id, and keeps it", () => {
    const [personal] = allWorkspaces();
    if (!personal) throw new Error("no personal workspace");
    const err = apiErrorOf(() => store.remove(personal.id));
    expect(err.code).toBe("bad_request");
    expect(err.details).toEqual([{ path: "/path/id", message: expect.any(String) }]);
    expect(apiErrorOf(() => store.assertRemovable(personal.id)).code).toBe("bad_request");
    expect(store.get(personal.id)).toEqual(personal);
  });

  it("answers 404 for an unknown workspace", () => {
    expect(apiErrorOf(() => store.remove("99999999-9999-4999-8999-999999999999")).code).toBe("not_found");
    expect(apiErrorOf(() => store.assertRemovable("99999999-9999-4999-8999-999999999999")).code).toBe("not_found");
  });
});

describe("WorkspaceStore.storage", () => {
  it("sums every workspace's sizeBytes and reports the organization quota, limited", () => {
    store.ensurePersonal(owner);
    store.create({ name: "Data" }, owner);
    store.create({ name: "Cache" }, owner);
    const storage = store.storage();
    // The mock stores no files, so every size is 0 and so is the sum.
    const sum = allWorkspaces().reduce((total, w) => total + w.sizeBytes, 0);
    expect(storage).toEqual({ usedBytes: sum, quotaBytes: ORG_STORAGE_QUOTA_BYTES, unlimited: false });
    expect(storage).toEqual({ usedBytes: 0, quotaBytes: 100 * 1024 ** 3, unlimited: false });
    expect(storageSchema(storage)).toEqual([]);
  });

  it("answers the summary for an organization with no workspace yet", () => {
    expect(store.storage()).toEqual({ usedBytes: 0, quotaBytes: ORG_STORAGE_QUOTA_BYTES, unlimited: false });
  });
});
