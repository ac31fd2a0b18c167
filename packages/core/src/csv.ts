// CSV as RFC 4180 text, shared by the scorecard and task exports, with formula neutralisation for user text.

/** One field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Rows as RFC 4180 text: CRLF after every record, the header first. */
export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string =>
  [header, ...rows].map(csvRecord).join('');

/** One record: its fields and the CRLF that ends it. */
export const csvRecord = (row: readonly (string | number | null)[]): string => `${row.map(csvField).join(',')}\r\n`;

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and tab or CR, OWASP's list) gets a
 * leading `'`: a title is user text, and `=HYPERLINK(...)` must open as text, not as a live formula.
 */
export const formulaSafe = (text: string | null): string | null =>
  text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
