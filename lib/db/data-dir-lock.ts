/**
 * One process at a time in an embedded database directory. PGlite keeps the database in memory
 * and writes its files back: two processes on one directory each write their own copy, and the
 * last one to write wins, losing the other's changes. So the process that opens the directory
 * first holds `starling.lock` (its pid, in a file only the owner can read); any other process
 * must go through the holder (the admin CLI asks the running server) or refuse.
 */
import process from "node:process";

const LOCK_FILE = "starling.lock";

/** The directory is held by another live process. */
export class DataDirectoryInUse extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(`${dir} is in use by another process (pid ${pid})`);
    this.name = "DataDirectoryInUse";
  }
}

export interface DataDirectoryLock {
  /** Gives the directory up (only if the lock file still names this process). */
  release(): Promise<void>;
}

/**
 * Takes the directory for this process, or throws `DataDirectoryInUse`. A lock left by a
 * process that is gone (killed, crashed) is taken over.
 */
export async function lockDataDirectory(
  dir: string,
): Promise<DataDirectoryLock> {
  await Deno.mkdir(dir, { recursive: true });
  const path = `${dir}/${LOCK_FILE}`;
  // The pid is written to a private file first and linked into place, so a reader never sees
  // a lock file without its pid in it.
  const draft = `${path}.${Deno.pid}`;
  await Deno.writeTextFile(draft, `${Deno.pid}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await Deno.link(draft, path);
        return { release: () => releaseLock(path) };
      } catch (error) {
        if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
      }
      const holder = await readPid(path);
      // This very process counts too: two PGlite instances in one process lose writes the same way.
      if (holder !== null && isAlive(holder)) {
        throw new DataDirectoryInUse(dir, holder);
      }
      await takeOverStaleLock(path, holder);
    }
    throw new Error(`${dir}: could not take ${LOCK_FILE} (contended)`);
  } finally {
    await Deno.remove(draft).catch(() => {});
  }
}

/** The live process holding `dir`; null when nobody (alive) does. */
export async function dataDirectoryHolder(dir: string): Promise<number | null> {
  const pid = await readPid(`${dir}/${LOCK_FILE}`);
  return pid !== null && isAlive(pid) ? pid : null;
}

/**
 * Moves a dead holder's lock aside. Moving is atomic, so of two processes taking over at once
 * only one moves the stale file; if what was moved turns out to be a live lock just taken by
 * the other, it is put back.
 */
async function takeOverStaleLock(path: string, stalePid: number | null) {
  const aside = `${path}.stale.${Deno.pid}`;
  try {
    await Deno.rename(path, aside);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return; // someone else moved it
    throw error;
  }
  const moved = await readPid(aside);
  if (moved !== stalePid && moved !== null && isAlive(moved)) {
    await Deno.link(aside, path).catch(() => {});
  }
  await Deno.remove(aside).catch(() => {});
}

async function releaseLock(path: string) {
  if (await readPid(path) === Deno.pid) await Deno.remove(path).catch(() => {});
}

async function readPid(path: string): Promise<number | null> {
  try {
    const pid = Number((await Deno.readTextFile(path)).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: checks the process exists, sends nothing
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as { code?: string }).code === "EPERM";
  }
  return !isZombie(pid);
}

/** A process that has exited but not been reaped yet still answers signal 0 (Linux: state Z). */
function isZombie(pid: number): boolean {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false; // no /proc (not Linux): trust signal 0
  }
}
