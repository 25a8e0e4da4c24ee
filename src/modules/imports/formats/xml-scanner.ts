/**
 * A streaming scanner for the XML of an XLSX package: elements and their attributes, and character data where the
 * handler asks for it. No tree and no object per event: the handler reads the current tag through one reused `Tag`,
 * so a sheet of millions of cells costs a few strings per cell. Namespace prefixes are ignored (`x:row` is `row`);
 * comments, processing instructions and the document type are skipped; CDATA is character data.
 */
export interface XmlHandler {
  open(tag: Tag): void;
  /** Also called right after `open` for a self-closing element. */
  close(tag: Tag): void;
  /** Decoded character data; called only while `wantsText` is true, possibly in several pieces. */
  text(text: string): void;
  readonly wantsText: boolean;
  /** Set to stop: the rest of the input is not scanned. */
  readonly done?: boolean;
}

export class XmlError extends Error {}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** The tag being reported: its local name and attributes, read in place from the scanner's buffer. */
export class Tag {
  text = '';
  nameStart = 0;
  nameEnd = 0;
  private attributesEnd = 0;
  private cursor = 0;
  /** The current attribute (after `nextAttribute` or `find`): its local name's range and its raw value's range. */
  attributeStart = 0;
  attributeEnd = 0;
  valueStart = 0;
  valueEnd = 0;

  set(text: string, nameStart: number, nameEnd: number, attributesEnd: number): void {
    this.text = text;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.attributesEnd = attributesEnd;
    this.cursor = nameEnd;
  }

  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.text.startsWith(name, this.nameStart);
  }

  /** Moves to the tag's next attribute; false when there is none (or the rest is malformed). */
  nextAttribute(): boolean {
    const text = this.text;
    const end = this.attributesEnd;
    let at = this.cursor;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    let localStart = at;
    while (at < end) {
      const code = text.charCodeAt(at);
      if (code === EQUALS || isSpace(code)) break;
      if (code === COLON) localStart = at + 1;
      at++;
    }
    const nameEnd = at;
    while (at < end && text.charCodeAt(at) !== EQUALS) at++;
    at++;
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    const quote = text.charCodeAt(at);
    if (nameEnd === localStart || (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE)) {
      this.cursor = end;
      return false;
    }
    const valueEnd = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", at + 1);
    if (valueEnd < 0 || valueEnd > end) {
      this.cursor = end;
      return false;
    }
    this.attributeStart = localStart;
    this.attributeEnd = nameEnd;
    this.valueStart = at + 1;
    this.valueEnd = valueEnd;
    this.cursor = valueEnd + 1;
    return true;
  }

  /** Whether the current attribute's local name is a single character of that code (r, s and t of a cell). */
  attributeIsChar(code: number): boolean {
    return (
      this.attributeEnd - this.attributeStart === 1 && this.text.charCodeAt(this.attributeStart) === code
    );
  }

  /** Whether the attribute of that local name is present; its raw value's range is then in valueStart/valueEnd. */
  find(name: string): boolean {
    this.cursor = this.nameEnd;
    while (this.nextAttribute()) {
      if (
        this.attributeEnd - this.attributeStart === name.length &&
        this.text.startsWith(name, this.attributeStart)
      )
        return true;
    }
    return false;
  }

  attribute(name: string): string | undefined {
    return this.find(name) ? decodeXml(this.text.slice(this.valueStart, this.valueEnd)) : undefined;
  }
}

export class XmlScanner {
  private pending = '';
  private readonly tag = new Tag();

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    const handler = this.handler;
    const tag = this.tag;
    const text = this.pending + chunk;
    this.pending = '';
    let at = 0;
    while (at < text.length && !handler.done) {
      const open = text.indexOf('<', at);
      if (open < 0) {
        // Character data may go on in the next chunk (and an entity may be cut in two): kept until its end is seen.
        if (handler.wantsText) this.pending = text.slice(at);
        return;
      }
      if (open > at && handler.wantsText) handler.text(decodeXml(text.slice(at, open)));
      const next = text.charCodeAt(open + 1);
      if (next !== next) {
        this.pending = text.slice(open);
        return;
      }
      if (next === BANG || next === QUESTION) {
        const end = this.special(text, open);
        if (end < 0) {
          this.pending = text.slice(open);
          return;
        }
        at = end;
        continue;
      }
      const close = tagEnd(text, open + 1);
      if (close < 0) {
        this.pending = text.slice(open);
        return;
      }
      const closing = next === SLASH;
      let nameEnd = open + (closing ? 2 : 1);
      let nameStart = nameEnd;
      for (; nameEnd < close; nameEnd++) {
        const code = text.charCodeAt(nameEnd);
        if (isSpace(code) || code === SLASH) break;
        if (code === COLON) nameStart = nameEnd + 1;
      }
      const selfClosing = !closing && text.charCodeAt(close - 1) === SLASH;
      tag.set(text, nameStart, nameEnd, selfClosing ? close - 1 : close);
      if (closing) handler.close(tag);
      else {
        handler.open(tag);
        if (selfClosing) handler.close(tag);
      }
      at = close + 1;
    }
  }

  /** The input has ended: anything left unfinished is a truncated document. */
  end(): void {
    if (!this.handler.done && this.pending.trim() !== '') throw new XmlError('truncated XML');
  }

  /** Skips a comment, processing instruction or declaration; CDATA goes to the handler. -1: not complete yet. */
  private special(text: string, open: number): number {
    if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open + 9);
      if (end < 0) return -1;
      if (this.handler.wantsText) this.handler.text(text.slice(open + 9, end));
      return end + 3;
    }
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (text.length < open + 9 && '<![CDATA['.startsWith(text.slice(open))) return -1;
    const end = tagEnd(text, open + 1);
    return end < 0 ? -1 : end + 1;
  }
}

/** The `>` that ends a tag, outside quoted attribute values (which may hold one); -1 when not in `text` yet. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === GT) return at;
    else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) quote = code;
    else if (code === LT) throw new XmlError(`malformed tag at ${text.slice(from - 1, at + 1).slice(0, 40)}`);
  }
  return -1;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_match, name: string) => {
    if (name.charCodeAt(0) !== 0x23) return NAMED_ENTITIES[name]!;
    const code = name.charCodeAt(1) === 0x78 ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}
