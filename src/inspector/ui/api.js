// Calls to the control plane (/__mock/, spec/control.yaml) from the page, which lives at
// /__mock/ui/: every path is relative, so the page works wherever the mock is mounted.
import { h } from "preact";
import htm from "htm";

/** htm bound to preact: html`<p>…</p>` instead of a JSX build step. */
export const html = htm.bind(h);

/** The URL of a control-plane path ("requests", "state", …). */
export function controlUrl(path) {
  return new URL(`../${path}`, location.href).toString();
}

/** An error answered by the control plane, with its validation details. */
export class ControlError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.details = error?.details ?? [];
  }
}

/**
 * Sends a request to the control plane and answers its JSON body; throws a ControlError with the
 * envelope's message and details when the answer is not a 2xx. Bodies are sent as JSON.
 */
export async function control(method, path, body) {
  const init = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await fetch(controlUrl(path), init);
  const text = await response.text();
  const parsed = text === "" ? undefined : JSON.parse(text);
  if (!response.ok) throw new ControlError(response.status, parsed?.error);
  return parsed;
}
