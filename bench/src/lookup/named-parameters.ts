type Value = string | number | string[];

/** `:name` placeholders to pg's $n, binding only the names the statement uses. */
export function positional(sql: string, values: Record<string, Value>): [string, Value[]] {
  const names: string[] = [];
  const text = sql.replace(/(?<!:):([a-z]+)\b/g, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return [text, names.map((name) => values[name]!)];
}
