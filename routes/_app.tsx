import { define } from "../utils.ts";
import { asset } from "fresh/runtime";
import { Icon, type IconName } from "../components/Icon.tsx";
import NotificationsBadge from "../islands/NotificationsBadge.tsx";
import KeyboardShortcuts from "../islands/KeyboardShortcuts.tsx";
import { SITE_NAME } from "../lib/web/head.ts";
import { ConfirmEmailNotice } from "../components/ConfirmEmailNotice.tsx";

function NavLink(
  { href, icon, label, current }: {
    href: string;
    icon: IconName;
    label: string;
    current: boolean;
  },
) {
  return (
    <a
      href={href}
      class="nav-link"
      aria-current={current ? "page" : undefined}
    >
      <Icon name={icon} />
      <span class="nav-text">{label}</span>
    </a>
  );
}

/** A link of the header's "More" menu. */
function MenuLink(
  { href, icon, label, current }: {
    href: string;
    icon: IconName;
    label: string;
    current: boolean;
  },
) {
  return (
    <a
      href={href}
      class="menu-item"
      aria-current={current ? "page" : undefined}
    >
      <Icon name={icon} /> {label}
    </a>
  );
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
                  <NavLink
                    href="/home"
                    icon="home"
                    label="Home"
                    current={path === "/home"}
                  />
                  <NotificationsBadge
                    unread={unread}
                    current={path === "/notifications"}
                  />
                  <NavLink
                    href="/conversations"
                    icon="mail"
                    label="Messages"
                    current={path.startsWith("/conversations")}
                  />
                  <NavLink
                    href="/explore"
                    icon="compass"
                    label="Explore"
                    current={path === "/explore"}
                  />
                  <NavLink
                    href="/search"
                    icon="search"
                    label="Search"
                    current={path === "/search"}
                  />
                  {/* The rest, labelled, in a menu that opens without JavaScript. */}
                  <details class="menu nav-more">
                    <summary class="nav-link">
                      <Icon name="menu" />
                      <span class="nav-text">More</span>
                    </summary>
                    <div class="menu-items">
                      <MenuLink
                        href="/public/local"
                        icon="users"
                        label="Local"
                        current={path === "/public/local"}
                      />
                      <MenuLink
                        href="/public"
                        icon="globe"
                        label="Federated"
                        current={path === "/public"}
                      />
                      <MenuLink
                        href="/lists"
                        icon="list"
                        label="Lists"
                        current={path.startsWith("/lists")}
                      />
                      <MenuLink
                        href="/bookmarks"
                        icon="bookmark"
                        label="Bookmarks"
                        current={path === "/bookmarks"}
                      />
                      <MenuLink
                        href="/favourites"
                        icon="star"
                        label="Favourites"
                        current={path === "/favourites"}
                      />
                      <MenuLink
                        href="/filters"
                        icon="filter"
                        label="Filters"
                        current={path.startsWith("/filters")}
                      />
                      <MenuLink
                        href={`/@${session.account.username}`}
                        icon="user"
                        label="Profile"
                        current={path === `/@${session.account.username}`}
                      />
                      <MenuLink
                        href="/settings/profile"
                        icon="settings"
                        label="Settings"
                        current={path.startsWith("/settings")}
                      />
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
                  <NavLink
                    href="/explore"
                    icon="compass"
                    label="Explore"
                    current={path === "/explore"}
                  />
                  <NavLink
                    href="/public/local"
                    icon="users"
                    label="Local"
                    current={path === "/public/local"}
                  />
                  <NavLink
                    href="/search"
                    icon="search"
                    label="Search"
                    current={path === "/search"}
                  />
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
