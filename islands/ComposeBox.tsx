import { useEffect, useRef, useState } from "preact/hooks";
import { announceStatuses, api } from "../components/api.ts";
import type { UiStatus, Visibility } from "../components/mastodon.ts";
import { approximateStatusLength } from "../components/status-length.ts";
import {
  type Attachment,
  MediaFields,
  MediaPicker,
} from "../components/ComposeMedia.tsx";
import {
  ComposePoll,
  emptyPoll,
  type PollDraft,
  pollWanted,
} from "../components/ComposePoll.tsx";
import {
  EmojiPicker,
  insertShortcode,
  type PickerEmoji,
} from "../components/EmojiPicker.tsx";
import { fill } from "../lib/i18n/fill.ts";
import type { ComposeMessages } from "../lib/i18n/en/compose.ts";
import type { LanguageChoice } from "../lib/i18n/post-languages.ts";

/** The compose box's strings: the `compose.box` section of the page's language. */
export type ComposeBoxLabels = ComposeMessages["box"];

export interface ComposeBoxProps {
  csrf: string;
  defaultVisibility: Visibility;
  maxCharacters: number;
  /** Set when replying: the status replied to, and the mentions to start with. */
  inReplyToId?: string;
  initialText?: string;
  /** A refused post's content warning, given back. */
  initialSpoilerText?: string;
  initialWarning?: boolean;
  /** A refused post's poll, given back. */
  initialPoll?: PollDraft;
  /** Where the no-JavaScript form returns to. */
  returnTo: string;
  /** A unique prefix for element ids (two boxes on one page). */
  idPrefix?: string;
  /** The custom emoji the picker offers (visible_in_picker ones). */
  emojis?: PickerEmoji[];
  /** In the page's language (lib/i18n `compose.box`). */
  labels: ComposeBoxLabels;
  /** The page's locale: the poll lengths are spelled out in it. */
  locale: string;
  /** The languages the post can be marked as; no menu (the server's default) without them. */
  languages?: LanguageChoice[];
  /** The language chosen at first: the posting default, else the interface's. */
  defaultLanguage?: string;
  /** Offer "Post at" (a scheduled status). */
  schedule?: boolean;
}

/**
 * Writing a post: text with a live character count, images with alt text, an optional content
 * warning and the audience. With JavaScript it uploads the images through `POST /api/v2/media`,
 * posts through `POST /api/v1/statuses` and hands the new status to the timeline on the page;
 * without it, the same form posts to `/compose` as multipart.
 */
