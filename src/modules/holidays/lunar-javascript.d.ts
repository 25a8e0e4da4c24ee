/** The part of lunar-javascript (which ships no types) that the holiday calendar uses. */
declare module 'lunar-javascript' {
  interface SolarDate {
    toYmd(): string;
  }
  interface LunarDate {
    getSolar(): SolarDate;
    getJieQiTable(): Record<string, SolarDate>;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDate };
  export const Solar: { fromYmd(year: number, month: number, day: number): { getLunar(): LunarDate } };
}
