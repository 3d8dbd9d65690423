import { define } from "../utils.ts";
import { asset } from "fresh/runtime";
import { Icon, type IconName } from "../components/Icon.tsx";
import NotificationsBadge from "../islands/NotificationsBadge.tsx";
import KeyboardShortcuts from "../islands/KeyboardShortcuts.tsx";
import { SITE_NAME } from "../lib/web/head.ts";
import { ConfirmEmailNotice } from "../components/ConfirmEmailNotice.tsx";
import { DEFAULT_LOCALE, type Messages, messagesFor } from "../lib/i18n/mod.ts";

interface Place {
  href: string;
  icon: IconName;
  label: string;
  /** This page is the place (or one of its pages). */
  current: boolean;
}

/** A link of the header: in the bar (`nav-link`) or in its "More" menu (`menu-item`). */
function PlaceLink(
  { place, inMenu = false }: { place: Place; inMenu?: boolean },
) {
  return (
    <a
      href={place.href}
      class={inMenu ? "menu-item" : "nav-link"}
      aria-current={place.current ? "page" : undefined}
    >
      <Icon name={place.icon} />
      <span class={inMenu ? undefined : "nav-text"}>{place.label}</span>
    </a>
  );
}

/** The header's places for who is looking: in the bar, and (signed in) in the menu. */
function places(
  path: string,
  username: string | null,
  t: Messages["shell"],
) {
  /** `under`: the place is current on every page below this path. */
  const at = (href: string, icon: IconName, label: string, under?: string) => ({
    href,
    icon,
    label,
    current: under ? path.startsWith(under) : path === href,
  });
  const explore = at("/explore", "compass", t.explore);
  const search = at("/search", "search", t.search);
  const local = at("/public/local", "users", t.local);
  if (username === null) return { bar: [explore, local, search], menu: [] };
  return {
    bar: [
      at("/home", "home", t.home),
      at("/conversations", "mail", t.messages, "/conversations"),
      explore,
      search,
    ],
    menu: [
      local,
      at("/public", "globe", t.federated),
      at("/lists", "list", t.lists, "/lists"),
      at("/bookmarks", "bookmark", t.bookmarks),
      at("/favourites", "star", t.favourites),
      at("/filters", "filter", t.filters, "/filters"),
      at(`/@${username}`, "user", t.profile),
      at("/settings/profile", "settings", t.settings, "/settings"),
    ],
  };
}

/**
 * The HTML shell of every page: head, the site header with navigation, and the page. A signed-in
 * page carries the session's API token in `<meta name="starling-token">` for its islands (the API
 * takes bearer tokens only, never cookies).
 */
export default define.page(function App({ Component, state, url }) {
  const session = state.session;
  const host = state.deps.config.host;
  const path = url.pathname;
  const unread = state.unreadNotifications ?? 0;
  const locale = state.locale ?? DEFAULT_LOCALE;
  const t = (state.t ?? messagesFor(locale)).shell;
  const nav = places(path, session?.account.username ?? null, t);
  return (
    <html
      lang={locale}
      // The signed-in user's theme; visitors follow their device (static/styles.css).
      data-theme={session?.user.theme ?? "system"}
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          name="color-scheme"
          content={{ light: "light", dark: "dark", contrast: "dark" }[
            session?.user.theme ?? ""
          ] ?? "light dark"}
        />
        {/* The default; every page gives its own through components/PageHead.tsx. */}
        <title>{SITE_NAME}</title>
        <link rel="stylesheet" href={asset("/static/styles.css")} />
        <link
          rel="icon"
          href={asset("/static/favicon.svg")}
          type="image/svg+xml"
        />
        {session && (
          <meta name="starling-token" content={session.accessToken} />
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">{t.skipToContent}</a>
        <header class="site-header">
          <a class="brand" href={session ? "/home" : "/"}>
            <span class="brand-mark" aria-hidden="true">✦</span>
            <span class="brand-name">Starling</span>
            <span class="host">{host}</span>
          </a>
          <nav aria-label={t.mainNavigation} class="main-nav">
            {session
              ? (
                <>
                  <PlaceLink place={nav.bar[0]} />
                  <NotificationsBadge
                    unread={unread}
                    current={path === "/notifications"}
                    label={t.notifications}
                    unreadLabel={t.notificationsUnread}
                  />
                  {nav.bar.slice(1).map((place) => (
                    <PlaceLink key={place.href} place={place} />
                  ))}
                  {/* The rest, labelled, in a menu that opens without JavaScript. */}
                  <details class="nav-more">
                    <summary class="nav-link">
                      <Icon name="menu" />
                      <span class="nav-text">{t.more}</span>
                    </summary>
                    <div class="menu-items">
                      {nav.menu.map((place) => (
                        <PlaceLink key={place.href} place={place} inMenu />
                      ))}
                      <form
                        method="post"
                        action="/auth/sign_out"
                        class="inline"
                      >
                        <input
                          type="hidden"
                          name="_csrf"
                          value={state.csrfToken}
                        />
                        <button type="submit" class="menu-item sign-out">
                          {t.signOut}
                        </button>
                      </form>
                    </div>
                  </details>
                </>
              )
              : (
                <>
                  {nav.bar.map((place) => (
                    <PlaceLink key={place.href} place={place} />
                  ))}
                  <a href="/auth/sign_in" class="nav-plain">{t.signIn}</a>
                  <a href="/auth/sign_up" class="button small">{t.signUp}</a>
                </>
              )}
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {session && !session.user.confirmed_at &&
            path !== "/auth/confirmation" && (
            <ConfirmEmailNotice
              email={session.user.email}
              csrfToken={state.csrfToken}
              labels={(state.t ?? messagesFor(locale)).auth.confirmNotice}
            />
          )}
          <Component />
        </main>
        <footer class="site-footer">
          <p>{t.runsStarling(host)}</p>
          <p>
            <a href="/about">{t.about}</a>
            {" · "}
            <a href="/privacy-policy">{t.privacyPolicy}</a>
            {" · "}
            <a href="/terms-of-service">{t.termsOfService}</a>
          </p>
          <KeyboardShortcuts
            labels={(state.t ?? messagesFor(locale)).shortcuts}
          />
        </footer>
      </body>
    </html>
  );
});
