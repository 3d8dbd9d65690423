import { useEffect, useState } from "preact/hooks";
import { api } from "../components/api.ts";
import { fill } from "../lib/i18n/fill.ts";

export interface BrowserNotificationsProps {
  /** The instance's VAPID public key (base64url), for `PushManager.subscribe`. */
  vapidKey: string;
  csrf: string;
  /** The catalogue's `settings.browserNotifications` (strings only: islands get no catalogue). */
  messages: {
    unknown: string;
    unsupported: string;
    blocked: string;
    off: string;
    on: string;
    busy: string;
    turnOff: string;
    turnOn: string;
    failed: string;
  };
}

type State =
  | "unknown"
  | "unsupported"
  | "off"
  | "on"
  | "busy"
  | "blocked";

/** Every notification type, as Mastodon's web UI subscribes. */
const ALERTS = [
  "mention",
  "status",
  "reblog",
  "follow",
  "follow_request",
  "favourite",
  "poll",
  "update",
  "quote",
  "quoted_update",
  "admin.sign_up",
  "admin.report",
];

/**
 * Browser notifications: subscribes with this browser's push service (through the service
 * worker at `/sw.js`) and registers the subscription with `/api/v1/push/subscription`, under
 * the session's push token. Without JavaScript the page says that this needs it.
 */
export default function BrowserNotifications(
  props: BrowserNotificationsProps,
) {
  const [state, setState] = useState<State>("unknown");
  const [error, setError] = useState<string | null>(null);
  const t = props.messages;

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("PushManager" in globalThis)) {
      setState("unsupported");
      return;
    }
    if (Notification.permission === "denied") {
      setState("blocked");
      return;
    }
    registeredHere(props.csrf, t.failed)
      .then((on) => setState(on ? "on" : "off"))
      .catch(() => setState("off"));
  }, []);

  async function turnOn() {
    setState("busy");
    setError(null);
    try {
      if (await Notification.requestPermission() !== "granted") {
        setState("blocked");
        return;
      }
      const registration = await navigator.serviceWorker.register("/sw.js", {
        scope: "/",
      });
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlBytes(props.vapidKey),
      });
      const { endpoint, keys } = subscription.toJSON();
      await api("/api/v1/push/subscription", {
        method: "POST",
        token: await pushToken(props.csrf, t.failed),
        body: {
          subscription: { endpoint, keys, standard: true },
          data: {
            alerts: Object.fromEntries(ALERTS.map((type) => [type, true])),
            policy: "all",
          },
        },
      });
      setState("on");
    } catch (e) {
      setError((e as Error).message);
      setState("off");
    }
  }

  async function turnOff() {
    setState("busy");
    setError(null);
    try {
      await api("/api/v1/push/subscription", {
        method: "DELETE",
        token: await pushToken(props.csrf, t.failed),
      });
      const registration = await navigator.serviceWorker.getRegistration("/");
      await (await registration?.pushManager.getSubscription())?.unsubscribe();
      setState("off");
    } catch (e) {
      setError((e as Error).message);
      setState("on");
    }
  }

  return (
    <div class="stack" data-push-state={state}>
      <p>
        {t[state]}
      </p>
      <div>
        <button
          type="button"
          class={state === "on" ? "button secondary" : "button"}
          disabled={state !== "on" && state !== "off"}
          onClick={state === "on" ? turnOff : turnOn}
        >
          {state === "on" ? t.turnOff : t.turnOn}
        </button>
      </div>
      {error && <p class="action-error" role="alert">{error}</p>}
    </div>
  );
}

/**
 * On only when this browser has a push subscription and this session registered it: after
 * signing out (which removed it) or as another user, the browser's old subscription isn't ours.
 */
async function registeredHere(
  csrf: string,
  failed: string,
): Promise<boolean> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return false;
  const registered = await api<{ endpoint: string }>(
    "/api/v1/push/subscription",
    { token: await pushToken(csrf, failed) },
  ).catch(() => null);
  return registered?.endpoint === subscription.endpoint;
}

/** The session's push-only token (`POST /settings/push_token`, CSRF-checked). */
async function pushToken(csrf: string, failed: string): Promise<string> {
  const form = new FormData();
  form.set("_csrf", csrf);
  const response = await fetch("/settings/push_token", {
    method: "POST",
    body: form,
  });
  if (!response.ok) {
    throw new Error(fill(failed, { status: response.status }));
  }
  return (await response.json()).access_token;
}

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
