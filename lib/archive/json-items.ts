/**
 * Reads a big ActivityStreams collection document (`outbox.json`) item by item as its text
 * arrives: each element of the top-level `orderedItems` array is parsed on its own and handed
 * out, so a 5,000-post outbox is never one parsed tree. The top-level `@context` is kept when it
 * comes before the items (Mastodon writes it first).
 */
/** One activity is a few kilobytes; a bigger item is not one (and is not held). */
const MAX_ITEM_CHARS = 16 * 1048576;

export class OrderedItemsReader {
  /** The top-level `@context`, once read. */
  context: unknown = undefined;
  #depth = 0;
  #inString = false;
  #escaped = false;
  /** Text of the string literal being read at depth 1 (a key, or a short value). */
  #string = "";
  #lastString = "";
  #key = "";
  /** What is being captured: an `orderedItems` element, or the `@context` value. */
  #capture: "item" | "context" | null = null;
  #buffer = "";
  #inItems = false;

  /** Feeds text; returns the items completed by it. */
  push(text: string): unknown[] {
    const out: unknown[] = [];
    let start = this.#capture ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.#inString) {
        if (this.#depth === 1 && !this.#capture) this.#string += c;
        if (this.#escaped) this.#escaped = false;
        else if (c === "\\") this.#escaped = true;
        else if (c === '"') {
          this.#inString = false;
          if (this.#depth === 1 && !this.#capture) {
            this.#lastString = this.#string.slice(0, -1);
          }
        }
        continue;
      }
      if (c === '"') {
        this.#inString = true;
        this.#string = "";
        if (this.#inItems && this.#depth === 2 && !this.#capture) {
          this.#capture = "item";
          start = i;
        }
        continue;
      }
      if (c === ":" && this.#depth === 1 && !this.#capture) {
        this.#key = this.#lastString;
        if (this.#key === "@context") {
          this.#capture = "context";
          start = i + 1;
        }
        continue;
      }
      if (c === "{" || c === "[") {
        if (this.#inItems && this.#depth === 2 && !this.#capture) {
          this.#capture = "item";
          start = i;
        }
        if (c === "[" && this.#depth === 1 && this.#key === "orderedItems") {
          this.#inItems = true;
        }
        this.#depth++;
        continue;
      }
      if (c === "}" || c === "]") {
        this.#depth--;
        if (this.#depth === 1 && this.#inItems) {
          // The end of orderedItems: a last element not yet ended by a comma.
          if (this.#capture === "item") {
            out.push(this.#finish(text, start, i));
          }
          this.#inItems = false;
          continue;
        }
        if (this.#depth === 0 && this.#capture === "context") {
          this.context = this.#finish(text, start, i);
        }
        continue;
      }
      if (c === ",") {
        if (this.#depth === 2 && this.#capture === "item") {
          out.push(this.#finish(text, start, i));
        } else if (this.#depth === 1 && this.#capture === "context") {
          this.context = this.#finish(text, start, i);
        }
        continue;
      }
      if (
        this.#inItems && this.#depth === 2 && !this.#capture && c.trim() !== ""
      ) {
        this.#capture = "item"; // a number, true, false or null
        start = i;
      }
    }
    if (this.#capture && start >= 0) this.#buffer += text.slice(start);
    if (
      this.#buffer.length > MAX_ITEM_CHARS ||
      this.#string.length > MAX_ITEM_CHARS
    ) {
      throw new SyntaxError("outbox.json has an item over 16 MB");
    }
    return out;
  }

  #finish(text: string, start: number, end: number): unknown {
    const value = JSON.parse(this.#buffer + text.slice(start, end));
    this.#buffer = "";
    this.#capture = null;
    return value;
  }
}
