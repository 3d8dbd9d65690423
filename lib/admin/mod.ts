/**
 * The admin commands. Arguments in, lines out; errors are thrown as `AdminError` (or a
 * `DomainError`) and `runAdmin` turns them into one `error: …` line. The same commands run in
 * the CLI's own process or, with the embedded database, inside the running server
 * (`remote.ts`).
 */
import type { Deps } from "../deps.ts";
import {
  approve,
  deleteLocalAccount,
  requireLocalLogin,
  setPassword,
  signUp,
} from "../domain/accounts.ts";
import { findAccountByUsername, listLocalUsers } from "../db/accounts.ts";
import { randomToken } from "../domain/secrets.ts";
import {
  liftLimit,
  roleByName,
  roleForOperatorCreatedAccount,
  setRole,
  takeAccountAction,
} from "../moderation/mod.ts";
import { confirmAddress } from "../mail/mod.ts";
import { parseArgs } from "node:util";
import { MEDIA_USAGE, runMediaCommand } from "./media.ts";
import { JOBS_USAGE, runJobsCommand } from "./jobs.ts";
import { DOMAINS_USAGE, runDomainsCommand } from "./domains.ts";
import { runStatusesCommand, STATUSES_USAGE } from "./statuses.ts";
import { EMOJI_USAGE, runEmojiCommand } from "./emoji.ts";
import { operator } from "./operator.ts";

export class AdminError extends Error {}

export interface AdminIO {
  out(line: string): void;
}

/** Output and errors: stdout and stderr in the CLI, the response stream in the server. */
export interface AdminStreams extends AdminIO {
  err(line: string): void;
}

/** Runs one command; a refusal or failure is one `error: …` line and exit code 1. */
export async function runAdmin(
  deps: Deps,
  argv: string[],
  io: AdminStreams,
): Promise<number> {
  try {
    return await runAdminCommand(deps, argv, io);
  } catch (error) {
    io.err(`error: ${errorMessage(error)}`);
    return 1;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const USAGE = `usage: deno task admin <command>
  accounts create NAME --email E [--password P] [--role ROLE]
  accounts modify NAME --role ROLE            # ROLE: Owner, Admin, Moderator, a custom role, or user
  accounts set-password NAME [--password P]
  accounts approve NAME
  accounts suspend NAME [--text T]            # NAME: a local username or user@domain
  accounts unsuspend NAME
  accounts confirm NAME                      # confirm the e-mail address by hand
  accounts delete NAME
  accounts list
${MEDIA_USAGE}
${JOBS_USAGE}
${DOMAINS_USAGE}
${STATUSES_USAGE}
${EMOJI_USAGE}`;

export async function runAdminCommand(
  deps: Deps,
  argv: string[],
  io: AdminIO,
): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === "help" || group === "--help" || group === undefined) {
    io.out(USAGE);
    return group === undefined ? 1 : 0;
  }
  if (group === "media") {
    return await runMediaCommand(
      deps,
      command,
      rest,
      io,
      (message) => new AdminError(message),
    );
  }
  if (group === "jobs") {
    return await runJobsCommand(
      deps,
      command,
      rest,
      io,
      (message) => new AdminError(message),
    );
  }
  if (group === "domains") {
    return await runDomainsCommand(
      deps,
      command,
      rest,
      io,
      (message) => new AdminError(message),
    );
  }
  if (group === "statuses") {
    return await runStatusesCommand(
      deps,
      command,
      rest,
      io,
      (message) => new AdminError(message),
    );
  }
  if (group === "emoji") {
    return await runEmojiCommand(
      deps,
      command,
      rest,
      io,
      (message) => new AdminError(message),
    );
  }
  if (group !== "accounts") {
    throw new AdminError(`unknown command "${group}" (try: help)`);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      text: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const name = positionals[0];
  const needName = () => {
    if (!name) throw new AdminError(`accounts ${command} needs a username`);
    return name;
  };

  switch (command) {
    case "create": {
      const username = needName();
      if (!values.email) throw new AdminError("accounts create needs --email");
      const role = await roleForOperatorCreatedAccount(
        deps.sql,
        await roleByName(deps.sql, values.role ?? "user"),
      );
      const password = values.password ?? randomToken(12);
      const { account } = await signUp(deps.sql, {
        username,
        email: values.email,
        password,
      }, {
        registrations: deps.config.registrations,
        byOperator: true,
        roleId: role?.id ?? null,
      });
      io.out(
        `created @${account.username} (id ${account.id}, role ${
          role?.name ?? "user"
        })`,
      );
      if (!values.password) io.out(`password: ${password}`);
      return 0;
    }
    case "modify": {
      const { user, account } = await requireLocalLogin(deps.sql, needName());
      if (!values.role) throw new AdminError("accounts modify needs --role");
      const role = await roleByName(deps.sql, values.role);
      await setRole(deps.sql, user.id, role);
      io.out(`@${account.username} now has role ${role?.name ?? "user"}`);
      return 0;
    }
    case "set-password": {
      const { user, account } = await requireLocalLogin(deps.sql, needName());
      const password = values.password ?? randomToken(12);
      // Recorded with the change: the running servers end the user's open streams.
      await setPassword(deps.sql, user.id, password, deps.effects);
      io.out(
        `password changed for @${account.username}; their sessions and tokens were ended`,
      );
      if (!values.password) io.out(`password: ${password}`);
      return 0;
    }
    case "approve": {
      const { user, account } = await requireLocalLogin(deps.sql, needName());
      await approve(deps.sql, user.id);
      io.out(`approved @${account.username}`);
      return 0;
    }
    case "suspend":
    case "unsuspend": {
      const [username, domain = null] = needName().replace(/^@/, "").split("@");
      const account = await findAccountByUsername(deps.sql, username, domain);
      if (!account) throw new AdminError(`no account ${needName()}`);
      const actor = await operator(deps, (m) => new AdminError(m));
      if (command === "suspend") {
        await takeAccountAction(deps, actor, account.id, {
          type: "suspend",
          text: values.text,
        });
      } else {
        await liftLimit(deps, actor, account.id, "unsuspend");
      }
      io.out(`${command}ed ${needName()}`);
      return 0;
    }
    case "confirm": {
      const { user, account } = await requireLocalLogin(deps.sql, needName());
      await confirmAddress(deps, user.id);
      io.out(`confirmed the e-mail address of @${account.username}`);
      return 0;
    }
    case "delete": {
      const { account } = await requireLocalLogin(deps.sql, needName());
      // Its followers' servers hear of it: the Delete is queued in Fedify's queue and sent by
      // the server's queue worker.
      await deleteLocalAccount(deps.sql, account.id, deps.effects);
      io.out(`deleted @${account.username}`);
      return 0;
    }
    case "list": {
      const users = await listLocalUsers(deps.sql);
      io.out("username\temail\trole\tapproved\tcreated");
      for (const u of users) {
        io.out(
          `${u.username}\t${u.email}\t${u.role_name ?? "user"}\t${
            u.approved ? "yes" : "no"
          }\t${u.created_at.toISOString().slice(0, 10)}`,
        );
      }
      return 0;
    }
    default:
      throw new AdminError(
        `unknown command "accounts ${command ?? ""}" (try: help)`,
      );
  }
}
