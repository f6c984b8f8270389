import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Lint keeps modules to each other's faces; this keeps the faces from forming a circle, which the
// test runner's module loader cannot evaluate (a face would be read before it is filled).
const MODULES = join(dirname(fileURLToPath(import.meta.url)), 'modules');
const IMPORT = /from '(\.\.?\/[^']+)'/g;

function moduleImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const name of readdirSync(MODULES)) {
    const uses = new Set<string>();
    for (const file of readdirSync(join(MODULES, name)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    )) {
      for (const [, path] of readFileSync(join(MODULES, name, file), 'utf8').matchAll(IMPORT)) {
        const [top, other] = relative(MODULES, resolve(MODULES, name, path!)).split('/');
        if (top !== '..' && top !== name && other !== undefined) uses.add(top!);
      }
    }
    graph.set(name, uses);
  }
  return graph;
}

/** A circle of modules that reach each other, if there is one. */
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

describe('server modules', () => {
  const graph = moduleImports();

  it('each has a face (index.ts)', () => {
    const faceless = [...graph.keys()].filter(
      (name) => !readdirSync(join(MODULES, name)).includes('index.ts'),
    );
    expect(faceless).toEqual([]);
  });

  it('use each other without a circle', () => {
    expect(graph.get('workflow')).toContain('tasks');
    expect(findCircle(graph)).toBeNull();
  });

  it('finds a circle when there is one', () => {
    expect(
      findCircle(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });
});
