import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  checkUnsubscribeLink,
  type MailChoice,
  unsubscribe,
} from "../../lib/mail/mod.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { messages } from "../../lib/web/pages.ts";
import { fill } from "../../lib/i18n/fill.ts";

interface Data {
  type: MailChoice;
  done: boolean;
  action: string;
}

function linkOf(url: URL) {
  return {
    user: url.searchParams.get("user") ?? "",
    type: url.searchParams.get("type") ?? "",
    signature: url.searchParams.get("signature") ?? "",
  };
}

/**
 * The signed link in every notification e-mail (`List-Unsubscribe`). POST turns that type of
 * e-mail off without signing in — what a mail client's one-click unsubscribe sends (RFC 8058,
 * body `List-Unsubscribe=One-Click`); the signature is the permission, so there is no CSRF
 * token. GET only shows a button for it, so a link scanner opening the URL changes nothing.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const type = await checkUnsubscribeLink(ctx.state.deps, linkOf(ctx.url));
    return page({
      type,
      done: false,
      action: ctx.url.pathname + ctx.url.search,
    });
  },
  async POST(ctx) {
    const type = await unsubscribe(ctx.state.deps, linkOf(ctx.url));
    return page({ type, done: true, action: "" });
  },
});

export default define.page<typeof handler>(function Unsubscribe(
  { data, state },
) {
  const all = messages({ state });
  const t = all.settings.unsubscribe;
  const what = { what: all.mail.notificationTypeNames[data.type] };
  return (
    <section class="card narrow">
      <PageHead title={t.title} />
      <h1>{fill(t.heading, what)}</h1>
      {data.done
        ? (
          <p role="status">
            {fill(t.doneBefore, what)}
            <a href="/settings/preferences">{t.doneLink}</a>
            {t.doneAfter}
          </p>
        )
        : (
          <form method="post" action={data.action}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{fill(t.stop, what)}</button>
          </form>
        )}
    </section>
  );
});
