/**
 * Memory cost of loading modules: imports what it is told (`none`, a package name or a project
 * path) in a fresh process, waits for the heap to settle, and prints its RSS as JSON. The memory
 * scenario runs it to show where the server's idle RSS comes from.
 */
const what = Deno.args[0] ?? "none";
if (what !== "none") await import(what);
await new Promise((r) => setTimeout(r, 500));
const { rss, heapUsed } = Deno.memoryUsage();
console.log(
  JSON.stringify({
    what,
    rssKiB: Math.round(rss / 1024),
    heapKiB: Math.round(heapUsed / 1024),
  }),
);
