import { define } from "../utils.ts";

/** The signed-in home page (the timeline arrives with the web UI). */
export const handler = define.handlers({
  GET(ctx) {
    if (!ctx.state.session) {
      return ctx.redirect("/auth/sign_in?return_to=/home");
    }
    return ctx.render();
  },
});

export default define.page(function Home({ state }) {
  return (
    <section>
      <h1>Home</h1>
      <p>Welcome, @{state.session?.account.username}.</p>
    </section>
  );
});
