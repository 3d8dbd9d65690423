/** Lists: named subsets of the accounts one follows, each with its own timeline. */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/lists.ts";
import { invalid, notFound } from "./errors.ts";

const REPLIES_POLICIES = ["followed", "list", "none"];

export async function getList(sql: Queryable, ownerId: string, id: string) {
  const list = await db.findList(sql, ownerId, id);
  if (!list) throw notFound();
  return list;
}

export const listLists = db.listLists;

export async function createList(
  sql: Queryable,
  ownerId: string,
  input: { title?: string; repliesPolicy?: string; exclusive?: boolean },
) {
  const title = input.title?.trim();
  if (!title) throw invalid("Title can't be blank", "title");
  const policy = input.repliesPolicy ?? "list";
  if (!REPLIES_POLICIES.includes(policy)) {
    throw invalid("Replies policy is not included in the list");
  }
  return await db.insertList(sql, {
    account_id: ownerId,
    title,
    replies_policy: policy,
    exclusive: input.exclusive ?? false,
  });
}

export async function updateList(
  sql: Queryable,
  ownerId: string,
  id: string,
  input: { title?: string; repliesPolicy?: string; exclusive?: boolean },
) {
  const list = await getList(sql, ownerId, id);
  const changes: Parameters<typeof db.updateList>[2] = {};
  if (input.title !== undefined) {
    if (!input.title.trim()) throw invalid("Title can't be blank", "title");
    changes.title = input.title.trim();
  }
  if (input.repliesPolicy !== undefined) {
    if (!REPLIES_POLICIES.includes(input.repliesPolicy)) {
      throw invalid("Replies policy is not included in the list");
    }
    changes.replies_policy = input.repliesPolicy;
  }
  if (input.exclusive !== undefined) changes.exclusive = input.exclusive;
  return await db.updateList(sql, list.id, changes);
}

export async function deleteList(sql: Queryable, ownerId: string, id: string) {
  const list = await getList(sql, ownerId, id);
  await db.deleteList(sql, list.id);
}

export async function listAccounts(
  sql: Queryable,
  ownerId: string,
  id: string,
  limit: number,
  maxId?: string,
) {
  const list = await getList(sql, ownerId, id);
  return await db.listMembers(sql, list.id, limit, maxId);
}

/** Only accounts the owner follows can be added (as Mastodon). */
export async function addListAccounts(
  sql: Queryable,
  ownerId: string,
  id: string,
  accountIds: string[],
) {
  const list = await getList(sql, ownerId, id);
  const ids = [...new Set(accountIds.filter((a) => /^\d{1,19}$/.test(a)))];
  const followed = await db.addMembers(sql, list, ids);
  if (followed < ids.length) throw notFound();
}

export async function removeListAccounts(
  sql: Queryable,
  ownerId: string,
  id: string,
  accountIds: string[],
) {
  const list = await getList(sql, ownerId, id);
  await db.removeMembers(
    sql,
    list.id,
    accountIds.filter((a) => /^\d{1,19}$/.test(a)),
  );
}

/** The owner's lists that include `accountId` (GET /api/v1/accounts/:id/lists). */
export const listsContainingAccount = db.listsContaining;
