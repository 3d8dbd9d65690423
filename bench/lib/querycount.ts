/**
 * How many SQL statements one request costs: a second server process on the same database,
 * connected through the counting proxy, is sent requests one at a time; the count per request
 * (less the idle rate of the same server) is the figure. A constant count across data sizes and
 * pages means the page is built in a constant number of queries.
 */
import { startQueryCounter } from "./pgcount.ts";
import { spawnDeno, starlingEnv } from "./process.ts";

export interface QueryCountRequest {
  name: string;
  /** Builds the request for iteration i against `origin`. */
  request(origin: string, i: number): [string, RequestInit];
}

export async function countQueries(
  dbUrl: string,
  requests: QueryCountRequest[],
  perRequest = 10,
  /** Where to write the statements of each kind's last request (for reading, not parsing). */
  logFile?: string,
): Promise<Map<string, number | string>> {
  const logLines: string[] = [];
  const counter = startQueryCounter();
  const url = new URL(dbUrl);
  url.host = `127.0.0.1:${counter.port}`;
  const out = new Map<string, number | string>();
  const server = await spawnDeno({
    name: "querycount-server",
    env: await starlingEnv(url.href),
  });
  try {
    // Idle rate over one second (timers, pollers) to subtract.
    const idleStart = counter.count();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 1000));
    const idlePerMs = (counter.count() - idleStart) / (performance.now() - t0);
    for (const req of requests) {
      const before = counter.count();
      const started = performance.now();
      let failed = 0;
      for (let i = 0; i < perRequest; i++) {
        counter.takeLog();
        const [path, init] = req.request(server.origin, i);
        const res = await fetch(path, init);
        await res.arrayBuffer();
        if (!res.ok) failed++;
        if (i === perRequest - 1) {
          const statements = counter.takeLog();
          logLines.push(`## ${req.name} (${statements.length} statements)`, "");
          for (const text of statements) {
            logLines.push(
              `- ${text.replace(/\s+/g, " ").trim().slice(0, 1500)}`,
            );
          }
          logLines.push("");
        }
      }
      const idle = idlePerMs * (performance.now() - started);
      if (failed === perRequest) out.set(req.name, "endpoint failed");
      else {out.set(
          req.name,
          Math.max(0, (counter.count() - before - idle) / perRequest),
        );}
    }
  } finally {
    await server.stop();
    counter.close();
  }
  if (logFile) await Deno.writeTextFile(logFile, logLines.join("\n"));
  return out;
}
