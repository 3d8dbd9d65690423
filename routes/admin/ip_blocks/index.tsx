import { formError } from "../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { formatDateTime } from "../../../components/format.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { field } from "../../../lib/web/forms.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import {
  createIpBlock,
  IP_BLOCK_SEVERITIES,
  type IpBlockRow,
  type IpBlockSeverity,
  listIpBlocks,
} from "../../../lib/moderation/mod.ts";
import { messages, type PageContext } from "../../../lib/web/pages.ts";

/** Mastodon's expiry choices for an IP block (seconds; "" never), named in the catalogue. */
const EXPIRIES = [
  "",
  "86400",
  "1209600",
  "2592000",
  "15552000",
  "31536000",
] as const;

interface Data {
  blocks: (Omit<IpBlockRow, "created_at" | "expires_at"> & {
    expiresAt: string | null;
    expired: boolean;
  })[];
  errors: string[];
}

async function load(ctx: PageContext, errors: string[] = []): Promise<Data> {
  const { deps, moderator } = ctx.state;
  const now = Date.now();
  return {
    blocks: (await listIpBlocks(deps.sql, moderator ?? null)).map((b) => ({
      id: String(b.id),
      ip: b.ip,
      severity: b.severity,
      comment: b.comment,
      expiresAt: b.expires_at?.toISOString() ?? null,
      expired: b.expires_at !== null && b.expires_at.getTime() <= now,
    })),
    errors,
  };
}

/**
 * /admin/ip_blocks — addresses and ranges whose sign-ups need approval, are refused, or who
 * may not reach the server at all (`manage_blocks`); POST adds one.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    return page(await load(ctx));
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const expiresIn = field(form, "expires_in");
    try {
      await createIpBlock(deps.sql, moderator ?? null, {
        ip: field(form, "ip"),
        severity: field(form, "severity"),
        comment: field(form, "comment"),
        expiresIn: expiresIn ? Number(expiresIn) : null,
      });
    } catch (error) {
      if (error instanceof DomainError && error.kind === "validation") {
        return page(await load(ctx, [formError(messages(ctx), error)]), {
          status: 422,
        });
      }
      throw error;
    }
    return ctx.redirect("/admin/ip_blocks", 303);
  },
});

export default define.page<typeof handler>(function IpBlocks({ data, state }) {
  const { admin, adminFederation } = messages({ state });
  const t = adminFederation.ipBlocks;
  const severityLabels: Record<IpBlockSeverity, string> = t.severities;
  return (
    <>
      <PageHead title={`${admin.moderation} · ${t.title}`} />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      <form method="post" action="/admin/ip_blocks" class="card stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.address} <input name="ip" required placeholder="192.0.2.0/24" />
        </label>
        <label>
          {t.rule}{" "}
          <select name="severity">
            {IP_BLOCK_SEVERITIES.map((s) => (
              <option key={s} value={s}>{severityLabels[s]}</option>
            ))}
          </select>
        </label>
        <label>
          {t.expires}{" "}
          <select name="expires_in">
            {EXPIRIES.map((value) => (
              <option key={value} value={value}>{t.expiries[value]}</option>
            ))}
          </select>
        </label>
        <label>
          {t.comment} <input name="comment" maxLength={500} />
        </label>
        <button type="submit">{t.add}</button>
      </form>
      {data.blocks.length === 0 && <p class="empty">{t.empty}</p>}
      <table class="ip-blocks">
        <thead>
          <tr>
            <th>{t.addressColumn}</th>
            <th>{t.rule}</th>
            <th>{t.commentColumn}</th>
            <th>{t.expires}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {data.blocks.map((b) => (
            <tr key={b.id}>
              <td>{b.ip}</td>
              <td>{severityLabels[b.severity]}</td>
              <td>{b.comment}</td>
              <td>
                {b.expiresAt
                  ? `${b.expired ? `${t.expired} ` : ""}${
                    formatDateTime(b.expiresAt, state.locale ?? "en")
                  }`
                  : t.never}
              </td>
              <td>
                <a href={`/admin/ip_blocks/${b.id}/delete`}>{t.remove(b.ip)}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
