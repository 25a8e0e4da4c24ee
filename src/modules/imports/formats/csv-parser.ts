/** How the fields of a text line are separated; 'whitespace' means runs of spaces or tabs (fixed-width exports). */
export type Delimiter = ',' | '\t' | ';' | '|' | 'whitespace';

export const delimiters: readonly Delimiter[] = [',', '\t', ';', '|', 'whitespace'];

/**
 * A streaming RFC 4180 parser: feed decoded text in any chunks, receive whole records. Quoted fields may hold
 * delimiters, doubled quotes and line breaks; CR, LF and CRLF all end a record. In whitespace mode there is no
 * quoting and leading/trailing blanks are ignored.
 */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  /** 'start' before a field's first character; 'quote' just after a quote inside a quoted field. */
  private state: 'start' | 'plain' | 'quoted' | 'quote' = 'start';
  private pendingCr = false;

  constructor(private readonly delimiter: Delimiter) {}

  feed(text: string, emit: (record: string[]) => void): void {
    if (this.delimiter === 'whitespace') return this.feedWhitespace(text, emit);
    const separator = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (char === '\n') continue;
      }
      if (this.state === 'quoted') {
        if (char === '"') this.state = 'quote';
        else this.field += char;
        continue;
      }
      if (this.state === 'quote') {
        if (char === '"') {
          this.field += '"';
          this.state = 'quoted';
          continue;
        }
        this.state = 'plain';
      }
      if (char === separator) {
        this.endField();
      } else if (char === '\n' || char === '\r') {
        this.endRecord(emit);
        if (char === '\r') this.pendingCr = true;
      } else if (char === '"' && this.state === 'start') {
        this.state = 'quoted';
      } else {
        this.field += char;
        this.state = 'plain';
      }
    }
  }

  private feedWhitespace(text: string, emit: (record: string[]) => void): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char === '\n' || char === '\r') {
        this.field += text.slice(start, i);
        start = i + 1;
        this.emitLine(emit);
      }
    }
    this.field += text.slice(start);
  }

  private emitLine(emit: (record: string[]) => void): void {
    const line = this.field.trim();
    this.field = '';
    if (line !== '') emit(line.split(/[ \t]+/));
  }

  end(emit: (record: string[]) => void): void {
    if (this.delimiter === 'whitespace') return this.emitLine(emit);
    if (this.state !== 'start' || this.record.length > 0) this.endRecord(emit);
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.state = 'start';
  }

  private endRecord(emit: (record: string[]) => void): void {
    this.endField();
    const record = this.record;
    this.record = [];
    if (record.length === 1 && record[0] === '') return;
    emit(record);
  }
}

/**
 * The delimiter that splits the sample's lines into the most columns, consistently: for each candidate, the number of
 * lines whose field count equals the first line's, weighted by that count. Whitespace wins only when no separator
 * character gives more than one column.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = sample.split(/\r\n|\n|\r/).slice(0, 50);
  if (lines.length > 1) lines.pop();
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of delimiters) {
    const counts = nonEmpty.map((line) => splitSample(line, delimiter).length);
    const first = counts[0] ?? 0;
    if (first < 2) continue;
    const consistent = counts.filter((count) => count === first).length;
    const score = consistent * first * (delimiter === 'whitespace' ? 0.5 : 1);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function splitSample(line: string, delimiter: Delimiter): string[] {
  const records: string[][] = [];
  const parser = new CsvParser(delimiter);
  parser.feed(line, (record) => records.push(record));
  parser.end((record) => records.push(record));
  return records[0] ?? [];
}
