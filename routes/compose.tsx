import { formError } from "../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../utils.ts";
import { createStatusWithUploads } from "../lib/domain/compose.ts";
import { DomainError } from "../lib/domain/errors.ts";
import {
  parseLocalScheduledAt,
  scheduleStatus,
} from "../lib/domain/scheduled-statuses.ts";
import { MEDIA_LIMITS } from "../lib/domain/media.ts";
import { MAX_MEDIA } from "../lib/domain/status-input.ts";
import { attachedFiles, field } from "../lib/web/forms.ts";
import { backTo, signedInForm } from "../lib/web/actions.ts";
import { messages, type PageContext, signInFirst } from "../lib/web/pages.ts";
import { fill } from "../lib/i18n/fill.ts";
import { languageChoices } from "../lib/i18n/post-languages.ts";
import { pickerEmojis } from "../lib/emoji/mod.ts";
import type { PickerEmoji } from "../components/EmojiPicker.tsx";
import { rateLimitHeaders } from "../lib/web/rate-limit.ts";
import { FormErrors } from "../components/FormErrors.tsx";
import ComposeBox from "../islands/ComposeBox.tsx";
import type { Visibility } from "../components/mastodon.ts";
import { PageHead } from "../components/PageHead.tsx";
import {
  MAX_POLL_OPTIONS,
  MIN_POLL_OPTIONS,
  type PollDraft,
  pollWanted,
} from "../components/ComposePoll.tsx";

/** What the compose form (or a redraft link) carries. */
function draftFrom(form: FormData): Draft {
  return {
    text: field(form, "status") || field(form, "text"),
    spoilerText: field(form, "spoiler_text"),
    contentWarning: field(form, "content_warning") === "on",
    language: field(form, "language") || undefined,
    visibility: (field(form, "visibility") || undefined) as
      | Visibility
      | undefined,
    inReplyToId: field(form, "in_reply_to_id") || undefined,
    poll: pollDraft(form),
    returnTo: field(form, "return_to") || "/home",
    scheduledAt: field(form, "scheduled_at"),
    timezoneOffset: Number(field(form, "timezone_offset") || 0),
  };
}

/** The poll fields of the no-JavaScript form (`poll_options` repeated, blanks dropped later). */
function pollDraft(form: FormData): PollDraft {
  const options = form.getAll("poll_options")
    .filter((o): o is string => typeof o === "string")
    .slice(0, MAX_POLL_OPTIONS);
  while (options.length < MIN_POLL_OPTIONS) options.push("");
  return {
    options,
    multiple: field(form, "poll_multiple") === "on",
    hideTotals: field(form, "poll_hide_totals") === "on",
    expiresIn: Number(field(form, "poll_expires_in")) || 86400,
  };
}

/** What was typed, given back when the post was refused. */
interface Draft {
  text: string;
  spoilerText: string;
  contentWarning: boolean;
  /** The post's language code, as the menu sent it. */
  language?: string;
  visibility?: Visibility;
  inReplyToId?: string;
  poll: PollDraft;
  returnTo: string;
  /** "Post at", as the datetime-local field sent it (no zone), or "". */
  scheduledAt: string;
  /** The browser's `getTimezoneOffset()` for that time; 0 (UTC) without JavaScript. */
  timezoneOffset: number;
}

interface Data {
  errors: string[];
  /** Just scheduled (no page lists scheduled posts yet): when it will be posted. */
  scheduled?: Date;
  draft?: Draft;
  emojis: PickerEmoji[];
}

function loadPicker(ctx: PageContext): Promise<PickerEmoji[]> {
  const { deps } = ctx.state;
  return pickerEmojis(deps.sql, (key) => deps.media.url(key));
}

/** The most a compose form may weigh: its files at their limit, and room for the text. */
const COMPOSE_BODY_LIMIT = MAX_MEDIA * MEDIA_LIMITS.image_size_limit +
  256 * 1024;

