/** One line of the bench's table. */
export interface Row {
  figure: string;
  value: string;
  target?: string;
  /** Undefined for figures that carry no target (context). */
  pass?: boolean;
}

/** The table as plain text, columns padded to their widest cell. */
export function formatTable(rows: Row[]): string {
  const header = { figure: 'figure', value: 'value', target: 'target', verdict: 'result' };
  const cells = rows.map((row) => ({
    figure: row.figure,
    value: row.value,
    target: row.target ?? '',
    verdict: row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL',
  }));
  const all = [header, ...cells];
  const width = (key: keyof typeof header) => Math.max(...all.map((cell) => cell[key].length));
  const line = (cell: typeof header) =>
    [
      cell.figure.padEnd(width('figure')),
      cell.value.padStart(width('value')),
      cell.target.padEnd(width('target')),
      cell.verdict,
    ]
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(line(header).length + 4);
  return [line(header), rule, ...cells.map(line)].join('\n');
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const sizeCell = (bytes: number) => `${bytes} B = ${kilobytes(bytes)}`;
