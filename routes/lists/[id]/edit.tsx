import { formError } from "../../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import {
  addListAccounts,
  deleteList,
  getList,
  listAccounts,
  removeListAccounts,
  updateList,
} from "../../../lib/domain/lists.ts";
import { listRelated } from "../../../lib/domain/relationships.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import {
  messages,
  type PageContext,
  signInFirst,
  uiAccount,
} from "../../../lib/web/pages.ts";
import type { UiAccount } from "../../../components/mastodon.ts";
import {
  ListFields,
  type ListSettings,
  listSettingsOf,
} from "../../../components/ListFields.tsx";
import { AccountRow } from "../../../components/AccountRow.tsx";
import { PostButton } from "../../../components/PostButton.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  id: string;
  settings: ListSettings;
  members: UiAccount[];
  /** People the viewer follows who are not in the list yet. */
  candidates: UiAccount[];
  errors: string[];
  notice: Notice | null;
}

/** Members shown, and followed accounts offered, at most (the API pages beyond this). */
const SHOWN = 80;

const NOTICES = ["created", "saved", "added", "removed"] as const;
type Notice = typeof NOTICES[number];

async function load(
  ctx: PageContext,
  errors: string[] = [],
  settings?: ListSettings,
): Promise<Data> {
  const { deps, session } = ctx.state;
  const ownerId = session!.account.id;
  const list = await getList(deps.sql, ownerId, ctx.params.id);
  const members = await listAccounts(deps.sql, ownerId, list.id, SHOWN);
  const memberIds = new Set(members.map((m) => m.id));
  const following = await listRelated(deps, "following", ownerId, {
    limit: SHOWN,
  });
  const notice = NOTICES.find((k) => ctx.url.searchParams.has(k));
  return {
    id: list.id,
    settings: settings ?? {
      title: list.title,
      repliesPolicy: list.replies_policy,
      exclusive: list.exclusive,
    },
    members: members.map((m) => uiAccount(ctx, m)),
    candidates: following.filter((a) => !memberIds.has(a.id)).map((a) =>
      uiAccount(ctx, a)
    ),
    errors,
    notice: notice ?? null,
  };
}

/**
 * `/lists/:id/edit`: rename the list, choose its replies policy and whether it is exclusive,
 * add and remove members (people the viewer follows), or delete it. Every form posts here
 * with an `op`.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    return page(await load(ctx));
  },
  async POST(ctx) {
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { session, form } = await signedInForm(ctx);
    const { sql } = ctx.state.deps;
    const ownerId = session.account.id;
    const id = ctx.params.id;
    const here = `/lists/${id}/edit`;
    const op = field(form, "op");
    const accountId = field(form, "account_id");
    if (op === "delete") {
      await deleteList(sql, ownerId, id);
      return ctx.redirect("/lists", 303);
    }
    if (op === "add") {
      await addListAccounts(sql, ownerId, id, [accountId]);
      return ctx.redirect(`${here}?added=1`, 303);
    }
    if (op === "remove") {
      await removeListAccounts(sql, ownerId, id, [accountId]);
      return ctx.redirect(`${here}?removed=1`, 303);
    }
    const settings = listSettingsOf((name) => field(form, name));
    try {
      await updateList(sql, ownerId, id, settings);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page(
        await load(ctx, [formError(messages(ctx), error)], settings),
        { status: 422 },
      );
    }
    return ctx.redirect(`${here}?saved=1`, 303);
  },
});

export default define.page<typeof handler>(function EditList(
  { data, state },
) {
  const here = `/lists/${data.id}/edit`;
  const t = messages({ state }).lists;
  const member = (account: UiAccount, op: "add" | "remove") => (
    <AccountRow
      key={account.id}
      account={account}
      csrf={state.csrfToken}
      returnTo={here}
    >
      <PostButton
        action={here}
        csrf={state.csrfToken}
        returnTo={here}
        fields={{ op, account_id: account.id }}
        secondary={op === "remove"}
      >
        {op === "add" ? t.add : t.remove}
        <span class="visually-hidden">@{account.acct}</span>
      </PostButton>
    </AccountRow>
  );
  return (
    <>
      <PageHead title={t.editListNamed(data.settings.title)} />
      <header class="page-header">
        <h1>{t.editList}</h1>
        <a class="button secondary small" href={`/lists/${data.id}`}>
          {t.openList}
        </a>
      </header>
      {data.notice && <p class="notice" role="status">{t[data.notice]}</p>}
      <section class="card" aria-labelledby="list-settings">
        <h2 id="list-settings">{t.settings}</h2>
        <FormErrors errors={data.errors} />
        <form method="post" action={here} class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <input type="hidden" name="op" value="update" />
          <ListFields list={data.settings} id="list" labels={t} />
          <div>
            <button type="submit">{t.saveList}</button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="list-members">
        <h2 id="list-members">{t.members}</h2>
        <div class="timeline">
          {data.members.map((account) => member(account, "remove"))}
          {data.members.length === 0 && <p class="empty">{t.noMembers}</p>}
        </div>
      </section>
      <section class="card" aria-labelledby="list-add">
        <h2 id="list-add">{t.addPeople}</h2>
        <div class="timeline">
          {data.candidates.map((account) => member(account, "add"))}
          {data.candidates.length === 0 && (
            <p class="empty">{t.everyoneIsIn}</p>
          )}
        </div>
      </section>
      <section class="card" aria-labelledby="list-delete">
        <h2 id="list-delete">{t.deleteTitle}</h2>
        <p>{t.deleteDetail}</p>
        <PostButton
          action={here}
          csrf={state.csrfToken}
          returnTo="/lists"
          fields={{ op: "delete" }}
        >
          {t.deleteList}
        </PostButton>
      </section>
    </>
  );
});
