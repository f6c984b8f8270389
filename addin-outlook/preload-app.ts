import type { Plugin } from 'vite';

/**
 * Adds `<link rel="modulepreload">` for the chunk `entryName` loads with import() and the chunks
 * it imports, so the browser fetches and compiles the app while Office.js still holds up the page
 * (main.tsx imports it only once the page has run, to ask the sender view first).
 */
export function preloadDynamicEntry(entryName: string): Plugin {
  let base = '/';
  return {
    name: 'inbox-crm:preload-dynamic-entry',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle ?? {};
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const entry = chunks.find((chunk) => chunk.isDynamicEntry && chunk.name === entryName);
        if (!entry) throw new Error(`No chunk loaded with import() is named ${entryName}.`);
        const closure = (from: string, into = new Set<string>()) => {
          if (into.has(from)) return into;
          into.add(from);
          chunks.find((chunk) => chunk.fileName === from)?.imports.forEach((next) => closure(next, into));
          return into;
        };
        // The page's own entry and its imports are in the page already.
        const onPage = new Set(
          chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [...closure(chunk.fileName)]),
        );
        const wanted = [...closure(entry.fileName)].filter((fileName) => !onPage.has(fileName));
        return wanted.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
