/**
 * Applying an import: the `import.process` job takes the next batch of pending rows of one
 * import, applies each through the same rules as a click (follow, block, mute, …) and marks it
 * done or failed with why, then queues itself for the next batch. A batch that asked other
 * servers (WebFinger, actor fetches) makes the next one wait, which bounds the rate at which an
 * import hits remote servers.
 *
 * Resuming: the rows' state is the progress. A restarted server runs the job again (it is in
 * the `jobs` table) and it picks up the rows still pending. A row is marked right after it is
 * applied; should the process die in between, the row is applied again, and each action is
 * idempotent (following someone already followed only sets the same options; no second
 * notification or activity), so nothing is applied twice in effect.
 *
 * Overwrite mode removes what the file left out (unfollows, unblocks, …) once every row is
 * through, so someone listed in the file is never unfollowed and followed again.
 */
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import type { Tx } from "../db/client.ts";
import * as db from "../db/imports.ts";
import { DomainError, invalid } from "../domain/errors.ts";
import {
  block,
  follow,
  mute,
  unblock,
  unfollow,
  unmute,
} from "../domain/relationships.ts";
import { blockDomain, unblockDomain } from "../domain/domain-blocks.ts";
import { bookmarkStatus } from "../domain/interactions.ts";
import { addListAccounts, createList } from "../domain/lists.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import {
  type AccountOnlyRow,
  type BookmarkRow,
  type DomainRow,
  type FollowingRow,
  type ListRow,
  type MutingRow,
  type ParsedRow,
  parseImportFile,
} from "./parse.ts";

export const IMPORT_JOB = "import.process";
/** Rows applied per run of the job. */
export const IMPORT_BATCH_ROWS = 25;
/** After a batch that asked other servers, the next one waits this long. */
export const REMOTE_PAUSE_MS = 5_000;

export interface NewImport {
  type: db.ImportType;
  mode: db.ImportMode;
  fileName: string;
  text: string;
}

/**
 * Parses the file (a malformed one is refused whole, naming its line) and writes the import
 * with its rows and its job, in one transaction. Returns the import's id.
 */
export async function startImport(
  deps: Deps,
  account: AccountRow,
  input: NewImport,
): Promise<string> {
  const rows = parseImportFile(input.type, input.text, deps.config.host);
  if (rows.length === 0) throw invalid("The file has no rows", "file");
  return await deps.sql.begin(async (tx) => {
    const id = await db.insertImport(tx, {
      accountId: account.id,
      type: input.type,
      mode: input.mode,
      fileName: input.fileName.slice(0, 200),
      rows,
    });
    await enqueueBatch(deps, tx, id, 0);
    return id;
  });
}

function enqueueBatch(
  deps: Deps,
  tx: Tx | Deps["sql"],
  importId: string,
  delayMs: number,
) {
  return deps.jobs.enqueue(tx, IMPORT_JOB, { importId }, {
    orderingKey: `import:${importId}`,
    delayMs,
  });
}

export interface BatchOutcome {
  /** No row is pending any more (and overwrite removals are done). */
  finished: boolean;
  /** The batch asked other servers. */
  askedOthers: boolean;
}

/** Applies the next `limit` pending rows of the import; finishes it when none are left. */
export async function processImportBatch(
  deps: Deps,
  importId: string,
  limit = IMPORT_BATCH_ROWS,
): Promise<BatchOutcome> {
  const record = await db.findImport(deps.sql, importId);
  const account = record &&
    await findAccountById(deps.sql, record.account_id);
  if (!record || !account || record.finished_at) {
    return { finished: true, askedOthers: false };
  }
  const rows = await db.pendingRows(deps.sql, importId, limit);
  let askedOthers = false;
  for (const { line, data: stored } of rows) {
    // Written by `startImport` from `parseImportFile`'s rows of this very type.
    const data = stored as ParsedRow["data"];
    askedOthers ||= asksOthers(data, deps.config.host);
    try {
      const targetId = await applyRow(deps, account, record.type, data);
      await db.markRow(deps.sql, importId, line, { targetId });
    } catch (error) {
      if (!isRowProblem(error)) throw error; // our database: the job retries the batch
      await db.markRow(deps.sql, importId, line, {
        error: (error as Error).message.slice(0, 500),
      });
    }
  }
  if (rows.length === limit) return { finished: false, askedOthers };
  if (record.mode === "overwrite") await removeLeftOut(deps, account, record);
  await db.markFinished(deps.sql, importId);
  return { finished: true, askedOthers };
}

