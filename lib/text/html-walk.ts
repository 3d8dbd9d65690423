/**
 * A linear-time HTML event walker: htmlparser2's tokenizer (the lexing, with
 * entity decoding and raw-text elements) plus a small tree builder of our own.
 *
 * htmlparser2's `Parser` keeps its open-element stack with `unshift`/`shift`
 * and looks up end tags with `indexOf`, which is quadratic on deeply nested
 * input (1 MB of `<b>` took ~60 s). Here the stack is push/pop and a count of
 * open elements per name makes stray end tags O(1), so every input is
 * processed in linear time and constant call-stack depth.
 *
 * Events are always balanced: every `open` gets exactly one `close`, in
 * nesting order (void elements are closed at once; what is still open at
 * the end is closed then).
 *
 * @module
 */
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

export interface HtmlSink {
  open(name: string, attribs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "image",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

const CLOSES_P = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "details",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul",
]);

/** Which open element on top of the stack a new start tag implicitly ends. */
function impliedClose(name: string, top: string): boolean {
  if (top === "p") return CLOSES_P.has(name);
  switch (name) {
    case "li":
      return top === "li";
    case "dt":
    case "dd":
      return top === "dt" || top === "dd";
    case "tr":
      return top === "tr" || top === "td" || top === "th";
    case "td":
    case "th":
      return top === "td" || top === "th";
    case "option":
      return top === "option";
    default:
      return false;
  }
}

function fromCodePoint(cp: number): string {
  try {
    return String.fromCodePoint(cp);
  } catch {
    return "\uFFFD";
  }
}

class Walker implements TokenizerCallbacks {
  readonly stack: string[] = [];
  private readonly openCount = new Map<string, number>();
  private foreign = 0; // open svg/math elements
  private tagname = "";
  private attribs: Record<string, string> = {};
  private attribname = "";
  private attribvalue = "";

  constructor(private readonly src: string, private readonly sink: HtmlSink) {}

  isInForeignContext(): boolean {
    return this.foreign > 0;
  }

  ontext(start: number, end: number): void {
    if (end > start) this.sink.text(this.src.slice(start, end));
  }
  ontextentity(cp: number): void {
    this.sink.text(fromCodePoint(cp));
  }
  onopentagname(start: number, end: number): void {
    this.tagname = this.src.slice(start, end).toLowerCase();
    this.attribs = {};
  }
  onattribname(start: number, end: number): void {
    this.attribname = this.src.slice(start, end).toLowerCase();
    this.attribvalue = "";
  }
  onattribdata(start: number, end: number): void {
    this.attribvalue += this.src.slice(start, end);
  }
  onattribentity(cp: number): void {
    this.attribvalue += fromCodePoint(cp);
  }
  onattribend(): void {
    if (!Object.hasOwn(this.attribs, this.attribname)) {
      this.attribs[this.attribname] = this.attribvalue;
    }
    this.attribvalue = "";
  }
  onopentagend(): void {
    this.emitOpen(false);
  }
  onselfclosingtag(): void {
    this.emitOpen(true);
  }
  onclosetag(start: number, end: number): void {
    const name = this.src.slice(start, end).toLowerCase();
    if ((this.openCount.get(name) ?? 0) > 0) {
      for (;;) if (this.pop() === name) break;
    } else if (name === "br") {
      this.sink.open("br", {});
      this.sink.close("br");
    } else if (name === "p" && this.foreign === 0) {
      this.sink.open("p", {});
      this.sink.close("p");
    }
  }
  oncomment(): void {}
  oncdata(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {
    while (this.stack.length > 0) this.pop();
  }

  private emitOpen(selfClosing: boolean): void {
    const name = this.tagname === "image" ? "img" : this.tagname;
    const attribs = this.attribs;
    this.tagname = "";
    this.attribs = {};
    if (name === "") return;
    if (this.foreign === 0) {
      while (
        this.stack.length > 0 && impliedClose(name, this.stack.at(-1)!)
      ) this.pop();
    }
    if (this.foreign === 0 && VOID.has(name)) {
      this.sink.open(name, attribs);
      this.sink.close(name);
      return;
    }
    this.stack.push(name);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (name === "svg" || name === "math") this.foreign++;
    this.sink.open(name, attribs);
    if (selfClosing && this.foreign > 0) this.pop();
  }

  private pop(): string {
    const name = this.stack.pop()!;
    this.openCount.set(name, this.openCount.get(name)! - 1);
    if (name === "svg" || name === "math") this.foreign--;
    this.sink.close(name);
    return name;
  }
}

/** Tokenises `html` and reports balanced element and text events to `sink`. */
export function walkHtml(html: string, sink: HtmlSink): void {
  const walker = new Walker(html, sink);
  const tokenizer = new Tokenizer({ decodeEntities: true }, walker);
  tokenizer.write(html);
  tokenizer.end();
}