export default function ComposeBox(props: ComposeBoxProps) {
  const id = props.idPrefix ?? "compose";
  const t = props.labels;
  const visibilities: [Visibility, string][] = [
    ["public", t.visibilityPublic],
    ["unlisted", t.visibilityUnlisted],
    ["private", t.visibilityPrivate],
    ["direct", t.visibilityDirect],
  ];
  const [text, setText] = useState(props.initialText ?? "");
  const [spoiler, setSpoiler] = useState(props.initialSpoilerText ?? "");
  const [warn, setWarn] = useState(props.initialWarning ?? false);
  const [visibility, setVisibility] = useState<Visibility>(
    props.defaultVisibility,
  );
  const [language, setLanguage] = useState(props.defaultLanguage ?? "");
  // "2026-12-08T14:30" in the browser's zone (datetime-local has none), or "".
  const [scheduledAt, setScheduledAt] = useState("");
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<
    { kind: "error" | "ok"; text: string } | null
  >(null);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [poll, setPoll] = useState<PollDraft>(
    props.initialPoll ?? emptyPoll(),
  );
  // The server render (and the first render here) has the no-JavaScript file fields; once the
  // island runs, the picker replaces them.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pickEmoji = (shortcode: string) => {
    const box = textarea.current;
    const at = box ? box.selectionStart : text.length;
    const next = insertShortcode(text, at, shortcode);
    setText(next.text);
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  // What was typed and not posted survives a reload (this browser only); posting clears it.
  // A redraft's or refused post's text given by the page wins over an older draft.
  const draftKey = `starling:draft:${id}:${props.inReplyToId ?? ""}`;
  const draftLoaded = useRef(false);
  useEffect(() => {
    const saved = readDraft(draftKey);
    if (saved && (!props.initialText || props.inReplyToId)) {
      setText(saved.text);
      setSpoiler(saved.spoiler);
      setWarn(saved.warn);
      setVisibility(saved.visibility);
      setMessage({ kind: "ok", text: t.draftRestored });
    }
    draftLoaded.current = true;
  }, []);
  useEffect(() => {
    if (!draftLoaded.current) return;
    const untouched = text === (props.initialText ?? "") && spoiler === "";
    writeDraft(
      draftKey,
      untouched ? null : { text, spoiler, warn, visibility },
    );
  }, [text, spoiler, warn, visibility]);

  const used = approximateStatusLength(text) +
    (warn ? approximateStatusLength(spoiler) : 0);
  const left = props.maxCharacters - used;
  const withPoll = pollWanted(poll);
  const empty = text.trim() === "" && attachments.length === 0 && !withPoll;

  async function submit(event: Event) {
    event.preventDefault();
    if (sending || empty || left < 0) return;
    setSending(true);
    setMessage(null);
    const uploaded: string[] = [];
    let posted = false;
    try {
      for (const attachment of attachments) {
        uploaded.push(await upload(attachment, t));
      }
      const result = await api<UiStatus | ScheduledStatus>("/api/v1/statuses", {
        method: "POST",
        body: {
          status: text,
          spoiler_text: warn ? spoiler : "",
          sensitive: warn && spoiler.trim() !== "",
          visibility,
          language: props.languages && language ? language : undefined,
          in_reply_to_id: props.inReplyToId,
          media_ids: uploaded,
          poll: withPoll
            ? {
              options: poll.options.filter((o) => o.trim() !== ""),
              multiple: poll.multiple,
              hide_totals: poll.hideTotals,
              expires_in: poll.expiresIn,
            }
            : undefined,
          scheduled_at: scheduledAt
            ? new Date(scheduledAt).toISOString()
            : undefined,
        },
      });
      posted = true;
      writeDraft(draftKey, null);
      for (const a of attachments) URL.revokeObjectURL(a.previewUrl);
      setAttachments([]);
      setText(props.initialText ?? "");
      setSpoiler("");
      setWarn(false);
      setPoll(emptyPoll());
      setScheduledAt("");
      if ("params" in result) {
        const time = new Date(result.scheduled_at).toLocaleString(props.locale);
        setMessage({ kind: "ok", text: fill(t.scheduled, { time }) });
      } else {
        setMessage({ kind: "ok", text: t.posted });
        announceStatuses([result]);
      }
      textarea.current?.focus();
    } catch (e) {
      // Not attached to anything: remove them now rather than at the daily clean-up.
      if (!posted) {
        for (const id of uploaded) {
          api(`/api/v1/media/${id}`, { method: "DELETE" }).catch(() => {});
        }
      }
      setMessage({ kind: "error", text: (e as Error).message });
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      class="compose"
      method="post"
      action="/compose"
      enctype="multipart/form-data"
      onSubmit={submit}
      id={id}
    >
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="return_to" value={props.returnTo} />
      {props.inReplyToId && (
        <input type="hidden" name="in_reply_to_id" value={props.inReplyToId} />
      )}
      <label class="compose-cw">
        <span class="visually-hidden">{t.contentWarningText}</span>
        <input
          name="spoiler_text"
          placeholder={t.contentWarningPlaceholder}
          value={spoiler}
          maxLength={500}
          onInput={(e) => setSpoiler((e.target as HTMLInputElement).value)}
        />
      </label>
      <label for={`${id}-text`} class="visually-hidden">
        {props.inReplyToId ? t.replyLabel : t.textLabel}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textarea}
        name="status"
        rows={4}
        placeholder={props.inReplyToId ? t.replyPlaceholder : t.textPlaceholder}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        aria-describedby={`${id}-count`}
        // Images alone make a post; the server refuses an empty one without JavaScript.
        required={hydrated && attachments.length === 0 && !withPoll}
      />
      <EmojiPicker
        emojis={props.emojis ?? []}
        labels={t}
        onPick={hydrated ? pickEmoji : undefined}
      />
      {hydrated
        ? (
          <MediaPicker
            id={id}
            attachments={attachments}
            onChange={setAttachments}
            disabled={sending}
            labels={t}
          />
        )
        : <MediaFields id={id} labels={t} />}
      <ComposePoll
        id={id}
        poll={poll}
        onChange={setPoll}
        interactive={hydrated}
        labels={t}
        locale={props.locale}
      />
      {props.schedule && (
        <p class="compose-schedule">
          <label>
            {t.scheduleLabel}{" "}
            <input
              type="datetime-local"
              name="scheduled_at"
              value={scheduledAt}
              onInput={(e) =>
                setScheduledAt((e.target as HTMLInputElement).value)}
            />
          </label>
          {/* The browser's offset for that moment; without it the server reads UTC. */}
          <input
            type="hidden"
            name="timezone_offset"
            value={hydrated && scheduledAt
              ? String(new Date(scheduledAt).getTimezoneOffset())
              : ""}
          />
          {!hydrated && (
            <small class="compose-schedule-note">{t.scheduleUtcNote}</small>
          )}
        </p>
      )}
      <div class="compose-footer">
        <label class="compose-visibility">
          <span class="visually-hidden">{t.visibilityLabel}</span>
          <select
            name="visibility"
            value={visibility}
            onChange={(e) =>
              setVisibility(
                (e.target as HTMLSelectElement).value as Visibility,
              )}
          >
            {visibilities.map(([value, label]) => (
              <option value={value} selected={value === visibility}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {props.languages && (
          <label class="compose-language">
            <span class="visually-hidden">{t.languageLabel}</span>
            <select
              name="language"
              value={language}
              onChange={(e) =>
                setLanguage((e.target as HTMLSelectElement).value)}
            >
              {props.languages.map(({ code, name }) => (
                <option value={code} lang={code} selected={code === language}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="compose-cw-toggle">
          <label class="checkbox">
            <input
              type="checkbox"
              name="content_warning"
              value="on"
              checked={warn}
              onChange={(e) => setWarn((e.target as HTMLInputElement).checked)}
            />
            {t.contentWarning}
          </label>
        </div>
        <span
          id={`${id}-count`}
          class={left < 0 ? "char-count over" : "char-count"}
        >
          <span aria-hidden="true">{left}</span>
          <span class="visually-hidden">
            {fill(t.charactersLeft, { count: left })}
          </span>
        </span>
        <button type="submit" disabled={sending || left < 0}>
          {sending ? t.posting : props.inReplyToId ? t.reply : t.post}
        </button>
      </div>
      {/* Always in the page, so assistive technology hears what lands in it. */}
      <p
        class={message?.kind === "error"
          ? "compose-message error"
          : "compose-message"}
        role="status"
        aria-live="polite"
      >
        {message?.text}
      </p>
    </form>
  );
}

/** Uploads one image with its alt text; returns the attachment's id. */
async function upload(
  attachment: Attachment,
  t: ComposeBoxLabels,
): Promise<string> {
  const body = new FormData();
  body.append("file", attachment.file);
  const description = attachment.description.trim();
  if (description) body.append("description", description);
  if (attachment.focus) {
    body.append("focus", `${attachment.focus.x},${attachment.focus.y}`);
  }
  try {
    return (await api<{ id: string }>("/api/v2/media", {
      method: "POST",
      body,
    })).id;
  } catch (e) {
    throw new Error(
      fill(t.attachFailed, {
        name: attachment.file.name,
        reason: (e as Error).message,
      }),
    );
  }
}

/** What `POST /api/v1/statuses` answers for a post kept for later. */
interface ScheduledStatus {
  id: string;
  scheduled_at: string;
  params: unknown;
}

interface Draft {
  text: string;
  spoiler: string;
  warn: boolean;
  visibility: Visibility;
}

function readDraft(key: string): Draft | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "null");
    return value && typeof value.text === "string" ? value as Draft : null;
  } catch {
    return null; // storage off, or not ours
  }
}

/** Saves the draft, or forgets it (`null`); storage may be off or full: then nothing is kept. */
function writeDraft(key: string, draft: Draft | null) {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Nothing to do: the draft just won't survive a reload.
  }
}
