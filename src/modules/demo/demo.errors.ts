/** Why the demo cannot be loaded, in both interface languages; `code` is stable for the CLI and API. */
export type DemoErrorCode = 'demo.database_not_empty' | 'demo.invalid_option';

export class DemoError extends Error {
  constructor(
    readonly code: DemoErrorCode,
    readonly messages: { readonly 'zh-CN': string; readonly 'en-US': string },
  ) {
    super(`${messages['en-US']} / ${messages['zh-CN']}`);
    this.name = 'DemoError';
  }
}

export function databaseNotEmpty(customers: number): DemoError {
  return new DemoError('demo.database_not_empty', {
    'zh-CN': `数据库中已有 ${customers} 个客户，未加载演示数据。如确需在现有数据上追加演示数据，请使用 --force。`,
    'en-US': `The database already holds ${customers} customers; demo data was not loaded. Use --force to add the demo on top of existing data.`,
  });
}

export function invalidOption(name: string, value: unknown, expected: { zh: string; en: string }): DemoError {
  return new DemoError('demo.invalid_option', {
    'zh-CN': `参数 ${name} 的值 ${String(value)} 无效：应为${expected.zh}。`,
    'en-US': `Invalid value ${String(value)} for ${name}: expected ${expected.en}.`,
  });
}
