// One journal entry: what the client sent, what the mock answered, and where either broke the contract.
import { html } from "./api.js";
import { clock, headerTable, pretty, sseFrames, statusBadge } from "./format.js";

function Violations({ violations }) {
  if (!violations?.length) return html`<p class="ok-note">No contract violation.</p>`;
  return html`<section class="violations" aria-labelledby="violations-title">
    <h3 id="violations-title">Contract violations (${violations.length})</h3>
    <ul>${violations.map((v) => html`<li><strong>${v.source}</strong> <code>${v.path || "/"}</code> ${v.message}</li>`)}</ul>
  </section>`;
}

function Body({ body, truncated, label }) {
  if (body === null || body === undefined) return html`<p class="muted">${label}: no body</p>`;
  return html`<div class="body">
    <h4>${label}${truncated ? " (truncated)" : ""}</h4>
    <pre tabindex="0" aria-label=${label}>${pretty(body)}</pre>
  </div>`;
}

function Frames({ text }) {
  const frames = sseFrames(text);
  return html`<div class="frames">
    <h4>Stream frames (${frames.length})</h4>
    <ol>${frames.map((f) => html`<li><span class="event">${f.event}</span>${f.id ? html` <span class="muted">#${f.id}</span>` : ""}<pre tabindex="0">${f.data}</pre></li>`)}</ol>
  </div>`;
}

export function RequestDetail({ entry, onClose }) {
  const { request, response } = entry;
  return html`<article class="detail" aria-labelledby="detail-title">
    <header>
      <h2 id="detail-title"><span class="method">${entry.method}</span> ${entry.path}</h2>
      <button type="button" class="secondary" onClick=${onClose}>Close</button>
    </header>
    <dl class="facts">
      <dt>Status</dt><dd>${statusBadge(entry.status)}</dd>
      <dt>Operation</dt><dd>${entry.operationId ?? "none (no route)"}</dd>
      <dt>Duration</dt><dd>${entry.durationMs.toFixed(2)} ms</dd>
      <dt>Received</dt><dd>${clock(entry.receivedAt)}</dd>
      <dt>Request id</dt><dd><code>${entry.id}</code></dd>
      <dt>Organization</dt><dd>${entry.org ?? "—"} ${entry.keyPrefix ? html`(key ${entry.keyPrefix})` : ""}</dd>
      ${Object.keys(entry.query ?? {}).length ? html`<dt>Query</dt><dd><code>${new URLSearchParams(Object.entries(entry.query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString()}</code></dd>` : ""}
    </dl>
    <${Violations} violations=${entry.violations} />
    <section aria-label="Request">
      <h3>Request</h3>
      ${headerTable(request.headers, "Request headers")}
      <${Body} body=${request.body} truncated=${request.bodyTruncated} label="Request body" />
    </section>
    <section aria-label="Response">
      <h3>Response</h3>
      ${headerTable(response.headers, "Response headers")}
      ${response.streamed ? html`<${Frames} text=${response.body ?? ""} />` : html`<${Body} body=${response.body} truncated=${response.bodyTruncated} label="Response body" />`}
    </section>
  </article>`;
}
