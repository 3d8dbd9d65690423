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
import type { PageContext } from "../../../lib/web/pages.ts";

const SEVERITY_LABELS: Record<IpBlockSeverity, string> = {
  sign_up_requires_approval: "Sign-ups need approval",
  sign_up_block: "Block sign-ups",
  no_access: "Block all access",
};

/** Mastodon's expiry choices for an IP block (seconds; "" never). */
const EXPIRIES: [string, string][] = [
  ["", "Never"],
  ["86400", "1 day"],
  ["1209600", "2 weeks"],
  ["2592000", "1 month"],
  ["15552000", "6 months"],
  ["31536000", "1 year"],
];

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
        return page(await load(ctx, [error.message]), { status: 422 });
      }
      throw error;
    }
    return ctx.redirect("/admin/ip_blocks", 303);
  },
});

export default define.page<typeof handler>(function IpBlocks({ data, state }) {
  return (
    <>
      <PageHead title="Moderation · IP blocks" />
      <h1>IP blocks</h1>
      <FormErrors errors={data.errors} />
      <form method="post" action="/admin/ip_blocks" class="card stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          IP address or range{" "}
          <input name="ip" required placeholder="192.0.2.0/24" />
        </label>
        <label>
          Rule{" "}
          <select name="severity">
            {IP_BLOCK_SEVERITIES.map((s) => (
              <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>
            ))}
          </select>
        </label>
        <label>
          Expires{" "}
          <select name="expires_in">
            {EXPIRIES.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          Comment (moderators only) <input name="comment" maxLength={500} />
        </label>
        <button type="submit">Add rule</button>
      </form>
      {data.blocks.length === 0 && <p class="empty">No rules.</p>}
      <table class="ip-blocks">
        <thead>
          <tr>
            <th>Address</th>
            <th>Rule</th>
            <th>Comment</th>
            <th>Expires</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {data.blocks.map((b) => (
            <tr key={b.id}>
              <td>{b.ip}</td>
              <td>{SEVERITY_LABELS[b.severity]}</td>
              <td>{b.comment}</td>
              <td>
                {b.expiresAt
                  ? `${b.expired ? "expired " : ""}${
                    formatDateTime(b.expiresAt)
                  }`
                  : "never"}
              </td>
              <td>
                <a href={`/admin/ip_blocks/${b.id}/delete`}>Remove {b.ip}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
