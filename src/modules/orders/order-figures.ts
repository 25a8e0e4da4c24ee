import { AppError } from '../../server/errors.js';
import { multiplyToMoney, sameMoney, subtractMoney, sumMoney } from './decimal.js';

export interface LineInput {
  readonly product: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount?: string | undefined;
  readonly cost?: string | null | undefined;
}

export interface FigureInput {
  readonly amount?: string | undefined;
  /** undefined: derive from the lines when every line has a cost; null: no cost known. */
  readonly cost?: string | null | undefined;
  readonly grossProfit?: string | null | undefined;
  /** The gross profit to keep when neither a cost nor a new gross profit is given (an update's stored value). */
  readonly fallbackGrossProfit?: string | null;
  readonly lines: readonly LineInput[];
}

export interface ResolvedLine {
  readonly product: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly cost: string | null;
}

export interface Figures {
  readonly amount: string;
  readonly cost: string | null;
  readonly grossProfit: string | null;
  readonly lines: readonly ResolvedLine[];
}

/**
 * The money figures of an order, consistent by construction:
 * - a line's amount defaults to quantity × unit price (exact, rounded to cents);
 * - with lines, the order amount is their sum: derived when omitted, refused when given and different;
 * - without lines, the amount is required;
 * - with a cost, gross profit is amount − cost: derived when omitted, refused when given and different.
 */
export function resolveFigures(input: FigureInput): Figures {
  const lines = input.lines.map((line): ResolvedLine => ({
    product: line.product,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    amount: line.amount ?? multiplyToMoney(line.quantity, line.unitPrice),
    cost: line.cost ?? null,
  }));
  const linesTotal = lines.length > 0 ? sumMoney(lines.map((line) => line.amount)) : undefined;
  const amount = input.amount ?? linesTotal;
  if (amount === undefined) throw AppError.invalid('amount', 'required');
  if (linesTotal !== undefined && !sameMoney(amount, linesTotal))
    throw AppError.invalid('amount', 'lines_mismatch');

  const lineCosts = lines.map((line) => line.cost);
  const everyLineCosted = lines.length > 0 && lineCosts.every((cost) => cost !== null);
  const cost =
    input.cost !== undefined ? input.cost : everyLineCosted ? sumMoney(lineCosts as string[]) : null;

  if (cost === null) {
    const grossProfit =
      input.grossProfit !== undefined ? input.grossProfit : (input.fallbackGrossProfit ?? null);
    return { amount, cost, grossProfit, lines };
  }
  const derived = subtractMoney(amount, cost);
  if (
    input.grossProfit !== undefined &&
    input.grossProfit !== null &&
    !sameMoney(input.grossProfit, derived)
  ) {
    throw AppError.invalid('grossProfit', 'profit_mismatch');
  }
  return { amount, cost, grossProfit: derived, lines };
}
