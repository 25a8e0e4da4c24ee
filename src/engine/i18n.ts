/** Every user-facing string of the engine exists in both languages the product ships. */
export interface Localised {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

export type Locale = keyof Localised;

export const text = (zhCN: string, enUS: string): Localised => ({ 'zh-CN': zhCN, 'en-US': enUS });

/** Engine errors carry both languages so the API can answer in the caller's locale. */
export class EngineError extends Error {
  readonly localised: Localised;
  constructor(localised: Localised) {
    super(localised['en-US']);
    this.name = 'EngineError';
    this.localised = localised;
  }
}
