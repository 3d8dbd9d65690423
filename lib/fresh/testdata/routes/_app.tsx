import { define } from "../utils.ts";

export default define.page(({ Component, state }) => (
  <html>
    <head>
      <title>{state.title ?? "Fixture"}</title>
    </head>
    <body>
      <main data-app>
        <Component />
      </main>
    </body>
  </html>
));
