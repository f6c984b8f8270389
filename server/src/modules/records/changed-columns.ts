/**
 * The columns an update writes: one for each field the request names, under its column name.
 * Fields left out of the request (undefined) keep their stored value; null clears it.
 */
export function changedColumns<Input extends object>(
  input: Input,
  columnOf: { [Field in keyof Input]?: string },
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columnOf) as [keyof Input, string][]) {
    if (input[field] !== undefined) columns[column] = input[field];
  }
  return columns;
}
