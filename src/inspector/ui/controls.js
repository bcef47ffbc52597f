// The Controls view: reset, export and import, scripts and faults, each through the control plane
// (spec/control.yaml), so its validation applies as is: a refused request shows the answer's
// message and every detail, and changes nothing.
import { useEffect, useState } from "preact/hooks";
import { control, html } from "./api.js";
import { pretty } from "./format.js";
import { useStateDocument } from "./state.js";

const SCRIPT_EXAMPLE = pretty({ operationId: "getAgent", status: 404, body: { error: { code: "not_found", message: "Agent 'x' not found", requestId: "req_scripted" } }, times: 1 });
const FAULT_EXAMPLE = pretty({ rules: [{ operationId: "listAgents", latency: { distribution: "fixed", ms: 500 } }] });

/** Runs a control request and reports its outcome in one place. */
function useAction() {
  const [outcome, setOutcome] = useState(undefined);
  const run = async (label, action) => {
    try {
      await action();
      setOutcome({ ok: true, message: `${label}: done` });
    } catch (error) {
      setOutcome({ ok: false, message: `${label}: ${error.message}`, details: error.details ?? [] });
    }
  };
  return { outcome, run };
}

function Outcome({ outcome }) {
  if (!outcome) return html`<p role="status" class="outcome"></p>`;
  return html`<div role=${outcome.ok ? "status" : "alert"} class=${`outcome ${outcome.ok ? "ok" : "failed"}`}>
    <p>${outcome.message}</p>
    ${outcome.details?.length ? html`<ul>${outcome.details.map((d) => html`<li><code>${d.path}</code> ${d.message}</li>`)}</ul>` : ""}
  </div>`;
}

/** Parses a text area's JSON, with the error a person can act on. */
function json(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(`${what} is not JSON (${error.message})`), { details: [] });
  }
}

function download(document, name) {
  const link = Object.assign(window.document.createElement("a"), { href: URL.createObjectURL(new Blob([pretty(document)], { type: "application/json" })), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function ControlsView({ changes }) {
  const { document, reload } = useStateDocument(changes);
  const { outcome, run } = useAction();
  const [org, setOrg] = useState("");
  const [importText, setImportText] = useState("");
  const [mode, setMode] = useState("replace");
  const [scriptText, setScriptText] = useState(SCRIPT_EXAMPLE);
  const [faultText, setFaultText] = useState(FAULT_EXAMPLE);
  const [scripts, setScripts] = useState({ responses: [], exec: [], replies: [], tools: [] });
  const [faults, setFaults] = useState(undefined);
  const orgs = document?.organizations.map((o) => o.id) ?? [];
  const refresh = () => {
    reload();
    control("GET", "scripts").then((answer) => setScripts(answer.data), () => undefined);
    control("GET", "faults").then((answer) => setFaults(answer.data), () => undefined);
  };
  useEffect(refresh, [changes]);
  const act = (label, action) => run(label, action).then(refresh);
  const query = org ? `?org=${encodeURIComponent(org)}` : "";
  const allScripts = [...scripts.responses.map((s) => ({ ...s, kind: "response" })), ...scripts.exec.map((s) => ({ ...s, kind: "exec" })), ...scripts.replies.map((s) => ({ ...s, kind: "reply" })), ...(scripts.tools ?? []).map((s) => ({ ...s, kind: "tool" }))];

  return html`<div class="controls">
    <${Outcome} outcome=${outcome} />
    <section class="card" aria-labelledby="c-state">
      <h3 id="c-state">State</h3>
      <label>Organization
        <select value=${org} onChange=${(e) => setOrg(e.currentTarget.value)}>
          <option value="">all organizations</option>
          ${orgs.map((id) => html`<option value=${id}>${id}</option>`)}
        </select>
      </label>
      <div class="buttons">
        <button type="button" class="danger" onClick=${() => act(org ? "Reset organization" : "Reset all", () => control("POST", `reset${query}`))}>${org ? "Reset this organization" : "Reset all"}</button>
        <button type="button" onClick=${() => act("Export", async () => download(await control("GET", `state${query}`), "runtools-mock-state.json"))}>Export state</button>
      </div>
      <label for="import-text">State document to import</label>
      <textarea id="import-text" rows="5" value=${importText} onInput=${(e) => setImportText(e.currentTarget.value)} placeholder='{"format":"runtools-mock/state","version":1,…}'></textarea>
      <div class="buttons">
        <label>File <input type="file" accept="application/json,.json" onChange=${async (e) => setImportText(await e.currentTarget.files[0]?.text() ?? "")} /></label>
        <label>Mode <select value=${mode} onChange=${(e) => setMode(e.currentTarget.value)}><option value="replace">replace</option><option value="merge">merge</option></select></label>
        <button type="button" onClick=${() => act("Import", () => control("PUT", `state?mode=${mode}`, json(importText, "The state document")))}>Import state</button>
      </div>
    </section>
    <section class="card" aria-labelledby="c-scripts">
      <h3 id="c-scripts">Active scripts (${allScripts.length})</h3>
      ${allScripts.length === 0 ? html`<p class="muted">No script is active.</p>` : html`<ul class="items">${allScripts.map((s) => html`<li key=${s.id}>
        <span class="fact">${s.kind}</span> <code>${s.id}</code> ${s.operationId ?? s.command ?? s.agent ?? s.tool ?? ""} ${s.status ?? ""} <span class="muted">${s.remaining === null ? "until removed" : `${s.remaining} left`}</span>
        <button type="button" class="secondary" aria-label=${`Remove script ${s.id}`} onClick=${() => act("Remove script", () => control("DELETE", `scripts/${s.id}`))}>Remove</button></li>`)}</ul>`}
      <label for="script-text">New response script (POST /__mock/scripts/responses)</label>
      <textarea id="script-text" rows="7" value=${scriptText} onInput=${(e) => setScriptText(e.currentTarget.value)}></textarea>
      <div class="buttons">
        <button type="button" onClick=${() => act("Add script", () => control("POST", "scripts/responses", json(scriptText, "The script")))}>Add response script</button>
        <button type="button" class="secondary" onClick=${() => act("Clear scripts", () => control("DELETE", "scripts"))}>Clear all scripts</button>
      </div>
    </section>
    <section class="card" aria-labelledby="c-faults">
      <h3 id="c-faults">Faults</h3>
      <pre tabindex="0" aria-label="Current fault configuration">${faults ? pretty(faults) : "…"}</pre>
      <label for="fault-text">New fault configuration (PUT /__mock/faults)</label>
      <textarea id="fault-text" rows="5" value=${faultText} onInput=${(e) => setFaultText(e.currentTarget.value)}></textarea>
      <div class="buttons">
        <button type="button" onClick=${() => act("Set faults", () => control("PUT", "faults", json(faultText, "The fault configuration")))}>Set faults</button>
        <button type="button" class="secondary" onClick=${() => act("Clear faults", () => control("DELETE", "faults"))}>Clear faults</button>
      </div>
    </section>
  </div>`;
}
