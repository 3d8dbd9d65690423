import { formError } from "../../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { EmojiCategoryField } from "../../../components/EmojiCategoryField.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { field } from "../../../lib/web/forms.ts";
import { messages, type PageContext } from "../../../lib/web/pages.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { can } from "../../../lib/moderation/mod.ts";
import {
  type CategoryRow,
  createEmoji,
  EMOJI_SIZE_LIMIT,
  type EmojiFilter,
  emojiJson,
  listEmojisForAdmin,
} from "../../../lib/emoji/mod.ts";

const PAGE_SIZE = 50;

export interface AdminEmoji {
  id: string;
  shortcode: string;
  domain: string | null;
  url: string;
  category: string | null;
  visible_in_picker: boolean;
  disabled: boolean;
}

interface Data {
  emojis: AdminEmoji[];
  categories: CategoryRow[];
  filter: Pick<EmojiFilter, "origin" | "query" | "domain">;
  next: string | null;
  errors: string[];
  shortcode: string;
  category: string;
}

function filterOf(url: URL): EmojiFilter {
  const origin = url.searchParams.get("origin");
  const after = url.searchParams.get("max_id") ?? "";
  return {
    origin: origin === "local" || origin === "remote" ? origin : "all",
    query: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    domain: (url.searchParams.get("domain") ?? "").trim().toLowerCase(),
    limit: PAGE_SIZE,
    after: /^\d{1,19}$/.test(after) ? after : null,
  };
}

async function load(
  ctx: PageContext,
  form: { errors: string[]; shortcode: string; category: string },
): Promise<Data> {
  const { deps, moderator } = ctx.state;
  const filter = filterOf(ctx.url);
  const { emojis, categories } = await listEmojisForAdmin(
    deps.sql,
    moderator ?? null,
    filter,
  );
  const next = emojis.length === PAGE_SIZE ? emojis.at(-1)!.id : null;
  return {
    emojis: emojis.map((row) => ({
      id: String(row.id),
      shortcode: row.shortcode,
      domain: row.domain,
      url: emojiJson(row, (key) => deps.media.url(key)).url,
      category: row.category,
      visible_in_picker: row.visible_in_picker,
      disabled: row.disabled,
    })),
    categories,
    filter: {
      origin: filter.origin,
      query: filter.query,
      domain: filter.domain,
    },
    next: next ? String(next) : null,
    ...form,
  };
}

/**
 * /admin/custom_emojis — the server's custom emoji (`manage_custom_emojis`): local and remote
 * ones, filtered and searched by shortcode; POST uploads a new local one.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!can(ctx.state.moderator ?? null, "manage_custom_emojis")) {
      throw new HttpError(403, messages(ctx).admin.forbidden);
    }
    return page(await load(ctx, { errors: [], shortcode: "", category: "" }));
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const shortcode = field(form, "shortcode");
    const category = field(form, "category");
    const file = form.get("image");
    try {
      await createEmoji(deps, moderator ?? null, {
        shortcode,
        category,
        bytes: file instanceof File
          ? new Uint8Array(await file.arrayBuffer())
          : new Uint8Array(),
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page(
        await load(ctx, {
          errors: [formError(messages(ctx), error)],
          shortcode,
          category,
        }),
        { status: 422 },
      );
    }
    return ctx.redirect("/admin/custom_emojis?origin=local", 303);
  },
});

export default define.page<typeof handler>(function CustomEmojis(
  { data, state, url },
) {
  const { filter } = data;
  const { admin, adminServer } = messages({ state });
  const t = adminServer.emojis;
  const tab = (origin: EmojiFilter["origin"], label: string) => {
    const href = origin === "all"
      ? "/admin/custom_emojis"
      : `/admin/custom_emojis?origin=${origin}`;
    return (
      <a
        href={href}
        aria-current={filter.origin === origin ? "page" : undefined}
      >
        {label}
      </a>
    );
  };
  const nextUrl = new URL(url);
  if (data.next) nextUrl.searchParams.set("max_id", data.next);
  return (
    <>
      <PageHead title={`${admin.administration} · ${t.title}`} />
      <h1>{t.title}</h1>
      <h2>{t.upload}</h2>
      <FormErrors errors={data.errors} />
      <form
        method="post"
        action="/admin/custom_emojis"
        enctype="multipart/form-data"
        class="card stack"
      >
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.shortcodeHint}
          <input
            name="shortcode"
            required
            pattern="[a-zA-Z0-9_]{2,}"
            maxLength={128}
            value={data.shortcode}
          />
        </label>
        <label>
          {t.image(EMOJI_SIZE_LIMIT / 1024)}
          <input
            type="file"
            name="image"
            required
            accept="image/png,image/gif,image/webp"
          />
        </label>
        <EmojiCategoryField
          label={t.categoryOptional}
          value={data.category}
          categories={data.categories}
        />
        <button type="submit">{t.uploadButton}</button>
      </form>
      <h2>{t.listTitle}</h2>
      <nav class="filters" aria-label={t.which}>
        {tab("all", t.all)} {tab("local", t.local)} {tab("remote", t.remote)}
      </nav>
      <form method="get" action="/admin/custom_emojis" class="inline">
        {filter.origin !== "all" && (
          <input type="hidden" name="origin" value={filter.origin} />
        )}
        {filter.domain && (
          <input type="hidden" name="domain" value={filter.domain} />
        )}
        <label>
          {t.shortcode} <input type="search" name="q" value={filter.query} />
        </label>{" "}
        <button type="submit">{admin.search}</button>
      </form>
      {data.emojis.length === 0
        ? <p class="empty">{t.empty}</p>
        : (
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">{t.emoji}</th>
                <th scope="col">{t.shortcode}</th>
                <th scope="col">{t.server}</th>
                <th scope="col">{t.category}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {data.emojis.map((emoji) => (
                <tr>
                  <td>
                    <img
                      src={emoji.url}
                      alt={`:${emoji.shortcode}:`}
                      class="custom-emoji"
                      width={32}
                      height={32}
                    />
                  </td>
                  <td>
                    <a href={`/admin/custom_emojis/${emoji.id}`}>
                      :{emoji.shortcode}:
                    </a>
                  </td>
                  <td>
                    {emoji.domain
                      ? (
                        <a
                          href={`/admin/custom_emojis?origin=remote&domain=${
                            encodeURIComponent(emoji.domain)
                          }`}
                        >
                          {emoji.domain}
                        </a>
                      )
                      : t.local}
                  </td>
                  <td>{emoji.category ?? ""}</td>
                  <td>
                    {emoji.disabled ? t.disabled : t.enabled}
                    {emoji.visible_in_picker ? "" : t.hiddenFromPicker}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      {data.next && (
        <a href={nextUrl.pathname + nextUrl.search}>{admin.older}</a>
      )}
    </>
  );
});
