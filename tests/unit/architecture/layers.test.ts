import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of eslint.config.js (import-x/no-restricted-paths over the zones of
 * scripts/layers.mjs) on planted files: a text is linted as if it were at a path in src, with
 * only that rule on, so the test is quick and says which rule speaks.
 */
const root = process.cwd();
// The project's own config (plain JavaScript, so imported by a path TypeScript does not follow).
const configPath = join(root, 'eslint.config.js');
const { default: config } = (await import(/* @vite-ignore */ configPath)) as { default: Linter.Config[] };
const layerConfig = config.find((entry) => entry.rules && 'import-x/no-restricted-paths' in entry.rules);

async function layerErrors(path: string, text: string): Promise<string[]> {
  if (!layerConfig) throw new Error('eslint.config.js has no layer rule');
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ ...layerConfig, rules: { 'import-x/no-restricted-paths': layerConfig.rules?.['import-x/no-restricted-paths'] }, languageOptions: { parser: tseslint.parser } }],
  });
  const [result] = await eslint.lintText(text, { filePath: join(root, path) });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('the layers are enforced by the lint, relative imports included', () => {
  it.each([
    ['src/domain/planted.ts', "import { repository } from '../db';\nexport const x = repository;"],
    ['src/domain/exchange/planted.ts', "import { roundRepository } from '../../db/rounds';\nexport const x = roundRepository;"],
    ['src/domain/planted.ts', "import { useCentresStore } from '@/stores/centres';\nexport const x = useCentresStore;"],
    ['src/domain/planted.ts', "import { useDraftText } from '@/composables/useDraftText';\nexport const x = useDraftText;"],
    ['src/domain/planted.ts', "import type { MessageKey } from '../i18n/types';\nexport type X = MessageKey;"],
    ['src/db/planted.ts', "import { useCentresStore } from '../stores/centres';\nexport const x = useCentresStore;"],
    ['src/stores/planted.ts', "import { useDraftText } from '../composables/useDraftText';\nexport const x = useDraftText;"],
    ['src/stores/planted.ts', "import { translate } from '@/i18n';\nexport const x = translate;"],
    ['src/components/results/Planted.ts', "import { db } from '@/db';\nexport const x = db;"],
    ['src/views/planted.ts', "import { roundRepository } from '../db/rounds';\nexport const x = roundRepository;"],
    ['src/composables/usePlanted.ts', "import { centreRepository } from '@/db/centres';\nexport const x = centreRepository;"],
  ])('refuses %s importing %j', async (path, text) => {
    const errors = await layerErrors(path, text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^import-x\/no-restricted-paths: /);
  });

  it.each([
    ['src/db/planted.ts', "import { newId } from '../domain/ids';\nexport const x = newId;"],
    ['src/stores/planted.ts', "import { roundRepository } from '@/db/rounds';\nimport { useLiveQuery } from '@/composables/useLiveQuery';\nexport const x = [roundRepository, useLiveQuery];"],
    ['src/composables/planted.ts', "import { useCentresStore } from '@/stores/centres';\nexport const x = useCentresStore;"],
    ['src/stores/planted.ts', "import type { Message } from '@/i18n/keys';\nexport type X = Message;"],
    ['src/composables/useLiveQuery.ts', "import { liveQuery } from '@/db';\nexport const x = liveQuery;"],
    ['src/views/planted.ts', "import { useRoundsStore } from '@/stores/rounds';\nexport const x = useRoundsStore;"],
    ['src/instrument/planted.ts', "import { parseInstrument } from '../domain/instrument';\nexport const x = parseInstrument;"],
  ])('allows %s importing %j', async (path, text) => {
    expect(await layerErrors(path, text)).toEqual([]);
  });
});
