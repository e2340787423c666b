import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

/**
 * `tests/` mirrors `src/`: a unit test sits in the folder of what it tests (tests/unit/domain/exchange
 * for src/domain/exchange), a component test in tests/component/<area> for src/components/<area>,
 * tests/component/views for src/views and tests/component/composables for src/composables. Tests of
 * the whole of src (this folder) are the one exception.
 */
function srcFolderOf(testFolder: string): string | undefined {
  const [layer, ...rest] = testFolder.split('/');
  if (layer === 'unit') return rest[0] === 'architecture' ? 'src' : rest.length > 0 ? join('src', ...rest) : undefined;
  if (layer === 'component') {
    const [area, ...deeper] = rest;
    if (area === undefined) return undefined;
    if (area === 'views' || area === 'composables') return join('src', area, ...deeper);
    return join('src', 'components', area, ...deeper);
  }
  return undefined;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('tests/ mirrors src/', () => {
  const testFiles = ['unit', 'component'].flatMap((layer) => filesUnder(join(root, 'tests', layer)));

  it('has every test file in a folder that matches a folder of src', () => {
    const stray = testFiles
      .map((file) => relative(join(root, 'tests'), file).split(sep).join('/'))
      .filter((file) => {
        const folder = srcFolderOf(file.split('/').slice(0, -1).join('/'));
        return folder === undefined || !existsSync(join(root, folder)) || !statSync(join(root, folder)).isDirectory();
      });
    expect(stray).toEqual([]);
  });

  it('refuses a planted test where no src folder matches', () => {
    expect(srcFolderOf('unit/domain/exchange')).toBe(join('src', 'domain', 'exchange'));
    expect(srcFolderOf('component/questionnaire')).toBe(join('src', 'components', 'questionnaire'));
    expect(srcFolderOf('component/views')).toBe(join('src', 'views'));
    // A test directly in tests/component or tests/unit has no folder of its own to mirror.
    expect(srcFolderOf('component')).toBeUndefined();
    expect(srcFolderOf('unit')).toBeUndefined();
    // tests/component/ratings would claim a src/components/ratings that does not exist.
    expect(existsSync(join(root, srcFolderOf('component/ratings') ?? ''))).toBe(false);
    expect(existsSync(join(root, srcFolderOf('unit/exchange') ?? ''))).toBe(false);
  });
});
