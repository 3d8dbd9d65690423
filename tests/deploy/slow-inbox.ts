/**
 * An inbox server that can hold its answers: while held, deliveries arrive (and are counted as
 * arrived) but get no answer, so the sender's delivery stays in flight; released, it answers
 * at once. Only answered deliveries count as made (not one whose sender hung up meanwhile).
 */
export function startSlowInbox() {
  const arrived: string[] = [];
  const answered: string[] = [];
  let held: PromiseWithResolvers<void> | null = null;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      if (req.method !== "POST") {
        await req.body?.cancel();
        return new Response(null, { status: 404 });
      }
      const text = await req.text();
      arrived.push(text);
      if (held) {
        const gone = new Promise<void>((resolve) =>
          req.signal.addEventListener("abort", () => resolve(), { once: true })
        );
        await Promise.race([held.promise, gone]);
      }
      // The sender went away meanwhile (its process stopped): nothing was delivered.
      if (req.signal.aborted) return new Response(null, { status: 503 });
      answered.push(text);
      return new Response(null, { status: 202 });
    },
  );
  const count = (list: string[], text: string) =>
    list.filter((body) => body.includes(text)).length;
  return {
    origin: `http://127.0.0.1:${server.addr.port}`,
    /** Deliveries whose body includes `text` that reached the server. */
    arrived: (text: string) => count(arrived, text),
    /** Deliveries whose body includes `text` that were answered 202. */
    answered: (text: string) => count(answered, text),
    hold() {
      held ??= Promise.withResolvers<void>();
    },
    release() {
      held?.resolve();
      held = null;
    },
    close: () => server.shutdown(),
  };
}
