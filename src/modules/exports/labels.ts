import type { Locale } from '../../server/messages.js';
import type { ExportCell } from './table-output.js';

export type Label = { readonly 'zh-CN': string; readonly 'en-US': string };

export const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

const yesNo = { true: label('是', 'yes'), false: label('否', 'no') };

export const yesNoText = (value: boolean, locale: Locale) => yesNo[`${value}`][locale];

/** Grade ladders (model definitions are JSON): grade index → code. */
export function ladderCodes(definition: unknown): string[] {
  const ladder = (definition as { ladder?: { code: string }[] } | null)?.ladder ?? [];
  return ladder.map((grade) => grade.code);
}

export function factorLabels(definition: unknown, locale: Locale): string[] {
  const factors = (definition as { factors?: { id: string; name?: Label }[] } | null)?.factors ?? [];
  return factors.map((factor) => factor.name?.[locale] ?? factor.id);
}

export const timestampText = (value: Date | string) => new Date(value).toISOString();

/** Money as an exact decimal (CSV keeps it as written); NULL stays empty. */
export const moneyCell = (value: string | null | undefined): ExportCell =>
  value === null || value === undefined ? null : { decimal: value };

/** A calendar day ('YYYY-MM-DD') as a date cell; NULL stays empty. */
export const dateCell = (value: string | null | undefined): ExportCell => (value ? { date: value } : null);