/** postgres.js's codes for a lost connection to our database. */
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
]);

/** A failure of this row (it stays failed, with this reason), not of our own database. */
function isRowProblem(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name !== "PostgresError" &&
    !(typeof code === "string" && CONNECTION_CODES.has(code));
}

function asksOthers(data: ParsedRow["data"], host: string): boolean {
  const address = "acct" in data
    ? data.acct.split("@")[1]
    : "uri" in data
    ? new URL(data.uri).host
    : host;
  return address.toLowerCase() !== host.toLowerCase();
}

async function resolveAccount(deps: Deps, acct: string): Promise<AccountRow> {
  const { account } = await deps.resolveRemote(acct);
  if (!account) throw new DomainError("not_found", `${acct} was not found`);
  if (account.suspended_at) {
    throw new DomainError("not_found", `${acct} is suspended`);
  }
  return account;
}

/** Applies one row; returns what it named (an account or post id), if anything. */
async function applyRow(
  deps: Deps,
  account: AccountRow,
  type: db.ImportType,
  data: ParsedRow["data"],
): Promise<string | null> {
  switch (type) {
    case "following": {
      const row = data as FollowingRow;
      const target = await resolveAccount(deps, row.acct);
      await follow(deps, account, target, {
        reblogs: row.reblogs,
        notify: row.notify,
        languages: row.languages,
      });
      return target.id;
    }
    case "blocking": {
      const target = await resolveAccount(deps, (data as AccountOnlyRow).acct);
      await block(deps, account, target);
      return target.id;
    }
    case "muting": {
      const row = data as MutingRow;
      const target = await resolveAccount(deps, row.acct);
      await mute(deps, account, target, {
        notifications: row.hideNotifications,
      });
      return target.id;
    }
    case "domain_blocking":
      await blockDomain(deps, account, (data as DomainRow).domain);
      return null;
    case "bookmarks": {
      const { uri } = data as BookmarkRow;
      const { status } = await deps.resolveRemote(uri);
      if (!status) throw new DomainError("not_found", `${uri} was not found`);
      await bookmarkStatus(deps, account.id, status.id);
      return status.id;
    }
    case "lists": {
      const row = data as ListRow;
      const target = await resolveAccount(deps, row.acct);
      const listId = await db.listIdByTitle(deps.sql, account.id, row.list) ??
        (await createList(deps.sql, account.id, { title: row.list })).id;
      // As Mastodon: only followed accounts are in lists, so the import follows them first.
      const outcome = target.id === account.id
        ? "following"
        : await follow(deps, account, target);
      if (outcome === "requested") {
        throw invalid(
          `${row.acct} has not accepted your follow request yet; add them to the list once they have`,
        );
      }
      await addListAccounts(deps.sql, account.id, listId, [target.id]);
      return target.id;
    }
  }
}

async function removeLeftOut(
  deps: Deps,
  account: AccountRow,
  record: db.ImportRecord,
): Promise<void> {
  const { sql, config } = deps;
  const undo = {
    following: ["follows", unfollow],
    blocking: ["blocks", unblock],
    muting: ["mutes", unmute],
  } as const;
  switch (record.type) {
    case "following":
    case "blocking":
    case "muting": {
      const [table, act] = undo[record.type];
      const ids = await db.accountsLeftOut(
        sql,
        record.id,
        account.id,
        table,
        config.host,
      );
      for (const id of ids) {
        const target = await findAccountById(sql, id);
        if (target) await act(deps, account, target);
      }
      return;
    }
    case "domain_blocking":
      for (
        const domain of await db.domainsLeftOut(sql, record.id, account.id)
      ) {
        await unblockDomain(deps, account, domain);
      }
      return;
    case "bookmarks":
      return await db.deleteBookmarksLeftOut(sql, record.id, account.id);
    case "lists":
      return await db.deleteListsLeftOut(
        sql,
        record.id,
        account.id,
        config.host,
      );
  }
}

export const importJob = defineJob<{ importId: string }, Deps>({
  kind: IMPORT_JOB,
  parse: schema.object({ importId: schema.string }),
  retry: {
    // A failure here is our database (a row's own problems are recorded on the row).
    backoff: exponentialBackoff(5_000, 10 * 60_000),
    maxAttempts: 10,
  },
  async handler(deps, { importId }) {
    const outcome = await processImportBatch(deps, importId);
    if (!outcome.finished) {
      await enqueueBatch(
        deps,
        deps.sql,
        importId,
        outcome.askedOthers ? REMOTE_PAUSE_MS : 0,
      );
    }
  },
});
