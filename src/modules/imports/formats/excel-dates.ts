const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, shifted one day so that serials after the phantom 1900-02-29 come out right. */
const EPOCH = Date.UTC(1899, 11, 30);
const EPOCH_DAYS = EPOCH / MS_PER_DAY;
/** 9999-12-31, Excel's last date. */
const LAST_DAY = 2_958_465;

/** An Excel serial date (days since 1899-12-30, fraction = time of day) as 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'. */
export function excelSerialToIso(serial: number): string {
  // A whole day, the common case of a date column, is computed without a Date: a million of them a second more.
  if (Number.isInteger(serial) && serial >= 0 && serial <= LAST_DAY) return civilDate(EPOCH_DAYS + serial);
  return dateToIso(new Date(EPOCH + serial * MS_PER_DAY));
}

/** A wall-clock date in UTC fields, to the second. */
function dateToIso(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** Days since 1970-01-01 as 'YYYY-MM-DD' (proleptic Gregorian; H. Hinnant's civil_from_days, years 0–9999). */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The inverse, for writing: 'YYYY-MM-DD[ HH:MM:SS]' as the Date exceljs writes as that wall-clock time. */
export function isoToDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T${iso.length > 10 ? iso.slice(11, 19) : '00:00:00'}Z`);
}
