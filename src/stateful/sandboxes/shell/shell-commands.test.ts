import { describe, expect, it } from "vitest";
import { atClock, shellQuote, typeLetters, withoutLoginFlag, withTypeDirective } from "./shell-commands.ts";

describe("shell-commands: the argument rewrites behind the mock's additions to just-bash", () => {
  it("drops the login flag alone, long, and inside combined flags, but not after the command string", () => {
    expect(withoutLoginFlag(["-lc", "echo -l"])).toEqual(["-c", "echo -l"]);
    expect(withoutLoginFlag(["-l", "-c", "ls -l"])).toEqual(["-c", "ls -l"]);
    expect(withoutLoginFlag(["--login", "script.sh", "-l"])).toEqual(["script.sh", "-l"]);
    expect(withoutLoginFlag(["-ec", "x"])).toEqual(["-ec", "x"]);
  });

  it("turns %y and %Y of -printf into a marked %M, leaves %% and other arguments alone, and resolves the marks to type letters", () => {
    const { args, typed } = withTypeDirective(["/w", "-name", "%y", "-printf", "%f %y %%y\\n"]);
    expect(typed).toBe(true);
    expect(args.slice(0, 3)).toEqual(["/w", "-name", "%y"]);
    expect(args[4]).toBe("%f \u0001Y%M\u0001 %%y\\n");
    expect(typeLetters("a \u0001Ydrwxr-xr-x\u0001\nb \u0001Y-rw-r--r--\u0001\nc \u0001Ylrwxrwxrwx\u0001\n")).toBe("a d\nb f\nc l\n");
    expect(withTypeDirective(["/w", "-printf", "%p\\n"]).typed).toBe(false);
  });

  it("points date at the mock clock unless the command names a date, a reference file or sets one", () => {
    const clock = { now: () => new Date("2026-01-01T00:01:30.500Z") };
    expect(atClock(["+%s"], clock)).toEqual(["-d", "@1767225690", "+%s"]);
    expect(atClock(["-u"], clock)).toEqual(["-d", "@1767225690", "-u"]);
    expect(atClock(["-d", "yesterday"], clock)).toEqual(["-d", "yesterday"]);
    expect(atClock(["--date=@0"], clock)).toEqual(["--date=@0"]);
    expect(atClock(["-r", "/tmp/x"], clock)).toEqual(["-r", "/tmp/x"]);
  });

  it("quotes words for the shell only when they need it", () => {
    expect(shellQuote("sh")).toBe("sh");
    expect(shellQuote("echo 'hi' there")).toBe(`'echo '\\''hi'\\'' there'`);
  });
});
