const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, shifted one day so that serials after the phantom 1900-02-29 come out right. */
const EPOCH = Date.UTC(1899, 11, 30);

/** An Excel serial date (days since 1899-12-30, fraction = time of day) as 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'. */
export function excelSerialToIso(serial: number): string {
  return dateToIso(new Date(EPOCH + serial * MS_PER_DAY));
}

/** A wall-clock date as exceljs hands it over (the cell's date and time in UTC fields), to the second. */
export function dateToIso(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** The inverse, for writing: 'YYYY-MM-DD[ HH:MM:SS]' as the Date exceljs writes as that wall-clock time. */
export function isoToDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T${iso.length > 10 ? iso.slice(11, 19) : '00:00:00'}Z`);
}