/**
 * The compose form's no-JavaScript path (`POST /compose`, multipart with up to four files and
 * their alt text), and a page of its own for writing a post. The compose island posts through
 * the API instead.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    // "Delete and redraft" comes here with the deleted post's fields in the query, "New
    // message" (direct messages) with its visibility.
    const emojis = await loadPicker(ctx);
    if (ctx.url.searchParams.size === 0) return page({ errors: [], emojis });
    const scheduled = new Date(ctx.url.searchParams.get("scheduled") ?? "");
    if (!Number.isNaN(scheduled.getTime())) {
      return page({ errors: [], emojis, scheduled });
    }
    const fields = new FormData();
    for (const [name, value] of ctx.url.searchParams) {
      fields.append(name, value);
    }
    const draft = draftFrom(fields);
    draft.contentWarning = draft.spoilerText !== "";
    return page({ errors: [], draft, emojis });
  },
  async POST(ctx) {
    const t = messages(ctx).compose;
    const declared = Number(ctx.req.headers.get("content-length"));
    if (declared > COMPOSE_BODY_LIMIT) {
      throw new HttpError(
        413,
        fill(t.imagesTooLarge, {
          size: Math.floor(MEDIA_LIMITS.image_size_limit / 1048576),
        }),
      );
    }
    const { session, form } = await signedInForm(ctx);
    const draft = draftFrom(form);
    const warn = draft.contentWarning;
    const uploads = await attachedFiles(
      form,
      "media",
      "media_description",
      ["media_focus_x", "media_focus_y"],
    );
    const refused = ctx.state.deps.rateLimits.countMediaUploads(
      ctx.req,
      session.user.id,
      uploads.length,
    );
    if (refused) {
      return page({
        errors: [t.tooManyUploads],
        draft,
        emojis: await loadPicker(ctx),
      }, {
        status: 429,
        headers: rateLimitHeaders(refused),
      });
    }
    try {
      const input = {
        status: draft.text,
        spoilerText: warn ? draft.spoilerText : "",
        sensitive: warn && draft.spoilerText.trim() !== "",
        visibility: draft.visibility,
        language: draft.language,
        inReplyToId: draft.inReplyToId,
        poll: pollWanted(draft.poll)
          ? {
            options: draft.poll.options.filter((o) => o.trim() !== ""),
            multiple: draft.poll.multiple,
            hideTotals: draft.poll.hideTotals,
            expiresIn: draft.poll.expiresIn,
          }
          : null,
      };
      const at = parseLocalScheduledAt(
        draft.scheduledAt,
        draft.timezoneOffset,
      );
      if (at) {
        if (uploads.length > 0) {
          return page({
            errors: [t.scheduleWithoutImages],
            draft,
            emojis: await loadPicker(ctx),
          }, { status: 422 });
        }
        await scheduleStatus(ctx.state.deps, session, input, at);
        return ctx.redirect(
          `/compose?scheduled=${encodeURIComponent(at.toISOString())}`,
          303,
        );
      }
      await createStatusWithUploads(ctx.state.deps, session, input, uploads);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const errors = [formError(messages(ctx), error)];
      if (error.field === "media") {
        errors.push(t.chooseImagesAgain);
      }
      return page({ errors, draft, emojis: await loadPicker(ctx) }, {
        status: 422,
      });
    }
    return backTo(ctx, form, "/home");
  },
});

export default define.page<typeof handler>(function Compose(ctx) {
  const { data, state } = ctx;
  const { draft } = data;
  const t = messages(ctx).compose;
  const [movedBefore, movedAfter] = t.moved.split("{link}");
  const locale = state.locale ?? "en";
  // The posting default (Settings › Posting), else the interface language.
  const language = draft?.language ??
    state.session?.user.default_language ?? locale.split("-")[0];
  return (
    <section class="card compose-card">
      <PageHead title={t.newPost} />
      <h1>{t.newPost}</h1>
      {state.session?.account.moved_to_account_id && (
        <p class="notice" role="status">
          {movedBefore}
          <a href="/settings/migration">{t.movedLink}</a>
          {movedAfter}
        </p>
      )}
      <FormErrors errors={data.errors} />
      {data.scheduled && (
        <p class="notice" role="status">
          {fill(t.scheduledNotice, {
            time: data.scheduled.toLocaleString(locale, {
              timeZone: "UTC",
              dateStyle: "medium",
              timeStyle: "short",
            }),
          })}
        </p>
      )}
      <ComposeBox
        csrf={state.csrfToken}
        defaultVisibility={draft?.visibility ??
          (state.session?.user.default_privacy ?? "public") as Visibility}
        maxCharacters={500}
        inReplyToId={draft?.inReplyToId}
        initialText={draft?.text}
        initialSpoilerText={draft?.spoilerText}
        initialWarning={draft?.contentWarning}
        initialPoll={draft?.poll}
        returnTo={draft?.returnTo ?? "/home"}
        emojis={data.emojis}
        labels={t.box}
        locale={locale}
        languages={languageChoices(locale, language)}
        defaultLanguage={language}
        schedule
      />
    </section>
  );
});
