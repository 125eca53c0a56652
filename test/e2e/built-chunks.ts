import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built portal (portal/dist), as the server serves it. */
export const PORTAL_DIST = fileURLToPath(new URL('../../portal/dist', import.meta.url));

// A static `import … from "./x.js"`, `import "./x.js"` or `export … from "./x.js"` of the bundle's own
// chunks (rolldown quotes with ", ' or `). A dynamic `import("./x.js")` is left out: it runs only after
// the importing chunk has finished, so it cannot make one chunk find another's exports undefined.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g;

/** Each JS chunk of portal/dist/assets with the chunks it imports statically. */
export function chunkGraph(dist = PORTAL_DIST): Map<string, string[]> {
  const assets = join(dist, 'assets');
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js')).sort()) {
    const code = readFileSync(join(assets, file), 'utf8');
    graph.set(file, [...new Set([...code.matchAll(STATIC_IMPORT)].map((m) => m[1]!))]);
  }
  return graph;
}

/** Every cycle of static imports between chunks, each as the chunks around it (empty: none). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components: a component of two or more chunks, or a chunk that
  // imports itself, is a cycle.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return cycles;
}

/** The chunks a chunk needs before it runs: itself and everything it imports statically, transitively. */
export function staticClosure(graph: Map<string, string[]>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(graph.get(next) ?? []));
  }
  return seen;
}
