import { define } from "../utils.ts";

/** The landing page: what this server is, and the way in. */
export default define.page(function Landing({ state }) {
  const { config } = state.deps;
  return (
    <section class="landing">
      <h1>{config.host}</h1>
      <p class="lead">
        A Starling server: post short updates, follow people here and across the
        fediverse (Mastodon and every compatible server), and use any Mastodon
        app.
      </p>
      {state.session
        ? <p>Signed in as @{state.session.account.username}.</p>
        : (
          <p class="actions">
            {config.registrations !== "closed" && (
              <a class="button" href="/auth/sign_up">Create an account</a>
            )}
            <a class="button secondary" href="/auth/sign_in">Sign in</a>
          </p>
        )}
    </section>
  );
});
