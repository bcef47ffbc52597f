import { describe, expect, it } from "vitest";
import { Bash } from "just-bash";
import { randomFor, seededRandomVariable } from "./seeded-random.ts";

async function draws(key: string, line: string): Promise<string> {
  const bash = new Bash({ defenseInDepth: false });
  const { command, plugin } = seededRandomVariable(randomFor(key));
  bash.registerCommand(command);
  bash.registerTransformPlugin(plugin);
  return (await bash.exec(line)).stdout;
}

describe("seededRandomVariable", () => {
  it("draws $RANDOM from the key's generator: the same key repeats, another key differs", async () => {
    const line = "echo $RANDOM $RANDOM; for i in 1 2; do echo $RANDOM; done";
    const first = await draws("sandbox-a", line);
    expect(first).toMatch(/^\d+ \d+\n\d+\n\d+\n$/);
    expect(await draws("sandbox-a", line)).toBe(first);
    expect(await draws("sandbox-b", line)).not.toBe(first);
  });

  it("leaves lines without $RANDOM and other expansions of RANDOM as they are", async () => {
    expect(await draws("k", "echo ${RANDOM:+set} plain")).toBe("set plain\n");
  });
});
