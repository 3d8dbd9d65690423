/**
 * `deno task admin domains …`: instance domain blocks from the command line, acting as the
 * Owner (the audit log names them). `import` previews by default and applies with `--apply`;
 * a malformed line is reported with its number and nothing is applied.
 */
import type { Deps } from "../deps.ts";
import { parseArgs } from "node:util";
import { operator } from "./operator.ts";
import {
  applyDomainBlockImport,
  createDomainBlock,
  deleteDomainBlock,
  exportDomainBlocks,
  findDomainBlockByDomain,
  importRefused,
  normalizeDomain,
  previewDomainBlockImport,
  purgeDomain,
  type Severity,
  updateDomainBlock,
} from "../moderation/mod.ts";

export const DOMAINS_USAGE =
  `  domains block DOMAIN [--severity noop|silence|suspend] [--reject-media] [--reject-reports]
                [--public-comment TEXT] [--private-comment TEXT] [--obfuscate]
  domains unblock DOMAIN
  domains import FILE [--apply]               # Mastodon's CSV; shows what each line changes
  domains export                              # Mastodon's CSV, to stdout
  domains purge DOMAIN                        # delete every account (and post) stored from DOMAIN and its subdomains`;

export async function runDomainsCommand(
  deps: Deps,
  command: string | undefined,
  args: string[],
  io: { out(line: string): void },
  fail: (message: string) => Error,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      severity: { type: "string" },
      "reject-media": { type: "boolean" },
      "reject-reports": { type: "boolean" },
      "public-comment": { type: "string" },
      "private-comment": { type: "string" },
      obfuscate: { type: "boolean" },
      apply: { type: "boolean", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const actor = await operator(deps, fail);
  const arg = (what: string) => {
    if (!positionals[0]) throw fail(`domains ${command} needs ${what}`);
    return positionals[0];
  };
  switch (command) {
    case "block": {
      const domain = normalizeDomain(arg("a domain")) ?? positionals[0];
      const input = {
        severity: values.severity as Severity | undefined,
        reject_media: values["reject-media"],
        reject_reports: values["reject-reports"],
        public_comment: values["public-comment"],
        private_comment: values["private-comment"],
        obfuscate: values.obfuscate,
      };
      const existing = await findDomainBlockByDomain(deps.sql, domain);
      const block = existing
        ? await updateDomainBlock(deps, actor, existing.id, input)
        : await createDomainBlock(deps, actor, domain, {
          severity: "suspend",
          ...Object.fromEntries(
            Object.entries(input).filter(([, v]) => v !== undefined),
          ),
        });
      io.out(
        `${
          existing ? "changed" : "blocked"
        } ${block.domain}: ${block.severity}`,
      );
      return 0;
    }
    case "unblock": {
      const domain = normalizeDomain(arg("a domain")) ?? positionals[0];
      const existing = await findDomainBlockByDomain(deps.sql, domain);
      if (!existing) throw fail(`${domain} is not blocked`);
      await deleteDomainBlock(deps.sql, actor, existing.id);
      io.out(`unblocked ${domain}`);
      return 0;
    }
    case "import": {
      const text = await Deno.readTextFile(arg("a CSV file"));
      const preview = await previewDomainBlockImport(deps.sql, actor, text);
      for (const error of preview.errors) {
        io.out(`line ${error.line}: error: ${error.message}`);
      }
      for (const line of preview.lines) {
        const changes = Object.entries(line.changes)
          .map(([k, [a, b]]) => `${k} ${a} → ${b}`).join(", ");
        io.out(
          `line ${line.line}: ${line.action} ${line.domain}` +
            (line.action === "create"
              ? ` (${line.fields.severity})`
              : changes
              ? ` (${changes})`
              : ""),
        );
      }
      if (preview.errors.length) {
        throw importRefused(preview.errors);
      }
      if (!values.apply) {
        io.out("(preview: nothing applied; run again with --apply)");
        return 0;
      }
      await applyDomainBlockImport(deps, actor, text);
      io.out("applied");
      return 0;
    }
    case "export":
      io.out((await exportDomainBlocks(deps.sql, actor)).trimEnd());
      return 0;
    case "purge": {
      const domain = arg("a domain");
      io.out(`purging ${domain}… (safe to run again if interrupted)`);
      const deleted = await purgeDomain(
        deps.sql,
        actor,
        domain,
        (n) => io.out(`  ${n} account(s) deleted`),
      );
      io.out(`done: ${deleted} account(s) of ${domain} deleted`);
      return 0;
    }
    default:
      throw fail(`unknown domains command "${command ?? ""}" (try: help)`);
  }
}
