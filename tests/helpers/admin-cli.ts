/**
 * The operator CLI as an operator runs it: `deno task admin …` in its own process, with the
 * environment given (a `DATABASE_URL`, or a `DATA_DIR` for the embedded database).
 */
const ROOT = new URL("../..", import.meta.url).pathname;

export interface AdminRun {
  code: number;
  out: string;
  /** Standard error, trimmed (the CLI's one-line errors and its "admin: …" notes). */
  err: string;
}

export async function runAdminCli(
  env: Record<string, string>,
  ...args: string[]
): Promise<AdminRun> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "admin", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: output.code,
    out: new TextDecoder().decode(output.stdout),
    err: new TextDecoder().decode(output.stderr).trim(),
  };
}
