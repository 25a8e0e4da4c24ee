const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, shifted one day so that serials after the phantom 1900-02-29 come out right. */
const EPOCH = Date.UTC(1899, 11, 30);

/** An Excel serial date (days since 1899-12-30, fraction = time of day) as 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial * MS_PER_DAY) / 1000) * 1000;
  const iso = new Date(EPOCH + ms).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? date : `${date} ${time}`;
}

export function isoToExcelSerial(isoDate: string): number {
  return (
    (Date.parse(`${isoDate.slice(0, 10)}T${isoDate.length > 10 ? isoDate.slice(11, 19) : '00:00:00'}Z`) -
      EPOCH) /
    MS_PER_DAY
  );
}
