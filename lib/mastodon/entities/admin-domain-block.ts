/**
 * Mastodon's Admin::DomainBlock, Admin::DomainAllow and the public DomainBlock
 * (docs.joinmastodon.org/entities/Admin_DomainBlock, Admin_DomainAllow, DomainBlock).
 */
import type {
  DomainAllowRow,
  DomainBlockRow,
  Severity,
} from "../../moderation/mod.ts";

export interface AdminDomainBlock {
  id: string;
  domain: string;
  digest: string;
  created_at: string;
  severity: Severity;
  reject_media: boolean;
  reject_reports: boolean;
  private_comment: string | null;
  public_comment: string | null;
  obfuscate: boolean;
}

export interface AdminDomainAllow {
  id: string;
  domain: string;
  created_at: string;
}

/** The public entity: `comment` only when there is a public comment. */
export interface PublicDomainBlock {
  domain: string;
  digest: string;
  severity: Severity;
  comment?: string;
}

/** SHA-256 of the domain, hex: lets clients check a domain they know against a hidden one. */
export async function domainDigest(domain: string): Promise<string> {
  const bytes = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(domain),
  );
  return Array.from(
    new Uint8Array(bytes),
    (b) => b.toString(16).padStart(2, "0"),
  )
    .join("");
}

/**
 * The domain partly hidden, as Mastodon shows an obfuscated block: the outer quarter of the
 * characters on each side (and the dots) stay, the middle becomes `*`.
 */
export function obfuscateDomain(domain: string): string {
  const keep = Math.floor(domain.length / 4);
  return [...domain].map((c, i) =>
    c === "." || i < keep || i >= domain.length - keep ? c : "*"
  ).join("");
}

export async function renderAdminDomainBlock(
  block: DomainBlockRow,
): Promise<AdminDomainBlock> {
  return {
    id: block.id,
    domain: block.domain,
    digest: await domainDigest(block.domain),
    created_at: block.created_at.toISOString(),
    severity: block.severity,
    reject_media: block.reject_media,
    reject_reports: block.reject_reports,
    private_comment: block.private_comment,
    public_comment: block.public_comment,
    obfuscate: block.obfuscate,
  };
}

export function renderAdminDomainAllow(
  allow: DomainAllowRow,
): AdminDomainAllow {
  return {
    id: allow.id,
    domain: allow.domain,
    created_at: allow.created_at.toISOString(),
  };
}

export async function renderPublicDomainBlock(
  block: DomainBlockRow,
): Promise<PublicDomainBlock> {
  const entity: PublicDomainBlock = {
    domain: block.obfuscate ? obfuscateDomain(block.domain) : block.domain,
    digest: await domainDigest(block.domain),
    severity: block.severity,
  };
  if (block.public_comment) entity.comment = block.public_comment;
  return entity;
}
