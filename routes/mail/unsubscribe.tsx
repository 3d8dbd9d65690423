import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  checkUnsubscribeLink,
  type MailChoice,
  notificationTypeName,
  unsubscribe,
} from "../../lib/mail/mod.ts";
import { PageHead } from "../../components/PageHead.tsx";

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

export default define.page<typeof handler>(function Unsubscribe({ data }) {
  const what = notificationTypeName(data.type);
  return (
    <section class="card narrow">
      <PageHead title="Unsubscribe" />
      <h1>E-mails about {what}</h1>
      {data.done
        ? (
          <p role="status">
            Done: you won't get e-mails about {what}{" "}
            any more. You can turn them on again in{" "}
            <a href="/settings/preferences">your preferences</a>.
          </p>
        )
        : (
          <form method="post" action={data.action}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">Stop e-mails about {what}</button>
          </form>
        )}
    </section>
  );
});
