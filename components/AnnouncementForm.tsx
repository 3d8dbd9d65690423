/** The fields of an announcement, for the new and edit pages (/admin/announcements). */
import type {
  AnnouncementInput,
  AnnouncementRow,
} from "../lib/instance/mod.ts";
import { field } from "../lib/web/forms.ts";
import type { AdminServerMessages } from "../lib/i18n/en/adminServer.ts";

export interface AnnouncementValues {
  text: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  scheduledAt: string;
}

/** `datetime-local` values are read as UTC (the label says so). */
function local(time: Date | null): string {
  return time ? time.toISOString().slice(0, 16) : "";
}

export function announcementValues(
  row: AnnouncementRow | null,
): AnnouncementValues {
  return {
    text: row?.text ?? "",
    startsAt: local(row?.starts_at ?? null),
    endsAt: local(row?.ends_at ?? null),
    allDay: row?.all_day ?? false,
    scheduledAt: local(row?.scheduled_at ?? null),
  };
}

export function announcementInputOf(form: FormData): AnnouncementInput & {
  publish: boolean;
} {
  const utc = (value: string) => value ? `${value}Z` : null;
  return {
    text: field(form, "text"),
    startsAt: utc(field(form, "starts_at")),
    endsAt: utc(field(form, "ends_at")),
    allDay: form.get("all_day") === "true",
    scheduledAt: utc(field(form, "scheduled_at")),
    publish: form.get("publish") === "true",
  };
}

export function valuesOfInput(input: AnnouncementInput): AnnouncementValues {
  return {
    text: input.text,
    startsAt: (input.startsAt ?? "").slice(0, 16),
    endsAt: (input.endsAt ?? "").slice(0, 16),
    allDay: !!input.allDay,
    scheduledAt: (input.scheduledAt ?? "").slice(0, 16),
  };
}

export function AnnouncementForm(
  { action, csrf, values, submit, offerPublish, labels: t }: {
    action: string;
    csrf: string;
    values: AnnouncementValues;
    submit: string;
    /** The new page offers to publish at once. */
    offerPublish: boolean;
    labels: AdminServerMessages["announcementForm"];
  },
) {
  return (
    <form method="post" action={action} class="card stack">
      <input type="hidden" name="_csrf" value={csrf} />
      <label>
        {t.announcement}
        <textarea name="text" rows={4} required>{values.text}</textarea>
      </label>
      <label>
        {t.startsAt}
        <input type="datetime-local" name="starts_at" value={values.startsAt} />
      </label>
      <label>
        {t.endsAt}
        <input type="datetime-local" name="ends_at" value={values.endsAt} />
      </label>
      <label>
        <input
          type="checkbox"
          name="all_day"
          value="true"
          checked={values.allDay}
        />{" "}
        {t.allDay}
      </label>
      <label>
        {t.scheduledAt}
        <input
          type="datetime-local"
          name="scheduled_at"
          value={values.scheduledAt}
        />
      </label>
      {offerPublish && (
        <label>
          <input type="checkbox" name="publish" value="true" checked />{" "}
          {t.publishNow}
        </label>
      )}
      <button type="submit">{submit}</button>
    </form>
  );
}
