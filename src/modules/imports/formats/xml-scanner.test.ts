import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXml, XmlError, XmlScanner, type Tag, type XmlHandler } from './xml-scanner.js';

/** Every event as text, attributes included: what a handler could learn from the scan. */
function events(chunks: readonly string[], textInside = new Set(['v', 't'])): string[] {
  const seen: string[] = [];
  const open: string[] = [];
  const handler: XmlHandler & { wantsText: boolean } = {
    wantsText: false,
    open(tag: Tag) {
      const name = tag.text.slice(tag.nameStart, tag.nameEnd);
      const attributes: string[] = [];
      while (tag.nextAttribute())
        attributes.push(
          `${tag.text.slice(tag.attributeStart, tag.attributeEnd)}=${decodeXml(tag.text.slice(tag.valueStart, tag.valueEnd))}`,
        );
      seen.push(`<${name}${attributes.map((a) => ` ${a}`).join('')}>`);
      open.push(name);
      handler.wantsText = textInside.has(name);
    },
    close(tag: Tag) {
      seen.push(`</${tag.text.slice(tag.nameStart, tag.nameEnd)}>`);
      open.pop();
      handler.wantsText = textInside.has(open.at(-1) ?? '');
    },
    text(text: string) {
      if (typeof seen.at(-1) === 'string' && seen.at(-1)!.startsWith('"'))
        seen[seen.length - 1] = `"${seen.at(-1)!.slice(1, -1)}${text}"`;
      else seen.push(`"${text}"`);
    },
  };
  const scanner = new XmlScanner(handler);
  for (const chunk of chunks) scanner.feed(chunk);
  scanner.end();
  return seen;
}

const sheet =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <c> inside -->' +
  '<x:worksheet xmlns:x="urn:x"><x:sheetData>' +
  '<x:row r="1" spans="1:3"><x:c r="A1" t=\'inlineStr\'><x:is><x:t>Tom &amp; Jerry &lt;&#x4E2D;&#25991;&gt;</x:t></x:is></x:c>' +
  '<x:c r="B1" s="2"><x:f>SUM(A1:A2)&gt;0</x:f><x:v>12.5</x:v></x:c>' +
  '<x:c r="C1" note="a > b"/></x:row>' +
  '<x:row r="2"><x:c r="A2"><x:v><![CDATA[<raw & text>]]></x:v></x:c></x:row>' +
  '</x:sheetData></x:worksheet>';

const expected = [
  '<worksheet x=urn:x>',
  '<sheetData>',
  '<row r=1 spans=1:3>',
  '<c r=A1 t=inlineStr>',
  '<is>',
  '<t>',
  '"Tom & Jerry <中文>"',
  '</t>',
  '</is>',
  '</c>',
  '<c r=B1 s=2>',
  '<f>',
  '</f>',
  '<v>',
  '"12.5"',
  '</v>',
  '</c>',
  '<c r=C1 note=a > b>',
  '</c>',
  '</row>',
  '<row r=2>',
  '<c r=A2>',
  '<v>',
  '"<raw & text>"',
  '</v>',
  '</c>',
  '</row>',
  '</sheetData>',
  '</worksheet>',
];

describe('the XML scanner reports the same events however the input is cut into chunks', () => {
  it('in one piece: prefixes dropped, entities decoded, CDATA as text, a quoted > inside a tag, comments skipped', () => {
    expect(events([sheet])).toEqual(expected);
  });

  it('one character at a time', () => {
    expect(events([...sheet])).toEqual(expected);
  });

  it('at any cut points (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: sheet.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const points = [0, ...[...cuts].sort((a, b) => a - b), sheet.length];
          const chunks = points.slice(1).map((end, i) => sheet.slice(points[i], end));
          expect(events(chunks)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the XML scanner refuses broken input', () => {
  it('a document cut off inside a tag', () => {
    expect(() => events(['<a><b attr="x'])).toThrow(XmlError);
  });

  it('a tag opened inside another tag', () => {
    expect(() => events(['<a <b>'])).toThrow(/malformed tag/);
  });
});

describe('character references', () => {
  it('named, decimal and hexadecimal references decode; an out-of-range one becomes U+FFFD; & alone is kept', () => {
    expect(decodeXml('&lt;&gt;&amp;&quot;&apos;&#20013;&#x6587;&#x1F600;&#x110000; A&B')).toBe(
      '<>&"\'中文😀\ufffd A&B',
    );
  });
});
