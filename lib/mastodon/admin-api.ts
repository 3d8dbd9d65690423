/**
 * What the admin API routes share: the caller must hold one of the route's admin scopes (403
 * "outside the authorized scopes" otherwise, as for every endpoint) and is loaded as an
 * `Actor`, whose permission each domain call checks (403 "This action is not allowed").
 */
import type { Deps } from "../deps.ts";
import {
  type Actor,
  type DomainBlockInput,
  emailDomainBlockHistory,
  type EmailDomainBlockRow,
  getModeratedAccount,
  type IpBlockInput,
  liftLimit,
  loadActor,
  type Reversal,
  type Severity,
} from "../moderation/mod.ts";
import { adminAccountJson } from "./entities/admin-account.ts";
import type { ReportRow } from "../db/reports.ts";
import { requireCaller } from "./status-api.ts";
import { json } from "./errors.ts";
import { renderAdminReport } from "./entities/admin-report.ts";
import {
  type AdminEmailDomainBlock,
  renderAdminEmailDomainBlock,
} from "./entities/admin-sign-up-blocks.ts";

/** The signed-in caller with one of `scopes`, as the moderator they are (or aren't). */
export async function requireStaffCaller(
  deps: Deps,
  req: Request,
  ...scopes: string[]
): Promise<Actor> {
  const me = await requireCaller(deps, req, ...scopes);
  return await loadActor(deps.sql, me.user);
}

export const READ_REPORTS = ["admin:read", "admin:read:reports"];
export const WRITE_REPORTS = ["admin:write", "admin:write:reports"];
export const READ_ACCOUNTS = ["admin:read", "admin:read:accounts"];
/** Measures, dimensions and retention: `admin:read` only (Mastodon has no sub-scope). */
export const READ_DASHBOARD = ["admin:read"];
export const READ_DOMAIN_BLOCKS = ["admin:read", "admin:read:domain_blocks"];
export const WRITE_DOMAIN_BLOCKS = ["admin:write", "admin:write:domain_blocks"];
export const READ_DOMAIN_ALLOWS = ["admin:read", "admin:read:domain_allows"];
export const WRITE_DOMAIN_ALLOWS = ["admin:write", "admin:write:domain_allows"];

/** The fields of a domain block a POST or PUT may set (Mastodon's parameter names). */
export function domainBlockParams(params: {
  string(name: string): string | undefined;
  boolean(name: string): boolean | undefined;
  has(name: string): boolean;
}): DomainBlockInput {
  const text = (name: string) =>
    params.has(name) ? params.string(name) ?? null : undefined;
  return {
    severity: params.string("severity") as Severity | undefined,
    reject_media: params.boolean("reject_media"),
    reject_reports: params.boolean("reject_reports"),
    private_comment: text("private_comment"),
    public_comment: text("public_comment"),
    obfuscate: params.boolean("obfuscate"),
  };
}

export const WRITE_ACCOUNTS = ["admin:write", "admin:write:accounts"];

/** The Admin::Account answer of the account actions (Mastodon's reversals answer with it). */
export async function adminAccountResponse(
  deps: Deps,
  actor: Actor,
  accountId: string,
): Promise<Response> {
  const view = await getModeratedAccount(deps.sql, actor, accountId);
  return json(adminAccountJson(view, deps.config.origin));
}

export function adminRenderOptions(deps: Deps, actor: Actor) {
  return {
    sql: deps.sql,
    origin: deps.config.origin,
    viewerId: actor.accountId,
    mediaUrl: (key: string) => deps.media.url(key),
  };
}

/** The Admin::Report answer of the report actions. */
export async function adminReportResponse(
  deps: Deps,
  actor: Actor,
  report: ReportRow,
): Promise<Response> {
  return json(
    await renderAdminReport(adminRenderOptions(deps, actor), report),
  );
}

/** What the one-action POST routes below need of Fresh's context. */
export interface ActionContext {
  req: Request;
  url: URL;
  params: Record<string, string>;
  state: { deps: Deps };
}

/**
 * `POST /api/v1/admin/accounts/:id/<reversal>` (unsilence, unsuspend, unsensitive, enable): lift
 * the limit, answer the Admin::Account. Each route file is this with its reversal.
 */
export function liftLimitRoute(reversal: Reversal) {
  return async (ctx: ActionContext): Promise<Response> => {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_ACCOUNTS);
    await liftLimit(deps, actor, ctx.params.id, reversal);
    return await adminAccountResponse(deps, actor, ctx.params.id);
  };
}

/**
 * `POST /api/v1/admin/reports/:id/<step>` (assign_to_self, unassign, resolve, reopen): take the
 * step, answer the Admin::Report.
 */
export function reportStepRoute(
  step: (sql: Deps["sql"], actor: Actor, id: string) => Promise<ReportRow>,
) {
  return async (ctx: ActionContext): Promise<Response> => {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_REPORTS);
    const report = await step(deps.sql, actor, ctx.params.id);
    return await adminReportResponse(deps, actor, report);
  };
}

export const READ_EMAIL_DOMAIN_BLOCKS = [
  "admin:read",
  "admin:read:email_domain_blocks",
];
export const WRITE_EMAIL_DOMAIN_BLOCKS = [
  "admin:write",
  "admin:write:email_domain_blocks",
];
export const READ_IP_BLOCKS = ["admin:read", "admin:read:ip_blocks"];
export const WRITE_IP_BLOCKS = ["admin:write", "admin:write:ip_blocks"];
export const READ_CANONICAL_EMAIL_BLOCKS = [
  "admin:read",
  "admin:read:canonical_email_blocks",
];
export const WRITE_CANONICAL_EMAIL_BLOCKS = [
  "admin:write",
  "admin:write:canonical_email_blocks",
];

/** Admin::EmailDomainBlock of each block, with its week of refused sign-ups. */
export async function emailDomainBlocksJson(
  deps: Deps,
  blocks: EmailDomainBlockRow[],
): Promise<AdminEmailDomainBlock[]> {
  const history = await emailDomainBlockHistory(
    deps.sql,
    blocks.map((b) => String(b.id)),
  );
  return blocks.map((b) =>
    renderAdminEmailDomainBlock(b, history.get(String(b.id)) ?? [])
  );
}

/** The fields of an IP block a POST or PUT may set (`expires_in` in seconds; blank: never). */
export function ipBlockParams(params: {
  string(name: string): string | undefined;
  has(name: string): boolean;
}): IpBlockInput {
  const expiresIn = params.string("expires_in");
  return {
    ip: params.string("ip"),
    severity: params.string("severity"),
    comment: params.has("comment") ? params.string("comment") ?? "" : undefined,
    expiresIn: !params.has("expires_in")
      ? undefined
      : expiresIn
      ? Number(expiresIn)
      : null,
  };
}
