import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMessage, unknownMergeFields } from './render.js';

const template = {
  subject: '{{contact.name}}，生日快乐',
  body: '尊敬的{{contact.name}}：\n{{customer.name}}（{{grade}}）最近采购了{{lastProduct}}。\n{{owner.name}}',
};

describe('merge field check at save time', () => {
  it('names every unknown field once, in order, and accepts the known ones with spaces inside the braces', () => {
    expect(unknownMergeFields('{{ contact.name }} {{contact.nmae}} {{foo}} {{contact.nmae}}')).toEqual([
      'contact.nmae',
      'foo',
    ]);
    expect(unknownMergeFields('{{customer.name}}{{ grade }}{{holiday}}{{owner.name}}')).toEqual([]);
  });

  it('treats an empty placeholder as unknown and ignores single braces', () => {
    expect(unknownMergeFields('{{}} and {single}')).toEqual(['']);
  });
});

describe('rendering', () => {
  it('fills every field and reports no warning when all values are there', () => {
    const rendered = renderMessage(
      template,
      {
        'contact.name': '王芳',
        'customer.name': '江苏恒瑞',
        grade: 'A 类',
        lastProduct: '液压泵',
        'owner.name': '张三',
      },
      { html: false },
    );
    expect(rendered.subject).toBe('王芳，生日快乐');
    expect(rendered.body).toBe('尊敬的王芳：\n江苏恒瑞（A 类）最近采购了液压泵。\n张三');
    expect(rendered.bodyHtml).toBeNull();
    expect(rendered.warnings).toEqual([]);
  });

  it('renders a missing or blank value as nothing and lists the field as a warning once', () => {
    const rendered = renderMessage(
      { subject: '{{lastProduct}} 补货', body: '{{lastProduct}} / {{grade}} / {{contact.name}}' },
      { 'contact.name': '王芳', grade: '  ', lastProduct: null },
      { html: false },
    );
    expect(rendered.subject).toBe('补货');
    expect(rendered.body).toBe(' /  / 王芳');
    expect(rendered.warnings).toEqual(['lastProduct', 'grade']);
  });

  it('escapes values and template text in the HTML body, keeping line breaks, but not in the text body', () => {
    const rendered = renderMessage(
      { subject: 'Hi {{customer.name}}', body: 'Dear {{contact.name}} & co\n<team>' },
      { 'contact.name': '<script>alert("x")</script>', 'customer.name': 'A&B' },
      { html: true },
    );
    expect(rendered.bodyHtml).toBe(
      'Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co<br>\n&lt;team&gt;',
    );
    expect(rendered.body).toBe('Dear <script>alert("x")</script> & co\n<team>');
    expect(rendered.subject).toBe('Hi A&B');
  });

  it('collapses line breaks in the subject, which must be one line', () => {
    const rendered = renderMessage(
      { subject: '{{holiday}}\n快乐', body: '' },
      { holiday: '中秋节' },
      { html: false },
    );
    expect(rendered.subject).toBe('中秋节 快乐');
  });

  it('leaves a value that looks like a placeholder as it is (no second expansion)', () => {
    const rendered = renderMessage(
      { subject: '', body: '{{contact.name}}' },
      { 'contact.name': '{{owner.name}}', 'owner.name': 'X' },
      { html: false },
    );
    expect(rendered.body).toBe('{{owner.name}}');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
