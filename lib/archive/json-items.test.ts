import assert from "node:assert/strict";
import { OrderedItemsReader } from "./json-items.ts";

Deno.test("outbox.json is read item by item, however its text is cut", () => {
  const document = JSON.stringify(
    {
      "@context": ["https://www.w3.org/ns/activitystreams", { x: "y,}]" }],
      id: "outbox.json",
      type: "OrderedCollection",
      orderedItems: [
        { type: "Create", object: { content: 'a "quoted" ]}, text', n: [1] } },
        "https://example.com/a-bare-uri",
        { type: "Announce", object: null },
      ],
      totalItems: 3,
    },
    null,
    1,
  );
  for (const size of [1, 2, 5, 17, document.length]) {
    const reader = new OrderedItemsReader();
    const items: unknown[] = [];
    for (let i = 0; i < document.length; i += size) {
      items.push(...reader.push(document.slice(i, i + size)));
    }
    assert.deepEqual(items, JSON.parse(document).orderedItems, `cut ${size}`);
    assert.deepEqual(reader.context, JSON.parse(document)["@context"]);
  }
});

Deno.test("an item over 16 MB is refused, not held", () => {
  const reader = new OrderedItemsReader();
  reader.push('{"orderedItems":[{"content":"');
  assert.throws(
    () => {
      for (let i = 0; i < 20; i++) reader.push("x".repeat(1048576));
    },
    SyntaxError,
  );
});
