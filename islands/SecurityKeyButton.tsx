import { useEffect, useState } from "preact/hooks";
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import { fill } from "../lib/i18n/fill.ts";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";

export type SecurityKeyCeremony =
  | { kind: "register"; options: PublicKeyCredentialCreationOptionsJSON }
  | { kind: "sign_in"; options: PublicKeyCredentialRequestOptionsJSON };

export interface SecurityKeyButtonProps {
  ceremony: SecurityKeyCeremony;
  /** The form the key's answer goes into (its `response` field) and is posted with. */
  formId: string;
  label: string;
  /** The catalogue's `auth.securityKey` (strings only: islands get no catalogue). */
  messages: { waiting: string; notUsed: string; browserFailed: string };
}

/**
 * The button that talks to a security key: it runs the browser's WebAuthn ceremony with the
 * options the page rendered, puts the key's answer into the form's `response` field and posts
 * the form. WebAuthn has no form-only path, so without JavaScript (or WebAuthn) the page's own
 * text says what to use instead, and this renders nothing.
 */
export default function SecurityKeyButton(props: SecurityKeyButtonProps) {
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setReady(browserSupportsWebAuthn()), []);
  if (!ready) return null;

  async function run() {
    const form = document.getElementById(props.formId) as HTMLFormElement;
    if (!form.reportValidity()) return;
    setBusy(true);
    setError(null);
    try {
      const answer = props.ceremony.kind === "register"
        ? await startRegistration({ optionsJSON: props.ceremony.options })
        : await startAuthentication({ optionsJSON: props.ceremony.options });
      (form.elements.namedItem("response") as HTMLInputElement).value = JSON
        .stringify(answer);
      form.submit();
    } catch (e) {
      setBusy(false);
      setError(
        e instanceof Error && e.name === "NotAllowedError"
          ? props.messages.notUsed
          : fill(props.messages.browserFailed, {
            reason: e instanceof Error ? e.message : String(e),
          }),
      );
    }
  }

  return (
    <>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? props.messages.waiting : props.label}
      </button>
      {error && <p role="alert" class="form-errors">{error}</p>}
    </>
  );
}
