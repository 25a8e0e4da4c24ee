/** The fields whose values differ between an audit entry's before and after images. */
export function changedFields(before: unknown, after: unknown): string[] {
  const asRecord = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const a = asRecord(before);
  const b = asRecord(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}

/** The colour of an audit action's tag, shared by a customer's history and the company-wide log. */
export const auditActionColours: Readonly<Record<string, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
};
