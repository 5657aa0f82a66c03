import { germanClock, germanShortDate } from '@ic/contracts';
/**
 * CSV that opens correctly in a German Excel by double-click: UTF-8 with a byte order mark (else
 * umlauts break), `;` as separator (the German list separator), CRLF, every cell quoted, and cells
 * that Excel would take for a formula (= + - @, tab, CR) defused with a leading apostrophe (CSV
 * injection). Numbers stay numbers; decimals are written with a comma.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const CSV_BYTE_ORDER_MARK = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | undefined;

export function csvCell(value: CsvValue): string {
  if (value === undefined) return '""';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(SEPARATOR) + LINE_END;
}

/** A whole file: the byte order mark, the column names, the rows. */
export function csvFile(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BYTE_ORDER_MARK + csvLine(columns) + rows.map(csvLine).join('');
}

/** "03.02.2027 09:15" (Berlin time): what a German Excel reads as date and time. */
export function csvTime(iso: string): string {
  const instant = new Date(iso);
  return `${germanShortDate(instant)} ${germanClock(instant)}`;
}

/** A share as a percentage with one decimal and a German comma ("85,7"), empty when there is none. */
export function csvPercent(share: number | null): string | undefined {
  return share === null ? undefined : (share * 100).toFixed(1).replace('.', ',');
}
