import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { notFound } from "../../../lib/domain/errors.ts";
import {
  deleteWarningPreset,
  listWarningPresets,
  requirePermission,
  updateWarningPreset,
  type WarningPresetRow,
} from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  preset: WarningPresetRow;
}

/**
 * /admin/warning_presets/:id — edit a preset, or delete it (`do=delete`, after ticking the
 * confirmation box). Warnings already given keep their text.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    requirePermission(moderator ?? null, "manage_settings");
    const preset = (await listWarningPresets(deps.sql, moderator ?? null))
      .find((p) => p.id === ctx.params.id);
    if (!preset) throw notFound();
    return page({ preset });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    if (form.get("do") === "delete") {
      if (form.get("confirm") !== "1") {
        return ctx.redirect(`/admin/warning_presets/${ctx.params.id}`, 303);
      }
      await deleteWarningPreset(deps.sql, moderator ?? null, ctx.params.id);
    } else {
      await updateWarningPreset(deps.sql, moderator ?? null, ctx.params.id, {
        title: String(form.get("title") ?? ""),
        text: String(form.get("text") ?? ""),
      });
    }
    return ctx.redirect("/admin/warning_presets", 303);
  },
});

export default define.page<typeof handler>(function Preset({ data, state }) {
  const { preset } = data;
  const action = `/admin/warning_presets/${preset.id}`;
  const csrf = <input type="hidden" name="_csrf" value={state.csrfToken} />;
  const { admin, adminServer } = messages({ state });
  const t = adminServer.presets;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.oneTitle}`} />
      <h1>{t.oneTitle}</h1>
      <form method="post" action={action} class="card">
        {csrf}
        <label>
          {t.heading}
          <input name="title" maxLength={200} value={preset.title} />
        </label>
        <label>
          {t.text}
          <textarea name="text" rows={3} required>{preset.text}</textarea>
        </label>
        <button type="submit">{admin.save}</button>
      </form>
      <form method="post" action={action} class="card">
        {csrf}
        <label>
          <input type="checkbox" name="confirm" value="1" required />{" "}
          {t.deleteConfirm}
        </label>
        <button type="submit" name="do" value="delete">
          {admin.delete}
        </button>
      </form>
    </>
  );
});
