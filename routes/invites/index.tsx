import { formError } from "../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../utils.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { FormErrors } from "../../components/FormErrors.tsx";
import { InviteTable, type InviteView } from "../../components/InviteTable.tsx";
import { signedInForm } from "../../lib/web/actions.ts";
import { field } from "../../lib/web/forms.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { inviteView } from "../../lib/web/invites.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import {
  createInvite,
  INVITE_EXPIRIES,
  INVITE_MAX_USES,
  loadActor,
  ownInvites,
} from "../../lib/moderation/mod.ts";
import type { PageContext } from "../../lib/web/pages.ts";

interface Data {
  invites: InviteView[];
  errors: string[];
}

async function load(ctx: PageContext, errors: string[] = []): Promise<Data> {
  const { deps, session } = ctx.state;
  const actor = await loadActor(deps.sql, session!.user);
  const invites = await ownInvites(deps.sql, actor, session!.user.id);
  return {
    invites: invites.map((i) => inviteView(i, deps.config.origin)),
    errors,
  };
}

/**
 * /invites — the invite links the signed-in user made (with `invite_users`); POST makes one.
 * Whoever signs up through a link gets in even while registrations are closed.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await load(ctx));
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { deps } = ctx.state;
    const number = (name: string) => {
      const value = field(form, name);
      return value ? Number(value) : null;
    };
    try {
      await createInvite(
        deps.sql,
        await loadActor(deps.sql, session.user),
        session.user.id,
        {
          maxUses: number("max_uses"),
          expiresIn: number("expires_in"),
          autofollow: field(form, "autofollow") === "1",
          comment: field(form, "comment"),
        },
      );
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page(await load(ctx, [formError(messages(ctx), error)]), {
          status: 422,
        });
      }
      throw error;
    }
    return ctx.redirect("/invites", 303);
  },
});

export default define.page<typeof handler>(function Invites({ data, state }) {
  const t = messages({ state }).invites;
  return (
    <section class="card">
      <PageHead title={t.title} />
      <SettingsNav
        current="/invites"
        labels={messages({ state }).settings.nav}
      />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      <form method="post" action="/invites" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.maxUses}{" "}
          <select name="max_uses">
            <option value="">{t.noLimit}</option>
            {INVITE_MAX_USES.map((n) => (
              <option key={n} value={n}>
                {t.uses(n)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.expireAfter}{" "}
          <select name="expires_in">
            <option value="">{t.never}</option>
            {INVITE_EXPIRIES.map(([seconds, label]) => (
              <option
                key={seconds}
                value={seconds}
                selected={seconds === 604800}
              >
                {t.expiries[seconds] ?? label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" name="autofollow" value="1" /> {t.autofollow}
        </label>
        <label>
          {t.comment} <input name="comment" maxLength={420} />
        </label>
        <button type="submit">{t.generate}</button>
      </form>
      <InviteTable
        invites={data.invites}
        showInviter={false}
        labels={t.table}
        locale={state.locale ?? "en"}
        expire={(invite) => (
          <form method="post" action={`/invites/${invite.id}/expire`}>
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <button type="submit" class="small">{t.expire}</button>
          </form>
        )}
      />
    </section>
  );
});
