import { define } from "../utils.ts";
import { asset } from "fresh/runtime";
import { Icon, type IconName } from "../components/Icon.tsx";
import NotificationsBadge from "../islands/NotificationsBadge.tsx";
import KeyboardShortcuts from "../islands/KeyboardShortcuts.tsx";
import { SITE_NAME } from "../lib/web/head.ts";
import { ConfirmEmailNotice } from "../components/ConfirmEmailNotice.tsx";

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
function places(path: string, username: string | null) {
  /** `under`: the place is current on every page below this path. */
  const at = (href: string, icon: IconName, label: string, under?: string) => ({
    href,
    icon,
    label,
    current: under ? path.startsWith(under) : path === href,
  });
  const explore = at("/explore", "compass", "Explore");
  const search = at("/search", "search", "Search");
  const local = at("/public/local", "users", "Local");
  if (username === null) return { bar: [explore, local, search], menu: [] };
  return {
    bar: [
      at("/home", "home", "Home"),
      at("/conversations", "mail", "Messages", "/conversations"),
      explore,
      search,
    ],
    menu: [
      local,
      at("/public", "globe", "Federated"),
      at("/lists", "list", "Lists", "/lists"),
      at("/bookmarks", "bookmark", "Bookmarks"),
      at("/favourites", "star", "Favourites"),
      at("/filters", "filter", "Filters", "/filters"),
      at(`/@${username}`, "user", "Profile"),
      at("/settings/profile", "settings", "Settings", "/settings"),
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
  const nav = places(path, session?.account.username ?? null);
  return (
    <html
      lang="en"
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
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <a class="brand" href={session ? "/home" : "/"}>
            <span class="brand-mark" aria-hidden="true">✦</span>
            <span class="brand-name">Starling</span>
            <span class="host">{host}</span>
          </a>
          <nav aria-label="Main" class="main-nav">
            {session
              ? (
                <>
                  <PlaceLink place={nav.bar[0]} />
                  <NotificationsBadge
                    unread={unread}
                    current={path === "/notifications"}
                  />
                  {nav.bar.slice(1).map((place) => (
                    <PlaceLink key={place.href} place={place} />
                  ))}
                  {/* The rest, labelled, in a menu that opens without JavaScript. */}
                  <details class="nav-more">
                    <summary class="nav-link">
                      <Icon name="menu" />
                      <span class="nav-text">More</span>
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
                          Sign out
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
                  <a href="/auth/sign_in" class="nav-plain">Sign in</a>
                  <a href="/auth/sign_up" class="button small">Sign up</a>
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
            />
          )}
          <Component />
        </main>
        <footer class="site-footer">
          <p>
            {host}{" "}
            runs Starling, a federated social network server compatible with
            Mastodon.
          </p>
          <p>
            <a href="/about">About</a>
            {" · "}
            <a href="/privacy-policy">Privacy policy</a>
            {" · "}
            <a href="/terms-of-service">Terms of service</a>
          </p>
          <KeyboardShortcuts />
        </footer>
      </body>
    </html>
  );
});
