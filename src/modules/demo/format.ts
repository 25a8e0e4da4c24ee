/** Text forms of values as PostgreSQL reads them (COPY text format and SQL literals share them). */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const fraction = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** A text[] literal; the elements used here never contain quotes or backslashes. */
export function textArray(items: readonly string[]): string {
  return `{${items.map((item) => `"${item}"`).join(',')}}`;
}

export function digits(random: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
  return text;
}
