/** The floor for memory and start-up: a bare `Deno.serve` answering 200, nothing else. */
Deno.serve(
  {
    hostname: "127.0.0.1",
    port: Number(Deno.env.get("PORT") ?? 0),
    onListen: () => {},
  },
  () => new Response("ok"),
);
