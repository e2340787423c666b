// The import limit, read from the app's source so that the benchmark follows it.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../src/domain/exchange/format.ts', import.meta.url), 'utf8');
const match = /MAX_IMPORT_BYTES = (\d+) \* 1024 \* 1024/.exec(source);
/** The largest file the import accepts, in MB. */
export const MAX_IMPORT_MB = match ? Number(match[1]) : 25;
