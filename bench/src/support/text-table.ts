/** Prints rows as columns: the first left-aligned, the others (figures) right-aligned. */
export function printColumns(header: readonly string[], lines: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}
