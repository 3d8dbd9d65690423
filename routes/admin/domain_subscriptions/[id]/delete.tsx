import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  getSubscription,
  type SubscriptionRow,
  unsubscribe,
} from "../../../../lib/moderation/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  subscription: SubscriptionRow;
}

/** /admin/domain_subscriptions/:id/delete — asks first (GET), then unsubscribes (POST). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const { subscription } = await getSubscription(
      deps.sql,
      moderator ?? null,
      ctx.params.id,
    );
    return page({ subscription });
  },
  async POST(ctx) {
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await unsubscribe(deps.sql, moderator ?? null, ctx.params.id);
    return ctx.redirect("/admin/domain_subscriptions", 303);
  },
});

export default define.page<typeof handler>(function Unsubscribe(
  { data, state },
) {
  const { subscription: s } = data;
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.subscriptions;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.unsubscribeTitle}`} />
      <h1>{t.unsubscribeQuestion(s.url)}</h1>
      <p>{t.unsubscribeDetail}</p>
      <form method="post" action={`/admin/domain_subscriptions/${s.id}/delete`}>
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <button type="submit">{t.unsubscribe}</button>{" "}
        <a href={`/admin/domain_subscriptions/${s.id}`}>{admin.cancel}</a>
      </form>
    </>
  );
});
