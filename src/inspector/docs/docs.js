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
  deepLinking: true,
  displayOperationId: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
  onComplete() {
    document.body.dataset.ready = "true";
  },
});
