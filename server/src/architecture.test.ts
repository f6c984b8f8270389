import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Lint keeps modules to each other's faces; this keeps the server's files from importing each other
// in a circle, which the test runner's module loader cannot evaluate (a face would be read before it
// is filled) and which would tie two modules into one.
const SOURCE = dirname(fileURLToPath(import.meta.url));
const IMPORT = /from '(\.\.?\/[^']+)\.js'/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each source file of the server and the source files it imports. */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SOURCE)) {
    const imported = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map(([, path]) => `${resolve(dirname(file), path!)}.ts`)
      .filter((path) => existsSync(path));
    graph.set(relative(SOURCE, file), new Set(imported.map((path) => relative(SOURCE, path))));
  }
  return graph;
}

/** A circle of files that reach each other, if there is one. */
function findCircle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | null => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name)) return null;
    for (const next of graph.get(name) ?? []) {
      const circle = visit(next, [...path, name]);
      if (circle) return circle;
    }
    done.add(name);
    return null;
  };
  for (const name of graph.keys()) {
    const circle = visit(name, []);
    if (circle) return circle;
  }
  return null;
}

describe('the server', () => {
  it('gives each module a face (index.ts)', () => {
    const modules = join(SOURCE, 'modules');
    const faceless = readdirSync(modules).filter((name) => !existsSync(join(modules, name, 'index.ts')));
    expect(faceless).toEqual([]);
  });

  it('imports without a circle', () => {
    const graph = importGraph();
    expect(graph.get('modules/workflow/actions.ts')).toContain('modules/tasks/index.ts');
    expect(findCircle(graph)).toBeNull();
  });

  it('finds a circle when there is one', () => {
    const circle = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCircle(circle)).toEqual(['a', 'b', 'c', 'a']);
  });
});
