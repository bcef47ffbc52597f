// The inspector page: three views over the control plane, with the request journal followed
// live (GET /__mock/requests/stream, server-sent events). docs/inspector.md describes it.
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { control, controlUrl, html } from "./api.js";
import { RequestsView } from "./requests.js";
import { StateView } from "./state.js";
import { ControlsView } from "./controls.js";

/** How many journal entries the page keeps (the journal's own default size). */
const KEPT = 1000;

const TABS = [
  { id: "requests", label: "Requests" },
  { id: "state", label: "State" },
  { id: "controls", label: "Controls" },
];

/**
 * The journal, newest first: what `GET /__mock/requests` has, then every frame of the stream.
 * The stream is opened first and ids already seen are dropped, so nothing falls between the two.
 * `changes` counts entries that arrived live, for views that refresh on them.
 */
function useJournal() {
  const [entries, setEntries] = useState([]);
  const [live, setLive] = useState("connecting");
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const seen = new Set();
    const add = (list) => {
      const fresh = list.filter((entry) => !seen.has(entry.id));
      for (const entry of fresh) seen.add(entry.id);
      if (fresh.length > 0) setEntries((old) => [...fresh, ...old].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).slice(0, KEPT));
    };
    const source = new EventSource(controlUrl("requests/stream"));
    source.addEventListener("open", () => setLive("live"));
    source.addEventListener("error", () => setLive("reconnecting"));
    source.addEventListener("request", (event) => {
      add([JSON.parse(event.data).entry]);
      setChanges((n) => n + 1);
    });
    control("GET", `requests?limit=${KEPT}`).then((answer) => add(answer.data), () => setLive("offline"));
    return () => source.close();
  }, []);
  const clear = async () => {
    await control("DELETE", "requests");
    setEntries([]);
  };
  return { entries, live, changes, clear };
}

function App() {
  const [tab, setTab] = useState(location.hash.slice(1) || "requests");
  const journal = useJournal();
  const tabRefs = useRef({});
  useEffect(() => {
    const onHash = () => setTab(location.hash.slice(1) || "requests");
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  const select = (id, focus = false) => {
    history.replaceState(null, "", `#${id}`);
    setTab(id);
    if (focus) tabRefs.current[id]?.focus();
  };
  // Arrow keys move between tabs (WAI-ARIA tabs pattern).
  const onKey = (event) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) select(TABS[(at + step + TABS.length) % TABS.length].id, true);
    if (event.key === "Home") select(TABS[0].id, true);
    if (event.key === "End") select(TABS[TABS.length - 1].id, true);
  };
  return html`
    <header class="top">
      <h1>runtools-mock inspector</h1>
      <p class="live" role="status">Journal: <span class=${`dot ${journal.live}`}></span>${journal.live}</p>
      <a href="../../docs/">API reference</a>
    </header>
    <div role="tablist" aria-label="Views" class="tabs" onKeyDown=${onKey}>
      ${TABS.map((t) => html`<button role="tab" id=${`tab-${t.id}`} aria-controls=${`panel-${t.id}`} aria-selected=${tab === t.id ? "true" : "false"}
        tabIndex=${tab === t.id ? 0 : -1} ref=${(el) => (tabRefs.current[t.id] = el)} onClick=${() => select(t.id)}>${t.label}</button>`)}
    </div>
    <main>
      <section role="tabpanel" id="panel-requests" aria-labelledby="tab-requests" hidden=${tab !== "requests"}>
        <${RequestsView} entries=${journal.entries} onClear=${journal.clear} />
      </section>
      <section role="tabpanel" id="panel-state" aria-labelledby="tab-state" hidden=${tab !== "state"}>
        ${tab === "state" && html`<${StateView} changes=${journal.changes} />`}
      </section>
      <section role="tabpanel" id="panel-controls" aria-labelledby="tab-controls" hidden=${tab !== "controls"}>
        ${tab === "controls" && html`<${ControlsView} changes=${journal.changes} />`}
      </section>
    </main>`;
}

// Preact renders beside what the container holds: the loading note goes first.
const root = document.getElementById("app");
root.textContent = "";
render(html`<${App} />`, root);
