// Small display helpers shared by the views.
import { html } from "./api.js";

/** "12:03:04.123" from an ISO time. */
export function clock(iso) {
  const date = new Date(iso);
  return `${date.toLocaleTimeString("en-GB", { hour12: false })}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** A status code as a badge whose class says its family (2xx, 4xx, …). */
export function statusBadge(status) {
  const family = status === 0 ? "reset" : `s${String(status)[0]}xx`;
  return html`<span class=${`status ${family}`}>${status === 0 ? "reset" : status}</span>`;
}

/** Pretty JSON (or the text itself when it is a string). */
export function pretty(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** A table of header names and values. */
export function headerTable(headers, caption) {
  const rows = Object.entries(headers ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return html`<table class="headers">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">Header</th><th scope="col">Value</th></tr></thead>
    <tbody>${rows.map(([name, value]) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>`)}</tbody>
  </table>`;
}

/** Splits the text of an event stream into its frames: `{id, event, data}`. */
export function sseFrames(text) {
  const frames = [];
  for (const block of String(text).split(/\n\n/)) {
    if (block.trim() === "") continue;
    const frame = { id: undefined, event: "message", data: "" };
    for (const line of block.split("\n")) {
      const at = line.indexOf(":");
      const field = at === -1 ? line : line.slice(0, at);
      const value = at === -1 ? "" : line.slice(at + 1).replace(/^ /, "");
      if (field === "id") frame.id = value;
      else if (field === "event") frame.event = value;
      else if (field === "data") frame.data += frame.data === "" ? value : `\n${value}`;
    }
    frames.push(frame);
  }
  return frames;
}
