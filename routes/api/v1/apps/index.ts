/** POST /api/v1/apps — register a client app (JSON, form or multipart; any redirect scheme). */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { credentialApplicationJson } from "../../../../lib/mastodon/oauth.ts";
import { registerApplication } from "../../../../lib/domain/oauth.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const params = await Params.from(ctx.req, ctx.url);
    // `redirect_uris` is a string (newline-separated) or an array since Mastodon 4.3.
    const redirectUris = params.array("redirect_uris").flatMap((u) =>
      u.split(/\s+/)
    );
    const { app, clientSecret } = await registerApplication(
      ctx.state.deps.sql,
      {
        name: params.string("client_name") ?? "",
        redirectUris,
        scopes: params.string("scopes"),
        website: params.string("website"),
      },
    );
    return json(credentialApplicationJson(
      app,
      clientSecret,
      ctx.state.deps.vapid.publicKey,
    ));
  },
});
