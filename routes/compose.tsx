import { page } from "fresh";
import { define } from "../utils.ts";
import { createStatus } from "../lib/domain/statuses.ts";
import { DomainError } from "../lib/domain/errors.ts";
import { field } from "../lib/web/forms.ts";
import { backTo, signedInForm } from "../lib/web/actions.ts";
import { signInFirst } from "../lib/web/pages.ts";
import { FormErrors } from "../components/FormErrors.tsx";
import ComposeBox from "../islands/ComposeBox.tsx";
import type { Visibility } from "../components/mastodon.ts";

interface Data {
  errors: string[];
}

/**
 * The compose form's no-JavaScript path (`POST /compose`), and a page of its own for writing a
 * post. The compose island posts through the API instead.
 */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page({ errors: [] });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const warn = field(form, "content_warning") === "on";
    try {
      await createStatus(ctx.state.deps, session, {
        status: field(form, "status"),
        spoilerText: warn ? field(form, "spoiler_text") : "",
        sensitive: warn && field(form, "spoiler_text").trim() !== "",
        visibility: field(form, "visibility") || undefined,
        inReplyToId: field(form, "in_reply_to_id") || undefined,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [error.message] }, { status: 422 });
    }
    return backTo(ctx, form, "/home");
  },
});

export default define.page<typeof handler>(function Compose({ data, state }) {
  return (
    <section class="card compose-card">
      <h1>New post</h1>
      <FormErrors errors={data.errors} />
      <ComposeBox
        csrf={state.csrfToken}
        defaultVisibility={(state.session?.user.default_privacy ??
          "public") as Visibility}
        maxCharacters={500}
        returnTo="/home"
      />
    </section>
  );
});
