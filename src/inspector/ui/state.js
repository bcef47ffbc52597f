// The State view: GET /__mock/state, organization by organization. It follows changes live: it
// reloads when a request is journaled (any public request may change state), and every two
// seconds while it is shown, for changes that no request makes (resets, imports, boot timers).
import { useEffect, useState } from "preact/hooks";
import { control, html } from "./api.js";
import { pretty } from "./format.js";

const REFRESH_MS = 2000;

/** Reads the state document whenever `changes` moves, and on a timer. */
export function useStateDocument(changes) {
  const [document, setDocument] = useState(undefined);
  const [error, setError] = useState(undefined);
  const load = () => control("GET", "state").then((doc) => (setDocument(doc), setError(undefined)), (e) => setError(e.message));
  useEffect(() => {
    const timer = setTimeout(load, 100);
    return () => clearTimeout(timer);
  }, [changes]);
  useEffect(() => {
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return { document, error, reload: load };
}

/** One resource as a row that opens on its JSON. */
function Item({ title, facts, value }) {
  return html`<li><details>
    <summary><span class="item-title">${title}</span> ${facts.filter(Boolean).map((f) => html`<span class="fact">${f}</span>`)}</summary>
    <pre tabindex="0">${pretty(value)}</pre>
  </details></li>`;
}

function Group({ title, items, render }) {
  return html`<section class="group">
    <h4>${title} <span class="muted">(${items.length})</span></h4>
    ${items.length === 0 ? html`<p class="muted">none</p>` : html`<ul class="items">${items.map(render)}</ul>`}
  </section>`;
}

function Organization({ org }) {
  return html`<section class="org" aria-labelledby=${`org-${org.id}`}>
    <h3 id=${`org-${org.id}`}>Organization <code>${org.id}</code></h3>
    <${Group} title="Agents" items=${org.agents} render=${(a) => html`<${Item} key=${a.id} title=${a.slug ?? a.id} facts=${[`version ${a.version}`, a.executionMode, a.name]} value=${a} />`} />
    <${Group} title="Sandboxes" items=${org.sandboxes} render=${(s) => html`<${Item} key=${s.id} title=${s.id} facts=${[s.status, s.name, s.files ? `${s.files.length} files` : undefined]} value=${s} />`} />
    <${Group} title="Workspaces" items=${org.workspaces} render=${(w) => html`<${Item} key=${w.id} title=${w.name ?? w.id} facts=${[w.id, w.type ?? w.kind]} value=${w} />`} />
    <${Group} title="Runs" items=${org.runs} render=${(r) => html`<${Item} key=${r.run.id} title=${r.run.id} facts=${[r.run.status, r.run.agentId ?? r.run.agent]} value=${r} />`} />
    <${Group} title="Threads" items=${org.threads} render=${(t) => html`<${Item} key=${t.thread.id} title=${t.thread.id} facts=${[`${t.events.length} events`, t.thread.title]} value=${t} />`} />
  </section>`;
}

export function StateView({ changes }) {
  const { document, error } = useStateDocument(changes);
  if (error) return html`<p class="error" role="alert">Could not read the state: ${error}</p>`;
  if (!document) return html`<p class="muted">Loading the state…</p>`;
  const orgs = document.organizations;
  return html`<div class="state">
    <p class="count">${orgs.length} organization${orgs.length === 1 ? "" : "s"} · exported ${new Date(document.exportedAt).toLocaleTimeString("en-GB")}</p>
    ${orgs.length === 0 ? html`<p class="empty">No state: no organization has made a request since the last reset.</p>` : orgs.map((org) => html`<${Organization} key=${org.id} org=${org} />`)}
  </div>`;
}
