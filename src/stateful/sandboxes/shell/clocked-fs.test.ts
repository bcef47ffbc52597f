import { describe, expect, it } from "vitest";
import { ClockedFs } from "./clocked-fs.ts";
import { VirtualClock } from "../../common/clock.ts";

describe("ClockedFs", () => {
  it("stamps new entries and their new parents with the mock clock, and keeps a moved entry's time", async () => {
    const clock = new VirtualClock();
    const fs = new ClockedFs(clock, 1024);
    await fs.writeFile("/a/b/file", "x");
    for (const path of ["/", "/a", "/a/b", "/a/b/file"]) expect((await fs.stat(path)).mtime.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    clock.advance(5_000);
    await fs.mv("/a/b/file", "/moved");
    expect((await fs.stat("/moved")).mtime.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    await fs.appendFile("/moved", "y");
    expect((await fs.stat("/moved")).mtime.toISOString()).toBe("2026-01-01T00:00:05.000Z");
  });

  it("reads a utimes of the host's now as the mock's now, and keeps any other time", async () => {
    const clock = new VirtualClock();
    const fs = new ClockedFs(clock, 1024);
    await fs.writeFile("/f", "x");
    await fs.utimes("/f", new Date(), new Date());
    expect((await fs.stat("/f")).mtime.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    await fs.utimes("/f", new Date(0), new Date("2020-02-02T00:00:00Z"));
    expect((await fs.stat("/f")).mtime.toISOString()).toBe("2020-02-02T00:00:00.000Z");
  });

  it("counts the bytes it holds and refuses to hold more than its quota", async () => {
    const fs = new ClockedFs(new VirtualClock(), 10);
    await fs.writeFile("/a", "12345");
    expect(fs.usedBytes()).toBe(5);
    await expect(fs.writeFile("/b", "123456")).rejects.toThrow(/ENOSPC/);
    await fs.rm("/a");
    expect(fs.usedBytes()).toBe(0);
  });
});
