// The API reference: Swagger UI (swagger-ui-dist, served by the mock) over one of the two contracts,
// each fetched from this mock with `servers` pointing back at it, so "Try it out" calls this mock.
// validatorUrl: null keeps Swagger UI from sending the document to its online validator.
const specs = { openapi: "openapi.json", control: "control.json" };
const chosen = new URLSearchParams(location.search).get("spec");
const spec = chosen in specs ? chosen : "openapi";
document.getElementById(`link-${spec}`).setAttribute("aria-current", "page");

window.ui = SwaggerUIBundle({
  url: specs[spec],
  dom_id: "#swagger-ui",
  validatorUrl: null,
  // Deep links put a link inside each operation's toggle button, which assistive technology
  // cannot use (nested interactive controls; swagger-ui issue 9570): left off.
  deepLinking: false,
  displayOperationId: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
  onComplete() {
    // Swagger UI's server picker has no accessible name of its own.
    document.querySelector("#servers")?.setAttribute("aria-label", "Server that Try it out calls");
    document.body.dataset.ready = "true";
  },
});
