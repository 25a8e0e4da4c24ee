/**
 * Spreadsheet formula injection (CSV injection): a text cell that starts with = + - @ or a tab / carriage return
 * is run as a formula when the exported CSV is opened in Excel or LibreOffice. Such text leaves with a leading
 * apostrophe, which spreadsheets show as text; the importer takes the apostrophe off again, so an exported list
 * edited and imported back keeps its values.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
