import type { Locale } from '../../server/messages.js';

export type Label = { readonly 'zh-CN': string; readonly 'en-US': string };

export const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

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
