/**
 * Where Fedify keeps its key–value data and its message queue, by database: on a Postgres
 * server, its tables (`pg-kv-store.ts`, `pg-queue.ts`: one short query per operation on the
 * shared pool, and any number of server processes may listen); with the embedded PGlite (a
 * single connection), the local Deno KV file (`kv-store.ts`, `kv-queue.ts`). Used by the
 * federation builder (`mod.ts`) and by the queue listener (`lazy.ts`), which must agree.
 *
 * None of these modules imports Fedify code (types only), so `lazy.ts` may import this one.
 */
import type { KvStore, MessageQueue } from "@fedify/fedify";
import type { Deps } from "../deps.ts";
import { DenoKvStore } from "./kv-store.ts";
import { DenoKvMessageQueue } from "./kv-queue.ts";
import { PostgresKvStore } from "./pg-kv-store.ts";
import { PostgresMessageQueue } from "./pg-queue.ts";

type StoreDeps = Pick<Deps, "dbKind" | "sql" | "kv">;

export function federationKvStore(deps: StoreDeps): KvStore {
  return deps.dbKind === "postgres"
    ? new PostgresKvStore(deps.sql)
    : new DenoKvStore(embeddedKv(deps));
}

export function federationQueue(deps: StoreDeps): MessageQueue {
  return deps.dbKind === "postgres"
    ? new PostgresMessageQueue(deps.sql)
    : new DenoKvMessageQueue(embeddedKv(deps));
}

function embeddedKv(deps: StoreDeps): Deno.Kv {
  if (!deps.kv) throw new Error("the embedded database opens its Deno KV file");
  return deps.kv;
}
