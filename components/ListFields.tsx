/** A list's settings, the same fields when creating one and when editing it. */
export interface ListSettings {
  title: string;
  repliesPolicy: string;
  exclusive: boolean;
}

const REPLIES: [string, string][] = [
  ["list", "Replies to members of the list"],
  ["followed", "Replies to anyone you follow"],
  ["none", "No replies"],
];

export function ListFields(
  { list, id }: { list: ListSettings; id: string },
) {
  return (
    <>
      <label for={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        name="title"
        value={list.title}
        maxLength={100}
        required
      />
      <label for={`${id}-replies`}>Show replies</label>
      <select id={`${id}-replies`} name="replies_policy">
        {REPLIES.map(([value, label]) => (
          <option value={value} selected={value === list.repliesPolicy}>
            {label}
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
        Hide these posts from Home (an exclusive list)
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
