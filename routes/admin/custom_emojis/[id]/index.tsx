import { formError } from "../../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { FormErrors } from "../../../../components/FormErrors.tsx";
import { EmojiCategoryField } from "../../../../components/EmojiCategoryField.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { field } from "../../../../lib/web/forms.ts";
import { messages, type PageContext } from "../../../../lib/web/pages.ts";
import { DomainError } from "../../../../lib/domain/errors.ts";
import {
  type CategoryRow,
  changeEmoji,
  copyEmoji,
  emojiCategories,
  type EmojiChange,
  emojiJson,
  getEmoji,
} from "../../../../lib/emoji/mod.ts";
import type { AdminEmoji } from "../index.tsx";

interface Data {
  emoji: AdminEmoji & { static_url: string; remote_url: string | null };
  categories: CategoryRow[];
  errors: string[];
}

async function load(ctx: PageContext, errors: string[]): Promise<Data> {
  const { deps, moderator } = ctx.state;
  const row = await getEmoji(deps.sql, moderator ?? null, ctx.params.id);
  const categories = await emojiCategories(deps.sql, moderator ?? null);
  const json = emojiJson(row, (key) => deps.media.url(key));
  return {
    emoji: {
      id: String(row.id),
      shortcode: row.shortcode,
      domain: row.domain,
      url: json.url,
      static_url: json.static_url,
      remote_url: row.image_remote_url,
      category: row.category,
      visible_in_picker: row.visible_in_picker,
      disabled: row.disabled,
    },
    categories,
    errors,
  };
}

function changeOf(form: FormData): EmojiChange | null {
  switch (field(form, "change")) {
    case "category":
      return { kind: "category", category: field(form, "category") };
    case "show":
      return { kind: "picker", visible: true };
    case "hide":
      return { kind: "picker", visible: false };
    case "enable":
      return { kind: "enabled", enabled: true };
    case "disable":
      return { kind: "enabled", enabled: false };
    default:
      return null;
  }
}

/**
 * /admin/custom_emojis/:id — one emoji: its category, whether the picker shows it, enabled or
 * disabled; a remote one can be copied to local. Each button posts `change` (or `copy`).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    return page(await load(ctx, []));
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    try {
      if (field(form, "change") === "copy") {
        const copy = await copyEmoji(deps, moderator ?? null, ctx.params.id);
        return ctx.redirect(`/admin/custom_emojis/${copy.id}`, 303);
      }
      const change = changeOf(form);
      if (change) {
        await changeEmoji(deps.sql, moderator ?? null, ctx.params.id, change);
      }
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page(await load(ctx, [formError(messages(ctx), error)]), {
        status: 422,
      });
    }
    return ctx.redirect(`/admin/custom_emojis/${ctx.params.id}`, 303);
  },
});

export default define.page<typeof handler>(function CustomEmoji(
  { data, state },
) {
  const { emoji } = data;
  const action = `/admin/custom_emojis/${emoji.id}`;
  const { admin, adminServer } = messages({ state });
  const t = adminServer.emojis;
  const button = (change: string, label: string) => (
    <form method="post" action={action} class="inline">
      <input type="hidden" name="_csrf" value={state.csrfToken} />
      <input type="hidden" name="change" value={change} />
      <button type="submit">{label}</button>
    </form>
  );
  const name = admin.confirm.emojiName(emoji.shortcode, emoji.domain);
  return (
    <>
      <PageHead title={`${admin.administration} · ${name}`} />
      <p>
        <a href="/admin/custom_emojis">{t.allLink}</a>
      </p>
      <h1>
        <img
          src={emoji.url}
          alt={`:${emoji.shortcode}:`}
          class="custom-emoji"
          width={48}
          height={48}
        />{" "}
        {name}
      </h1>
      <FormErrors errors={data.errors} />
      <dl>
        <dt>{t.state}</dt>
        <dd>{emoji.disabled ? t.disabled : t.enabled}</dd>
        <dt>{t.picker}</dt>
        <dd>{emoji.visible_in_picker ? t.shown : t.hidden}</dd>
        {emoji.remote_url && (
          <>
            <dt>{t.remoteImage}</dt>
            <dd>
              <a href={emoji.remote_url} rel="noopener noreferrer">
                {emoji.remote_url}
              </a>
            </dd>
          </>
        )}
      </dl>
      {emoji.domain === null && (
        <form method="post" action={action} class="card stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <input type="hidden" name="change" value="category" />
          <EmojiCategoryField
            label={t.categoryOrNone}
            value={emoji.category ?? ""}
            categories={data.categories}
          />
          <button type="submit">{t.saveCategory}</button>
        </form>
      )}
      <p>
        {emoji.visible_in_picker
          ? button("hide", t.hide)
          : button("show", t.show)} {emoji.disabled
          ? button("enable", t.enable)
          : button("disable", t.disable)}{" "}
        {emoji.domain !== null && button("copy", t.copy)}{" "}
        <a href={`${action}/delete`}>{admin.delete}</a>
      </p>
    </>
  );
});
