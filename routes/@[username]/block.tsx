import { page } from "fresh";
import { define } from "../../utils.ts";
import { block } from "../../lib/domain/relationships.ts";
import { lookupAccount } from "../../lib/domain/profiles.ts";
import { accountActionHandler } from "../../lib/web/actions.ts";
import { messages, signInFirst, uiAccount } from "../../lib/web/pages.ts";
import { fill } from "../../lib/i18n/fill.ts";
import type { UiAccount } from "../../components/mastodon.ts";
import { Avatar } from "../../components/Avatar.tsx";
import { displayName, profilePath } from "../../components/format.ts";
import { BlockConsequences } from "../../components/BlockConsequences.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  account: UiAccount;
}

/**
 * `/@bob/block`: without JavaScript the profile menu's "Block" leads here, a page that asks
 * first; its form posts back here. (With JavaScript the menu asks in a dialog and uses the API.)
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    const { deps } = ctx.state;
    const row = await lookupAccount(
      deps.sql,
      ctx.params.username,
      deps.config.host,
    );
    return page({ account: uiAccount(ctx, row) });
  },
  POST: accountActionHandler(block),
});

export default define.page<typeof handler>(function ConfirmBlock(
  { data, state },
) {
  const { account } = data;
  const back = profilePath(account);
  const t = messages({ state }).block;
  const title = fill(t.title, { acct: account.acct });
  return (
    <section class="card narrow confirm-card" aria-labelledby="confirm-title">
      <div class="confirm-who">
        <Avatar account={account} size={48} />
        <div>
          <strong>{displayName(account)}</strong>
          <span class="acct">@{account.acct}</span>
        </div>
      </div>
      <PageHead title={title} />
      <h1 id="confirm-title">{title}</h1>
      <BlockConsequences labels={messages({ state }).accountActions} />
      <form method="post" class="actions">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <input type="hidden" name="return_to" value={back} />
        <button type="submit" class="danger">{t.block}</button>
        <a class="button secondary" href={back}>{t.cancel}</a>
      </form>
    </section>
  );
});
