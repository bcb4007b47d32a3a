// After django-otp-webauthn's script has added a passkey: on to the page named by
// data-passkey-done (the list of passkeys), which shows it.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const box = event.target.closest("[data-passkey-done]");
  window.location.assign(box?.dataset.passkeyDone || window.location.href);
});
