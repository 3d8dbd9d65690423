/**
 * Letting requests in flight finish when the server stops. Deno's `server.shutdown()` alone is
 * not enough: it waits for handlers, but a request whose body is still arriving (an upload from
 * a slow client) loses its body at once (`BadResource`, a 500). So stopping first drains: new
 * requests get a 503 (with `Connection: close`), those running finish, and only then is the
 * server shut down.
 */
import { settledWithin } from "../settle.ts";

type Handler = (
  req: Request,
  info?: Deno.ServeHandlerInfo,
) => Promise<Response>;

export class RequestDrain {
  #running = 0;
  #draining = false;
  #idle = Promise.withResolvers<void>();

  /** `handler`, counted: the drain knows when none of its calls is running. */
  wrap(handler: Handler): Handler {
    return async (req, info) => {
      if (this.#draining) return shuttingDown();
      this.#running++;
      try {
        return await handler(req, info);
      } finally {
        if (--this.#running === 0 && this.#draining) this.#idle.resolve();
      }
    };
  }

  /**
   * Refuses new requests from now on and resolves once those running have answered (streamed
   * bodies excluded: their handlers have returned), or after `graceMs`; true if all finished.
   */
  async drain(graceMs: number): Promise<boolean> {
    this.#draining = true;
    if (this.#running === 0) return true;
    return await settledWithin(this.#idle.promise, graceMs);
  }
}

function shuttingDown(): Response {
  return new Response(
    JSON.stringify({ error: "The server is restarting; try again shortly" }),
    {
      status: 503,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "retry-after": "5",
        connection: "close",
      },
    },
  );
}
