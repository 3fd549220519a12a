// The staff console's one script of its own: passkeys, which need JavaScript (WebAuthn). A
// button with data-passkey-options holds the request options; the assertion goes into its
// form's `credential` field and the form is sent. Every other page works without it.
"use strict";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-passkey-options]");
  if (!button) return;
  event.preventDefault();
  const form = button.form;
  const status = form.querySelector("[data-passkey-status]");
  try {
    const options = JSON.parse(button.dataset.passkeyOptions);
    const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options);
    const credential = await navigator.credentials.get({ publicKey });
    form.querySelector("input[name=credential]").value = JSON.stringify(credential.toJSON());
    form.requestSubmit();
  } catch (error) {
    if (status) status.textContent = `The passkey was not used (${error.name}). Try again, or use a code.`;
  }
});
