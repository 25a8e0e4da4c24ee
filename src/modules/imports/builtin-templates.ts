import type { ImportEntity } from './fields.js';
import type { Mapping } from './mapping.js';
import type { EntityOptions } from './entity-plan.js';
import type { TextEncoding } from './formats/encoding.js';
import type { Delimiter } from './formats/text-reader.js';

export interface ImportTemplate {
  readonly name: string;
  readonly entity: ImportEntity;
  readonly mapping: Mapping;
  readonly options: TemplateOptions;
}

export interface TemplateOptions extends EntityOptions {
  readonly skipOrderPrefix?: string;
  readonly delimiter?: Delimiter;
  readonly encoding?: TextEncoding;
  readonly sheet?: string;
}

/** Templates for the public datasets in shared/data (see its README). */
export const builtinTemplates: readonly ImportTemplate[] = [
  {
    name: 'online-retail',
    entity: 'orders',
    mapping: {
      order_no: { column: 'InvoiceNo' },
      customer_code: { column: 'CustomerID' },
      order_date: { column: 'InvoiceDate', part: 'date' },
      product: { column: 'StockCode' },
      quantity: { column: 'Quantity' },
      unit_price: { column: 'UnitPrice' },
      currency: { constant: 'GBP' },
    },
    options: { createCustomers: true, cancelledPrefix: 'C' },
  },
  {
    name: 'cdnow',
    entity: 'orders',
    mapping: {
      order_no: { template: 'CDNOW-{customer_id}-{row}' },
      customer_code: { column: 'customer_id' },
      order_date: { column: 'date' },
      amount: { column: 'dollar_value' },
      currency: { constant: 'USD' },
    },
    options: { createCustomers: true, delimiter: 'whitespace' },
  },
];
