/**
 * The template language of care messages: `{{field}}` placeholders and nothing else (no logic, no loops), so a
 * template written by a sales manager can be checked completely when it is saved. Pure: no database, no clock.
 */

export const mergeFields = [
  'contact.name',
  'contact.title',
  'customer.name',
  'customer.shortName',
  'grade',
  'lastProduct',
  'owner.name',
  'owner.phone',
  'owner.email',
  'holiday',
  'today',
] as const;
export type MergeField = (typeof mergeFields)[number];
export type MergeValues = Partial<Record<MergeField, string | null>>;

const known = new Set<string>(mergeFields);
const isMergeField = (name: string): name is MergeField => known.has(name);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every distinct placeholder name of the text that is not a merge field, in order of appearance. */
export function unknownMergeFields(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !isMergeField(name)))];
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

interface Filled {
  readonly text: string;
  readonly missing: readonly MergeField[];
}

/**
 * Replaces each placeholder with its value; a missing or blank value renders as nothing and is reported. Each
 * piece (literal or value) goes through `piece`, so HTML output escapes a customer called `<b>` like any text.
 */
function fill(template: string, values: MergeValues, piece: (text: string) => string): Filled {
  const missing: MergeField[] = [];
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    out += piece(template.slice(last, match.index));
    last = match.index + match[0].length;
    const value = isMergeField(name) ? values[name]?.trim() : undefined;
    if (value) out += piece(value);
    else if (isMergeField(name) && !missing.includes(name)) missing.push(name);
  }
  return { text: out + piece(template.slice(last)), missing };
}

const htmlPiece = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>\n');

export interface RenderedMessage {
  readonly subject: string;
  readonly body: string;
  /** The email body as HTML (null for text-only channels). */
  readonly bodyHtml: string | null;
  /** Merge fields that had no value for this recipient and rendered as nothing. */
  readonly warnings: readonly MergeField[];
}

export function renderMessage(
  template: { readonly subject: string; readonly body: string },
  values: MergeValues,
  options: { readonly html: boolean },
): RenderedMessage {
  const subject = fill(template.subject, values, (text) => text);
  const body = fill(template.body, values, (text) => text);
  return {
    subject: subject.text.replace(/\s+/g, ' ').trim(),
    body: body.text,
    bodyHtml: options.html ? fill(template.body, values, htmlPiece).text : null,
    warnings: [...new Set([...subject.missing, ...body.missing])],
  };
}
