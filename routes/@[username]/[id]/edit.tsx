import { formError } from "../../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getOwnStatus } from "../../../lib/domain/statuses.ts";
import { editStatus } from "../../../lib/domain/status-changes.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { messages, signInFirst } from "../../../lib/web/pages.ts";
import { fill } from "../../../lib/i18n/fill.ts";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { PageHead } from "../../../components/PageHead.tsx";
import {
  attachedMedia,
  type MediaAttributes,
} from "../../../lib/domain/media.ts";
import type { PageContext } from "../../../lib/web/pages.ts";

/** An attached file as the form shows it: its preview, alt text and focal point. */
interface MediaField {
  id: string;
  previewUrl: string;
  description: string;
  focusX: number;
  focusY: number;
}

interface Data {
  text: string;
  spoilerText: string;
  media: MediaField[];
  back: string;
  errors: string[];
}

async function mediaFields(
  ctx: PageContext,
  statusId: string,
): Promise<MediaField[]> {
  const { deps } = ctx.state;
  return (await attachedMedia(deps.sql, statusId)).map((m) => {
    const focus = (m.meta as { focus?: { x: number; y: number } }).focus;
    const key = m.preview_key ?? m.file_key;
    return {
      id: m.id,
      previewUrl: key ? deps.media.url(key) : m.remote_url ?? "",
      description: m.description ?? "",
      focusX: focus?.x ?? 0,
      focusY: focus?.y ?? 0,
    };
  });
}

/** The form's `media[i][…]` fields as Mastodon's `media_attributes`. */
function mediaAttributesOf(form: FormData): MediaAttributes[] {
  return form.getAll("media_id").map((id, i) => ({
    id: String(id),
    description: String(form.getAll("media_description")[i] ?? ""),
    focus: `${form.getAll("media_focus_x")[i] ?? 0},${
      form.getAll("media_focus_y")[i] ?? 0
    }`,
  }));
}

/**
 * `/@alice/123/edit`: the author changes a post's text, content warning, and its images' alt
 * text and focal points (as `PUT /api/v1/statuses/:id` with `media_attributes` does); the
 * earlier version stays in its edit history.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const status = await getOwnStatus(
      ctx.state.deps,
      session.account.id,
      ctx.params.id,
    );
    return page({
      text: status.text,
      spoilerText: status.spoiler_text,
      media: await mediaFields(ctx, status.id),
      back: `/@${ctx.params.username}/${status.id}`,
      errors: [],
    });
  },
  async POST(ctx) {
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { session, form } = await signedInForm(ctx);
    const back = `/@${ctx.params.username}/${ctx.params.id}`;
    const text = field(form, "status");
    const spoilerText = field(form, "spoiler_text");
    try {
      await editStatus(ctx.state.deps, session.account.id, ctx.params.id, {
        status: text,
        spoilerText,
        mediaAttributes: mediaAttributesOf(form),
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page({
        text,
        spoilerText,
        media: await mediaFields(ctx, ctx.params.id),
        back,
        errors: [formError(messages(ctx), error)],
      }, { status: 422 });
    }
    return ctx.redirect(back, 303);
  },
});

export default define.page<typeof handler>(function EditPost(ctx) {
  const { data, state } = ctx;
  const t = messages(ctx).compose;
  return (
    <section class="card compose-card">
      <PageHead title={t.editPost} />
      <h1>{t.editPost}</h1>
      <FormErrors errors={data.errors} />
      <form method="post" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.contentWarningOptional}
          <input name="spoiler_text" value={data.spoilerText} maxLength={500} />
        </label>
        <label>
          {t.text}
          <textarea name="status" rows={6}>{data.text}</textarea>
        </label>
        {data.media.map((m, i) => (
          <fieldset key={m.id} class="media-edit">
            <legend>{fill(t.box.image, { n: i + 1 })}</legend>
            <input type="hidden" name="media_id" value={m.id} />
            <img src={m.previewUrl} alt={m.description} width={160} />
            <label>
              {t.altText}
              <textarea name="media_description" rows={2} maxLength={1500}>
                {m.description}
              </textarea>
            </label>
            {([
              ["x", t.focalPointAcrossRange, m.focusX],
              ["y", t.focalPointDownRange, m.focusY],
            ] as const).map(([axis, label, value]) => (
              <label key={axis}>
                {label}{" "}
                <input
                  name={`media_focus_${axis}`}
                  type="number"
                  min={-1}
                  max={1}
                  step={0.01}
                  value={value}
                />
              </label>
            ))}
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit">{t.saveChanges}</button>
          <a class="button secondary" href={data.back}>{t.cancel}</a>
        </div>
      </form>
    </section>
  );
});
