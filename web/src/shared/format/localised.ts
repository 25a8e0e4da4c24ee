/** The engine's two-language names: the user's language, Chinese when the language is not English. */
export function pickLocalised(
  text: { 'zh-CN': string; 'en-US': string } | null | undefined,
  language: string,
): string {
  if (!text) return '';
  return language.startsWith('en') ? text['en-US'] : text['zh-CN'];
}

/** A share 0–1 as a percentage with one decimal; an undefined share as a dash. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : `${(value * 100).toFixed(1)}%`;
}

/** A relative change as a signed percentage (+12.5%, −3.0%); nothing to compare with as a dash. */
export function formatChange(value: number | null | undefined): string {
  const share = formatShare(value);
  return value !== null && value !== undefined && value > 0 ? `+${share}` : share;
}
