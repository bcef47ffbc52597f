/**
 * The run's three outputs: the coverage table (stdout), JUnit XML (one testcase per case, plus
 * one per documented pair in a coverage suite) and the JSON summary.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { RunSummary } from "./runner.ts";

const MARK = { covered: "✓", failed: "✗", uncovered: "—" } as const;

/** The operation × status matrix, then one line per documented pair with its cases, then the failures. */
export function formatTable(summary: RunSummary): string {
  const lines: string[] = [];
  const statuses = [...new Set(summary.pairs.map((p) => p.status))].sort((a, b) => a - b);
  const operations = [...new Set(summary.pairs.map((p) => p.operationId))];
  const opWidth = Math.max(9, ...operations.map((o) => o.length));

  lines.push(`Conformance of ${summary.target} to spec/openapi.yaml: documented (operation, status) pairs`);
  lines.push(`✓ a case provoked it and passed   ✗ a case for it failed   — no case ran   · not documented`);
  lines.push("");
  lines.push(`${"operation".padEnd(opWidth)}  ${statuses.map((s) => String(s).padStart(4)).join("")}`);
  for (const operationId of operations) {
    const cells = statuses.map((status) => {
      const pair = summary.pairs.find((p) => p.operationId === operationId && p.status === status);
      return (pair ? MARK[pair.state] : "·").padStart(4);
    });
    lines.push(`${operationId.padEnd(opWidth)}  ${cells.join("")}`);
  }

  lines.push("");
  lines.push(`${"operation".padEnd(opWidth)}  status     cases`);
  let previous = "";
  for (const pair of summary.pairs) {
    const op = pair.operationId === previous ? "" : pair.operationId;
    previous = pair.operationId;
    const cases = pair.cases.length > 0 ? pair.cases.join(", ") : "(no case ran)";
    lines.push(`${op.padEnd(opWidth)}  ${String(pair.status).padEnd(6)} ${MARK[pair.state]}   ${cases}`);
  }

  if (summary.failures.length > 0) {
    lines.push("");
    lines.push(`Failures (${summary.failures.length}):`);
    for (const failure of summary.failures) {
      lines.push(`  ✗ ${failure.case} (${failure.operationId} ${failure.status})`);
      for (const violation of failure.violations) lines.push(`      - ${violation}`);
    }
  }
  if (summary.coverage.uncovered.length > 0) {
    lines.push("");
    lines.push(`Not covered (${summary.coverage.uncovered.length}):`);
    for (const pair of summary.coverage.uncovered) lines.push(`  ${pair.operationId} ${pair.status}: ${pair.reason}`);
  }
  lines.push("");
  lines.push(summaryLine(summary));
  return lines.join("\n");
}

/** The one-line verdict. */
export function summaryLine(summary: RunSummary): string {
  const { totals, coverage } = summary;
  return (
    `conformance: ${totals.cases} cases, ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped; ` +
    `coverage ${coverage.covered}/${coverage.documented} documented (operation, status) pairs = ${coverage.percent}%; ` +
    `${(summary.durationMs / 1000).toFixed(1)} s`
  );
}

/** JUnit XML: a suite with one testcase per case, and a coverage suite with one testcase per documented pair. */
export function junitXml(summary: RunSummary): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const caseFailures = summary.totals.failed;
  const pairFailures = summary.pairs.filter((p) => p.state !== "covered").length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="runtools conformance" tests="${summary.totals.cases + summary.pairs.length}" failures="${caseFailures + pairFailures}" ` +
      `errors="0" skipped="${summary.totals.skipped}" time="${seconds(summary.durationMs)}">`,
  );

  out.push(
    `  <testsuite name="conformance cases" tests="${summary.totals.cases}" failures="${caseFailures}" errors="0" skipped="${summary.totals.skipped}" ` +
      `time="${seconds(summary.durationMs)}" timestamp="${xml(summary.startedAt)}">`,
  );
  out.push(`    <properties><property name="target" value="${xml(summary.target)}"/></properties>`);
  for (const result of summary.cases) {
    out.push(`    <testcase classname="conformance.${xml(result.operationId)}" name="${result.status} ${xml(result.name)}" time="${seconds(result.durationMs)}">`);
    if (result.outcome === "skipped") out.push(`      <skipped message="skipped by CONTRACT_SKIP/CONTRACT_ONLY"/>`);
    if (result.outcome === "failed") {
      out.push(`      <failure type="ContractViolation" message="${xml(result.violations[0] ?? "failed")}">${xml(result.violations.join("\n"))}</failure>`);
    }
    const output = [...result.exchanges, ...result.notes];
    if (output.length > 0) out.push(`      <system-out>${xml(output.join("\n"))}</system-out>`);
    out.push("    </testcase>");
  }
  out.push("  </testsuite>");

  out.push(`  <testsuite name="coverage of documented (operation, status) pairs" tests="${summary.pairs.length}" failures="${pairFailures}" errors="0" skipped="0" time="0">`);
  for (const pair of summary.pairs) {
    out.push(`    <testcase classname="coverage.${xml(pair.operationId)}" name="${pair.status}" time="0">`);
    const uncovered = summary.coverage.uncovered.find((u) => u.operationId === pair.operationId && u.status === pair.status);
    if (uncovered) out.push(`      <failure type="Uncovered" message="${xml(`${pair.operationId} ${pair.status}: ${uncovered.reason}`)}"/>`);
    else out.push(`      <system-out>${xml(pair.cases.join(", "))}</system-out>`);
    out.push("    </testcase>");
  }
  out.push("  </testsuite>");
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}

/** Writes the JUnit XML and JSON summary files. */
export function writeReports(summary: RunSummary, paths: { junit: string; json: string }): void {
  for (const path of [paths.junit, paths.json]) mkdirSync(dirname(path), { recursive: true });
  writeFileSync(paths.junit, junitXml(summary));
  writeFileSync(paths.json, `${JSON.stringify(summary, null, 2)}\n`);
}

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest are escaped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
}
