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
  /** The title's first half ("Moderation") and the way back's name. */
  labels: { moderation: string; cancel: string };
}

/** The page that asks before a destructive admin action: one button to do it, a way back. */
export function ConfirmAction(props: ConfirmActionProps) {
  return (
    <>
      <PageHead title={`${props.labels.moderation} · ${props.title}`} />
      <h1>{props.title}</h1>
      <p>{props.detail}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">{props.button}</button>{" "}
        <a href={props.cancel}>{props.labels.cancel}</a>
      </form>
    </>
  );
}
