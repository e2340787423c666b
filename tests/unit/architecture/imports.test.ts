import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No import circle among the modules of src, type-only imports included (import-x/no-cycle in the
 * lint skips those). A dynamic `import()` is how a lazy chunk is loaded and does not count.
 */
const root = process.cwd();
const src = join(root, 'src');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|vue)$/.test(entry.name) ? [path] : [];
  });
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The module an import names, or undefined for a package or a file that is not TypeScript or Vue. */
function resolveImport(from: string, specifier: string, known: Set<string>): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = join(src, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return undefined;
  return [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')].find((candidate) => known.has(candidate));
}

export function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const targets = [...read(file).matchAll(STATIC_IMPORT)].flatMap(([, specifier]) => resolveImport(file, specifier ?? '', known) ?? []);
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Every circle, each once, as the chain of files that closes it (Tarjan's strongly connected components). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('import circles (type-only imports included)', () => {
  it('src has none', () => {
    const files = filesUnder(src);
    const graph = importGraph(files, (file) => readFileSync(file, 'utf8'));
    expect(circles(graph).map((circle) => circle.map((file) => relative(root, file)))).toEqual([]);
  });

  it('finds a planted one: a type-only import back from a module to one that imports it', () => {
    const files = ['/p/src/domain/a.ts', '/p/src/domain/b.ts', '/p/src/domain/c.ts'];
    const text: Record<string, string> = {
      '/p/src/domain/a.ts': "import { b } from './b';\nexport const a = 1;",
      '/p/src/domain/b.ts': "import type { A } from './a';\nexport const b = 2;",
      '/p/src/domain/c.ts': "const lazy = () => import('./a');",
    };
    expect(circles(importGraph(files, (file) => text[file] ?? ''))).toEqual([['/p/src/domain/a.ts', '/p/src/domain/b.ts']]);
  });
});
