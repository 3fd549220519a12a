// Swagger UI start-up for /api/docs. Kept out of docs.html because the server's
// Content-Security-Policy (script-src 'self') forbids inline scripts.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/schema?format=json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
    persistAuthorization: true,
    // The default validator badge would send the schema URL to validator.swagger.io.
    validatorUrl: null
  });
});
