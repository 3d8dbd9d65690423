/**
 * Mastodon's Admin::EmailDomainBlock, Admin::IpBlock and Admin::CanonicalEmailBlock
 * (docs.joinmastodon.org/entities/Admin_EmailDomainBlock, Admin_IpBlock,
 * Admin_CanonicalEmailBlock), exactly their attributes.
 */
import type {
  CanonicalEmailBlockRow,
  EmailDomainBlockRow,
  IpBlockRow,
  IpBlockSeverity,
} from "../../moderation/mod.ts";

export interface AdminEmailDomainBlock {
  id: string;
  domain: string;
  created_at: string;
  /** Refused sign-ups per day, the last week, newest first; numbers as strings, as Mastodon's. */
  history: { day: string; accounts: string; uses: string }[];
}

export interface AdminIpBlock {
  id: string;
  ip: string;
  severity: IpBlockSeverity;
  comment: string;
  created_at: string;
  expires_at: string | null;
}

export interface AdminCanonicalEmailBlock {
  id: string;
  canonical_email_hash: string;
}

export function renderAdminEmailDomainBlock(
  block: EmailDomainBlockRow,
  history: { day: Date; accounts: number; uses: number }[],
): AdminEmailDomainBlock {
  return {
    id: String(block.id),
    domain: block.domain,
    created_at: block.created_at.toISOString(),
    history: history.map((h) => ({
      day: String(Math.floor(h.day.getTime() / 1000)),
      accounts: String(h.accounts),
      uses: String(h.uses),
    })),
  };
}

export function renderAdminIpBlock(block: IpBlockRow): AdminIpBlock {
  return {
    id: String(block.id),
    ip: block.ip,
    severity: block.severity,
    comment: block.comment,
    created_at: block.created_at.toISOString(),
    expires_at: block.expires_at?.toISOString() ?? null,
  };
}

export function renderAdminCanonicalEmailBlock(
  block: CanonicalEmailBlockRow,
): AdminCanonicalEmailBlock {
  return {
    id: String(block.id),
    canonical_email_hash: block.canonical_email_hash,
  };
}
