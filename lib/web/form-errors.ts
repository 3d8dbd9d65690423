/**
 * A refusal in the page's language. The domain's messages are English (the API answers with
 * them as they are); a form shows the catalogue's `errors` entry whose English matches, with
 * `{name}` in it standing for any text that is carried over (a number, a handle, a nested
 * reason, itself looked up again). A message the catalogue doesn't know stays as it is.
 */
import { errors as english } from "../i18n/en/errors.ts";
import type { FormErrorMessages } from "../i18n/en/errors.ts";
import type { Messages } from "../i18n/messages.ts";
import { fill } from "../i18n/fill.ts";

type ErrorKey = keyof FormErrorMessages;

interface Pattern {
  key: ErrorKey;
  regex: RegExp;
  names: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each English string as a pattern: literal text, `{name}` matching anything. */
const PATTERNS: Pattern[] = (Object.keys(english) as ErrorKey[]).map((key) => {
  const names: string[] = [];
  const source = english[key].split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) return escape(part);
    names.push(name);
    return "(.+)";
  }).join("");
  return { key, regex: new RegExp(`^${source}$`, "s"), names };
  // Exact strings first, so "Line 1: the header…" beats "Line {line}: {reason}".
}).sort((a, b) => a.names.length - b.names.length);

/** `message` (a domain error's, or any English refusal in the catalogue) in `t`'s language. */
export function errorText(t: Messages, message: string): string {
  for (const { key, regex, names } of PATTERNS) {
    const match = regex.exec(message);
    if (!match) continue;
    const values = Object.fromEntries(
      names.map((name, i) => [name, errorText(t, match[i + 1])]),
    );
    return fill(t.errors[key], values);
  }
  return message;
}

/** The text of an error a form shows: a `DomainError`'s message, translated where known. */
export function formError(t: Messages, error: { message: string }): string {
  return errorText(t, error.message);
}
