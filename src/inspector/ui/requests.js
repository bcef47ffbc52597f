// The Requests view: the live journal, newest first, with filters, and one entry opened beside it.
import { useMemo, useState } from "preact/hooks";
import { html } from "./api.js";
import { clock, statusBadge } from "./format.js";
import { RequestDetail } from "./request-detail.js";

/**
 * Filters, all optional, combined with AND. Status takes `404` or a family (`4xx`); organization
 * matches the organization id or the key prefix (keys are never shown whole); path matches a part
 * of the path, or a prefix when it ends with `*` (as `GET /__mock/requests?path=` does).
 */
function matches(entry, filters) {
  const { operation, status, org, path } = filters;
  if (operation && entry.operationId !== operation) return false;
  if (status) {
    const wanted = status.trim().toLowerCase();
    const family = /^[1-5]xx$/.test(wanted);
    if (family ? String(entry.status)[0] !== wanted[0] : String(entry.status) !== wanted) return false;
  }
  if (org) {
    const needle = org.trim();
    // The journal names an organization by a pseudonym only (docs/security.md), and a key by its kind.
    if (!(entry.org ?? "").startsWith(needle) && (entry.keyPrefix ?? "") !== needle) return false;
  }
  if (path) {
    const needle = path.trim();
    if (needle.endsWith("*") ? !entry.path.startsWith(needle.slice(0, -1)) : !entry.path.includes(needle)) return false;
  }
  return true;
}

function Filters({ filters, setFilters, operations }) {
  const field = (name) => (event) => setFilters({ ...filters, [name]: event.currentTarget.value });
  return html`<form class="filters" role="search" aria-label="Filter requests" onSubmit=${(e) => e.preventDefault()}>
    <label>Operation
      <select value=${filters.operation} onChange=${field("operation")}>
        <option value="">any</option>
        ${operations.map((op) => html`<option value=${op}>${op}</option>`)}
      </select>
    </label>
    <label>Status <input value=${filters.status} onInput=${field("status")} placeholder="404 or 4xx" size="8" /></label>
    <label>Organization <input value=${filters.org} onInput=${field("org")} placeholder="organization (journal pseudonym) or key kind" /></label>
    <label>Path <input value=${filters.path} onInput=${field("path")} placeholder="/v1/agents*" /></label>
  </form>`;
}

export function RequestsView({ entries, onClear }) {
  const [filters, setFilters] = useState({ operation: "", status: "", org: "", path: "" });
  const [openId, setOpenId] = useState(undefined);
  const operations = useMemo(() => [...new Set(entries.map((e) => e.operationId).filter(Boolean))].sort(), [entries]);
  const shown = entries.filter((entry) => matches(entry, filters));
  const open = entries.find((entry) => entry.id === openId);
  return html`<div class="requests">
    <div class="toolbar">
      <${Filters} filters=${filters} setFilters=${setFilters} operations=${operations} />
      <button type="button" class="secondary" onClick=${onClear}>Clear journal</button>
    </div>
    <p class="count" aria-live="polite">${shown.length} of ${entries.length} requests</p>
    <div class="split">
      <table class="journal">
        <caption class="visually-hidden">Requests to the public API, newest first</caption>
        <thead><tr><th scope="col">Time</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Operation</th><th scope="col">Key</th><th scope="col">ms</th></tr></thead>
        <tbody>
          ${shown.map((entry) => html`<tr key=${entry.id} class=${`${entry.id === openId ? "open" : ""} ${entry.violations?.length ? "violated" : ""}`} data-request-id=${entry.id}>
            <td>${clock(entry.receivedAt)}</td>
            <td><button type="button" class="link" aria-pressed=${entry.id === openId ? "true" : "false"} onClick=${() => setOpenId(entry.id)}>
              <span class="method">${entry.method}</span> ${entry.path}</button>
              ${entry.violations?.length ? html` <span class="flag" title="contract violation">violation</span>` : ""}</td>
            <td>${statusBadge(entry.status)}</td>
            <td>${entry.operationId ?? "—"}</td>
            <td>${entry.keyPrefix ?? "—"}</td>
            <td class="num">${entry.durationMs.toFixed(1)}</td>
          </tr>`)}
        </tbody>
      </table>
      ${open ? html`<${RequestDetail} entry=${open} onClose=${() => setOpenId(undefined)} />` : html`<p class="hint">Open a request to see its headers, bodies, stream frames and violations.</p>`}
    </div>
  </div>`;
}
