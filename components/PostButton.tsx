import type { ComponentChildren } from "preact";

/**
 * One button that POSTs (with the CSRF token and where to come back to): unmute, unblock,
 * remove from a list… the small forms of the account-management pages.
 */
export function PostButton(
  { action, csrf, returnTo, fields = {}, secondary = true, children }: {
    action: string;
    csrf: string;
    returnTo: string;
    fields?: Record<string, string>;
    secondary?: boolean;
    children: ComponentChildren;
  },
) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="return_to" value={returnTo} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={secondary ? "small secondary" : "small"}>
        {children}
      </button>
    </form>
  );
}
