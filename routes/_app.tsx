import { define } from "../utils.ts";
import { asset } from "fresh/runtime";

/** The HTML shell of every page: head, the site header with navigation, and the page. */
export default define.page(function App({ Component, state }) {
  const session = state.session;
  const host = state.deps.config.host;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>Starling · {host}</title>
        <link rel="stylesheet" href={asset("/static/styles.css")} />
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="/">
            <span aria-hidden="true">✦</span> Starling{" "}
            <span class="host">{host}</span>
          </a>
          <nav aria-label="Main">
            {session
              ? (
                <>
                  <a href="/home">Home</a>
                  <a href={`/@${session.account.username}`}>
                    @{session.account.username}
                  </a>
                  <form method="post" action="/auth/sign_out" class="inline">
                    <input type="hidden" name="_csrf" value={state.csrfToken} />
                    <button type="submit" class="link">Sign out</button>
                  </form>
                </>
              )
              : (
                <>
                  <a href="/auth/sign_in">Sign in</a>
                  <a href="/auth/sign_up" class="button">Sign up</a>
                </>
              )}
          </nav>
        </header>
        <main id="main">
          <Component />
        </main>
      </body>
    </html>
  );
});
