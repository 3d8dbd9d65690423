import { formError } from "../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import {
  createWarningPreset,
  listWarningPresets,
  requirePermission,
  type WarningPresetRow,
} from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  presets: WarningPresetRow[];
  error: string | null;
}

/**
 * /admin/warning_presets — texts moderators pick when warning an account (`manage_settings`):
 * the list, and a form to add one.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    requirePermission(moderator ?? null, "manage_settings");
    return page({
      presets: await listWarningPresets(deps.sql, moderator ?? null),
      error: null,
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    try {
      await createWarningPreset(deps.sql, moderator ?? null, {
        title: String(form.get("title") ?? ""),
        text: String(form.get("text") ?? ""),
      });
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === "validation")) {
        throw error;
      }
      return page({
        presets: await listWarningPresets(deps.sql, moderator ?? null),
        error: formError(messages(ctx), error),
      }, { status: 422 });
    }
    return ctx.redirect("/admin/warning_presets", 303);
  },
});

export default define.page<typeof handler>(function Presets({ data, state }) {
  const { admin, adminServer } = messages({ state });
  const t = adminServer.presets;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      {data.presets.length === 0
        ? <p class="empty">{t.empty}</p>
        : (
          <ul class="stack">
            {data.presets.map((p) => (
              <li key={p.id}>
                <a href={`/admin/warning_presets/${p.id}`}>
                  {p.title || t.untitled}
                </a>: {p.text}
              </li>
            ))}
          </ul>
        )}
      <h2>{t.addTitle}</h2>
      {data.error && <p class="error" role="alert">{data.error}</p>}
      <form method="post" action="/admin/warning_presets" class="card">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.heading}
          <input name="title" maxLength={200} />
        </label>
        <label>
          {t.text}
          <textarea name="text" rows={3} required />
        </label>
        <button type="submit">{t.add}</button>
      </form>
    </>
  );
});
