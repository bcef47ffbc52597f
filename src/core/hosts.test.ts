/**
 * The Host names a loopback mock answers (docs/security.md "Browsers"): a DNS-rebinding page
 * reaches 127.0.0.1 under its own name, which is what these refuse.
 */
import { describe, expect, it } from "vitest";
import { apiErrorOf } from "../stateful/common/test-support.ts";
import { checkHost, hostNameOf, isLoopbackHostName, type HostPolicy } from "./hosts.ts";
import { bufferedBody, type PlainRequest } from "./http-types.ts";

function withHost(host: string | undefined): PlainRequest {
  const headers = host === undefined ? {} : { host };
  return { method: "GET", path: "/v1/agents", query: new URLSearchParams(), headers, body: bufferedBody(undefined), baseUrl: "http://127.0.0.1:4010", peer: { kind: "in-process" } };
}

const LOOPBACK: HostPolicy = { also: [] };

describe("isLoopbackHostName", () => {
  it.each(["localhost", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]"])("%s is a loopback name", (name) => {
    expect(isLoopbackHostName(name)).toBe(true);
  });

  it.each(["evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "0.0.0.0", "[::]", "192.0.2.2"])("%s is not", (name) => {
    expect(isLoopbackHostName(name)).toBe(false);
  });
});

describe("hostNameOf", () => {
  it("reads the name of a Host header as a browser would, IPv4 shorthand included", () => {
    expect(hostNameOf("LOCALHOST:4010")).toBe("localhost");
    expect(hostNameOf("127.1:4010")).toBe("127.0.0.1");
    expect(hostNameOf("[::1]:4010")).toBe("[::1]");
  });

  it("refuses what is not a host: userinfo, a path, spaces", () => {
    for (const host of ["evil.example@127.0.0.1", "127.0.0.1/x", "127.0.0.1 evil", ""]) expect(hostNameOf(host), host).toBeUndefined();
  });
});

describe("checkHost", () => {
  it("answers loopback names on a loopback listener, and requests without Host", () => {
    for (const host of ["127.0.0.1:4010", "localhost:4010", "api.localhost:4010", "[::1]:4010", "127.0.0.1", undefined]) {
      expect(() => checkHost(withHost(host), LOOPBACK), String(host)).not.toThrow();
    }
  });

  it("refuses any other name with 403 forbidden (a DNS-rebinding page)", () => {
    for (const host of ["evil.example:4010", "192.0.2.2:4010", "evil.example@127.0.0.1:4010"]) {
      const error = apiErrorOf(() => checkHost(withHost(host), LOOPBACK));
      expect(error, host).toMatchObject({ status: 403, code: "forbidden" });
      expect(error.message).toContain("--allowed-host");
    }
  });

  it("also answers the names it is told of, and subdomains of a name given with a leading dot", () => {
    const policy: HostPolicy = { also: ["mock.internal", ".ci.test"] };
    for (const host of ["mock.internal:4010", "MOCK.internal", "a.ci.test:4010"]) expect(() => checkHost(withHost(host), policy), host).not.toThrow();
    expect(() => checkHost(withHost("other.internal"), policy)).toThrow();
  });

  it("checks nothing under the 'any' policy (a mock mounted in a host app, or listening on 0.0.0.0)", () => {
    expect(() => checkHost(withHost("evil.example"), "any")).not.toThrow();
  });
});
