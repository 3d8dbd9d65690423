import { HttpError, page } from "fresh";
import { define } from "../utils.ts";
import { CSRF_FAILED, field, readVerifiedForm } from "../lib/web/forms.ts";
import {
  type Intent,
  INTENT_TITLES,
  isIntent,
} from "../lib/web/interaction.ts";
import { messages, type PageContext } from "../lib/web/pages.ts";
import { FormErrors } from "../components/FormErrors.tsx";
import { PageHead } from "../components/PageHead.tsx";

interface Data {
  intent: Intent;
  uri: string;
  handle: string;
  errors: string[];
}

function params(
  ctx: PageContext,
  url: URL | FormData,
): { intent: Intent; uri: string } {
  const get = (name: string) =>
    url instanceof URL
      ? url.searchParams.get(name)
      : typeof url.get(name) === "string"
      ? url.get(name) as string
      : null;
  const intent = get("intent");
  const uri = get("uri") ?? "";
  if (!isIntent(intent) || !/^https?:\/\/\S+$/.test(uri)) {
    throw new HttpError(400, messages(ctx).interact.badLink);
  }
  return { intent, uri };
}

/**
 * `/interact?intent=favourite&uri=…`: for visitors with an account on another server (Mastodon's
 * remote interaction). They give their handle; we look up their server's WebFinger (through our
 * checked fetch) and send them to its page for this (`authorize_interaction`, FEP-3b86).
 */
export const handler = define.handlers<Data>({
  GET(ctx) {
    return page({ ...params(ctx, ctx.url), handle: "", errors: [] });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    if (!form) throw new HttpError(403, CSRF_FAILED);
    const { intent, uri } = params(ctx, form);
    const t = messages(ctx).interact;
    const handle = field(form, "handle").trim().replace(/^@/, "");
    const [user, host] = handle.split("@");
    if (!user || !host) {
      return page({
        intent,
        uri,
        handle,
        errors: [t.badHandle],
      }, { status: 422 });
    }
    // One of ours: straight to our own page for it.
    if (host.toLowerCase() === deps.config.host.toLowerCase()) {
      return ctx.redirect(
        `/authorize_interaction?uri=${encodeURIComponent(uri)}`,
        303,
      );
    }
    const target = await deps.remoteInteractionUrl(handle, intent, uri)
      .catch(() => null);
    if (!target) {
      return page({
        intent,
        uri,
        handle,
        errors: [t.noAnswer(host)],
      }, { status: 422 });
    }
    return new Response(null, { status: 303, headers: { location: target } });
  },
});

export default define.page<typeof handler>(function Interact(
  { data, state },
) {
  const t = messages({ state }).interact;
  const title = t[INTENT_TITLES[data.intent]];
  return (
    <section class="card">
      <PageHead title={title} />
      <h1>{title}</h1>
      <p>{t.intro}</p>
      <FormErrors errors={data.errors} />
      <form method="post" action="/interact" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <input type="hidden" name="intent" value={data.intent} />
        <input type="hidden" name="uri" value={data.uri} />
        <label for="interact-handle">{t.yourHandle}</label>
        <input
          id="interact-handle"
          name="handle"
          value={data.handle}
          placeholder={t.handlePlaceholder}
          autocomplete="username"
          required
          spellcheck={false}
          autocapitalize="none"
        />
        <div>
          <button type="submit">{t.goToServer}</button>
        </div>
      </form>
      <p class="help">
        {t.orSearch} <code class="break">{data.uri}</code>
      </p>
      <p>
        {t.haveAccountHere}{" "}
        <a
          href={`/auth/sign_in?return_to=${
            encodeURIComponent(
              `/authorize_interaction?uri=${encodeURIComponent(data.uri)}`,
            )
          }`}
        >
          {t.signIn}
        </a>
      </p>
    </section>
  );
});
