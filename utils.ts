/** The app's request state and the `define` helpers, as in a Fresh 2 project. */
import { createDefine } from "fresh";
import type { Deps } from "./lib/deps.ts";
import type { WebSession } from "./lib/domain/sessions.ts";
import type { Actor } from "./lib/moderation/mod.ts";
import type { Locale, Messages } from "./lib/i18n/mod.ts";

export interface State {
  deps: Deps;
  /** The signed-in browser session, if any (set by routes/_middleware.ts). */
  session: WebSession | null;
  /** The CSRF token to embed in this page's forms. */
  csrfToken: string;
  /** The page's language (lib/i18n: the user's setting, else Accept-Language) and its strings. */
  locale?: Locale;
  t?: Messages;
  /** For the web UI's notifications badge (set by routes/_middleware.ts on page requests). */
  unreadNotifications?: number;
  /** Under /admin: the signed-in moderator (set by routes/admin/_middleware.ts). */
  moderator?: Actor;
}

export const define = createDefine<State>();
