/**
 * One CSV field for the audit export: quoted when needed, with a leading =, +, -, @, tab or CR
 * defused (prefixed with ') so a spreadsheet shows it instead of running it as a formula. A
 * semicolon is quoted too: Dutch spreadsheets split on it, which would otherwise start a new cell
 * (and a new chance for a formula) in the middle of an unquoted field.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
