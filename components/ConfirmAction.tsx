import { PageHead } from "./PageHead.tsx";

export interface ConfirmActionProps {
  /** The question, e.g. "Unblock spam.example?" */
  title: string;
  /** What happens once confirmed. */
  detail: string;
  /** Where the confirming form posts. */
  action: string;
  button: string;
  /** Back, without doing it. */
  cancel: string;
  csrf: string;
}

/**
 * The page that asks before a destructive admin action: one button to do it, a way back.
 * `labels`: the title's prefix and the way back in the page's language (English when not given).
 */
export function ConfirmAction(
  props: ConfirmActionProps & {
    labels?: { moderation: string; cancel: string };
  },
) {
  const labels = props.labels ?? { moderation: "Moderation", cancel: "Cancel" };
  return (
    <>
      <PageHead title={`${labels.moderation} · ${props.title}`} />
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">{props.button}</button>{" "}
        <a href={props.cancel}>{labels.cancel}</a>
      </form>
    </>
  );
}
