import type { ListsMessages } from "../lib/i18n/en/lists.ts";

/** A list's settings, the same fields when creating one and when editing it. */
export interface ListSettings {
  title: string;
  repliesPolicy: string;
  exclusive: boolean;
}

const REPLIES = [
  ["list", "repliesList"],
  ["followed", "repliesFollowed"],
  ["none", "repliesNone"],
] as const;

export function ListFields(
  { list, id, labels: t }: {
    list: ListSettings;
    id: string;
    labels: ListsMessages;
  },
) {
  return (
    <>
      <label for={`${id}-title`}>{t.titleLabel}</label>
      <input
        id={`${id}-title`}
        name="title"
        value={list.title}
        maxLength={100}
        required
      />
      <label for={`${id}-replies`}>{t.showReplies}</label>
      <select id={`${id}-replies`} name="replies_policy">
        {REPLIES.map(([value, label]) => (
          <option value={value} selected={value === list.repliesPolicy}>
            {t[label]}
          </option>
        ))}
      </select>
      <label class="checkbox">
        <input
          type="checkbox"
          name="exclusive"
          value="on"
          checked={list.exclusive}
        />
        {t.exclusiveLabel}
      </label>
    </>
  );
}

/** The fields of a posted list form. */
export function listSettingsOf(
  field: (name: string) => string,
): ListSettings {
  return {
    title: field("title"),
    repliesPolicy: field("replies_policy") || "list",
    exclusive: field("exclusive") === "on",
  };
}
