import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { schemaFiles } from './jsonSchemas.ts';

/**
 * Writes the generated JSON Schemas (scripts/jsonSchemas.ts) into public/schema/ when a build or the
 * dev server starts, before public/ is copied, so `npm run build`, `npm start` and `npm test` (which
 * builds) all publish what the valibot schemas say. A file is only rewritten when its text changed;
 * the test tests/unit/domain/exchange/jsonSchema.test.ts fails when the committed files are stale.
 */
export function jsonSchemasPlugin(root = process.cwd()): Plugin {
  return {
    name: 'json-schemas',
    buildStart() {
      const folder = join(root, 'public', 'schema');
      mkdirSync(folder, { recursive: true });
      for (const [file, text] of Object.entries(schemaFiles())) {
        const path = join(folder, file);
        let current: string | undefined;
        try {
          current = readFileSync(path, 'utf8');
        } catch {
          current = undefined;
        }
        if (current !== text) {
          writeFileSync(path, text);
          this.info(`wrote public/schema/${file}`);
        }
      }
    },
  };
}
