/**
 * What a `ROLE=worker` process serves on `PORT`: `GET /health` only (200 while the database
 * answers, 503 otherwise), for a supervisor's liveness check. Pages, the API and ActivityPub
 * are the web processes' job.
 */
import type { Deps } from "../deps.ts";
import type { WebApp } from "./app.ts";

export function workerHealthApp(deps: Deps): WebApp {
  return {
    handler: async (req) => {
      if (new URL(req.url).pathname !== "/health") {
        return Response.json(
          { error: "This is a Starling worker: it serves /health only" },
          { status: 404 },
        );
      }
      try {
        await deps.sql`SELECT 1`;
        return Response.json({ role: deps.config.role, database: "ok" });
      } catch {
        return Response.json(
          { role: deps.config.role, database: "unavailable" },
          { status: 503 },
        );
      }
    },
    close: () => Promise.resolve(),
  };
}
