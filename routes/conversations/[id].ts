import { HttpError } from "fresh";
import { define } from "../../utils.ts";
import {
  findConversation,
  markConversationRead,
  removeConversation,
} from "../../lib/domain/conversations.ts";
import { getVisibleStatus } from "../../lib/domain/statuses.ts";
import { findAccount } from "../../lib/domain/profiles.ts";
import { field } from "../../lib/web/forms.ts";
import { backTo, signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { accountPath } from "../../lib/web/interaction.ts";

/**
 * `/conversations/:id`: opening a conversation marks it read and shows its last post in its
 * thread; posting `op=read` or `op=remove` marks it read or removes it from the list (the
 * posts stay).
 */
export const handler = define.handlers({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    const { deps } = ctx.state;
    const conversation = await findConversation(
      deps.sql,
      session.account.id,
      ctx.params.id,
    );
    if (!conversation?.last_status_id) throw new HttpError(404);
    const status = await getVisibleStatus(
      deps,
      session.account.id,
      conversation.last_status_id,
    );
    await markConversationRead(deps.sql, session.account.id, conversation.id);
    const author = await findAccount(deps.sql, status.account_id);
    return ctx.redirect(`${accountPath(author)}/${status.id}`, 303);
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { sql } = ctx.state.deps;
    const op = field(form, "op");
    if (op === "read") {
      await markConversationRead(sql, session.account.id, ctx.params.id);
    } else if (op === "remove") {
      await removeConversation(sql, session.account.id, ctx.params.id);
    } else {
      throw new HttpError(400, messages(ctx).conversations.unknownAction);
    }
    return backTo(ctx, form, "/conversations");
  },
});
