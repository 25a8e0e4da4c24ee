import { InvalidArgumentError } from 'commander';

export function positiveIntegerOption(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new InvalidArgumentError('must be a positive whole number');
  return value;
}

/** A calendar day that exists: 2025-02-30 would roll over to March in `Date`, and reach the database as an error. */
export function isoDateOption(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
    throw new InvalidArgumentError('must be a date like 2025-06-30');
  }
  return text;
}
