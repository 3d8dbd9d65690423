/** Helpers for the web UI's plain HTML forms. */
import { verifyCsrf } from "./csrf.ts";
import type { Deps } from "../deps.ts";

/** Reads a posted form; null when its CSRF token or origin is wrong. */
export async function readVerifiedForm(
  req: Request,
  deps: Deps,
): Promise<FormData | null> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return null;
  }
  return await verifyCsrf(req, form, deps.secret, deps.config.origin)
    ? form
    : null;
}

export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** A same-site path to go back to after signing in; anything else becomes `/home`. */
export function safeReturnTo(value: string | null | undefined): string {
  if (
    !value || !value.startsWith("/") || value.startsWith("//") ||
    value.startsWith("/\\")
  ) {
    return "/home";
  }
  return value;
}

export const CSRF_FAILED =
  "Your form expired or came from another site. Please try again.";

export function clientIp(
  _req: Request,
  info?: Deno.ServeHandlerInfo,
): string | null {
  const addr = info?.remoteAddr as Deno.NetAddr | undefined;
  return addr?.hostname ?? null;
}

/**
 * The files of a form's repeated file field, each with the text of the field posted beside it
 * (its alt text) and its focal point (`focusFields`: the x and y fields, "x,y" when both are
 * given); file inputs left empty are skipped.
 */
export async function attachedFiles(
  form: FormData,
  fileField: string,
  descriptionField: string,
  focusFields?: [string, string],
): Promise<
  {
    name: string;
    bytes: Uint8Array;
    claimedType: string;
    description?: string;
    focus?: string;
  }[]
> {
  const descriptions = form.getAll(descriptionField);
  const [xs, ys] = focusFields
    ? [form.getAll(focusFields[0]), form.getAll(focusFields[1])]
    : [[], []];
  const files = [];
  for (const [index, value] of form.getAll(fileField).entries()) {
    if (typeof value === "string" || (value.size === 0 && !value.name)) {
      continue;
    }
    const description = descriptions[index];
    const [x, y] = [xs[index], ys[index]];
    const focus = typeof x === "string" && typeof y === "string" &&
        x.trim() && y.trim()
      ? `${x.trim()},${y.trim()}`
      : undefined;
    files.push({
      focus,
      name: value.name,
      bytes: new Uint8Array(await value.arrayBuffer()),
      claimedType: value.type,
      description: typeof description === "string" && description.trim()
        ? description.trim()
        : undefined,
    });
  }
  return files;
}
