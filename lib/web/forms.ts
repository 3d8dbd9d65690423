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
