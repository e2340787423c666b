import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '@/domain/types';

import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { centreFile } from '../../../fixtures/centreFiles';
import { parseInstrument } from '@/domain/instrument';
import { schemaFiles } from '../../../../scripts/jsonSchemas';

/**
 * The published JSON Schemas (public/schema/export-v<n>.schema.json, one per format version, and
 * instrument-v1.schema.json) must describe what the app really reads and writes: every fixture of
 * every format version is checked against the schema of its version with ajv (a full JSON Schema
 * 2020-12 validator, formats included), the current version's schemas must be exactly what
 * scripts/jsonSchemas.ts generates from the valibot schemas, and the older ones stay frozen.
 */
interface Schema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  $defs?: Record<string, Schema>;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(process.cwd(), path), 'utf8'));
}

const schemas = {
  1: readJson('public/schema/export-v1.schema.json') as Schema,
  2: readJson('public/schema/export-v2.schema.json') as Schema,
  3: readJson('public/schema/export-v3.schema.json') as Schema,
  4: readJson('public/schema/export-v4.schema.json') as Schema,
};
const fixtures = {
  1: readJson('tests/fixtures/exports/export-v1.json'),
  2: readJson('tests/fixtures/exports/export-v2.json'),
  3: readJson('tests/fixtures/exports/export-v3.json'),
  4: readJson('tests/fixtures/exports/export-v4.json'),
};
const instrumentSchema = readJson('public/schema/instrument-v1.schema.json') as Schema;

// One validator per schema; strict mode, so that a keyword ajv does not know is an error, not ignored.
const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
addFormats(ajv);
const validators = new Map<Schema, ValidateFunction>();
function validatorOf(schema: Schema): ValidateFunction {
  const known = validators.get(schema);
  if (known) return known;
  const validate = ajv.compile(schema);
  validators.set(schema, validate);
  return validate;
}

/** `/rounds/0/date` as `$.rounds[0].date`, the path form the tests read. */
function pathOf(pointer: string): string {
  return `$${pointer
    .split('/')
    .slice(1)
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : `.${key.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')}`;
}

/** One ajv error in words: where, and what is wrong. */
function wordsOf(error: ErrorObject): string {
  const at = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}.${String(params.additionalProperty)}: not allowed`;
    case 'required':
      return `${at}.${String(params.missingProperty)}: required`;
    case 'const':
      return `${at}: not ${JSON.stringify(params.allowedValue)}`;
    case 'enum':
      return `${at}: ${JSON.stringify(error.data)} not in enum`;
    case 'type':
      return `${at}: ${Number.isInteger(error.data) ? 'integer' : typeof error.data} is not ${String(params.type)}`;
    case 'pattern':
      return `${at}: does not match ${String(params.pattern)}`;
    case 'minLength':
      return `${at}: too short`;
    case 'maxLength':
      return `${at}: too long`;
    case 'minItems':
      return `${at}: too few`;
    case 'maxItems':
      return `${at}: too many`;
    case 'oneOf':
    case 'anyOf':
      return `${at}: matches 0 of oneOf`;
    default:
      return `${at}: ${error.keyword} ${error.message ?? ''}`.trim();
  }
}

/**
 * The problems `schema` finds in `value`, sorted. A value that no option of a oneOf/anyOf matches is
 * said once, as that, not as each option's complaint about it.
 */
function problemsOf(schema: Schema, value: unknown): string[] {
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const alternatives = errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  // An option's complaint: inside the alternative's schema, or about the same value through a $ref.
  const inner = (error: ErrorObject) =>
    alternatives.some((alternative) => {
      if (error === alternative) return false;
      if (error.schemaPath.startsWith(`${alternative.schemaPath}/`)) return true;
      const owner = alternative.schemaPath.replace(/\/(oneOf|anyOf)$/, '/');
      return error.instancePath === alternative.instancePath && !error.schemaPath.startsWith(owner);
    });
  return [...new Set(errors.filter((error) => !inner(error)).map(wordsOf))].sort();
}

/** The problems the schema of `version` finds in `value`. */
function errorsOf(version: keyof typeof schemas, value: unknown): string[] {
  return problemsOf(schemas[version], value);
}

describe.each([1, 2, 3, 4] as const)('the published JSON Schema of export format version %i', (version) => {
  const root = schemas[version];

  it(`accepts the version-${String(version)} fixture exactly`, () => {
    expect(errorsOf(version, fixtures[version])).toEqual([]);
  });

  it('rejects what the importer rejects: an unknown field, a wrong type, a bad enum value', () => {
    const broken = structuredClone(fixtures[version]) as { centre: Record<string, unknown>; rounds: Record<string, unknown>[] };
    broken.centre.extra = 1;
    broken.centre.coLocation = 'far';
    if (broken.rounds[0]) broken.rounds[0].date = 20260101;
    expect(errorsOf(version, broken)).toEqual(expect.arrayContaining(['$.centre.extra: not allowed', '$.centre.coLocation: "far" not in enum', '$.rounds[0].date: integer is not string']));
  });

  it(`declares JSON Schema 2020-12, its own $id and format version ${String(version)}`, () => {
    expect(root.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(root.$id).toBe(`/schema/export-v${String(version)}.schema.json`);
    expect(root.properties?.formatVersion?.const).toBe(version);
  });

  it('is named in the README', () => {
    expect(readFileSync(join(process.cwd(), 'README.md'), 'utf8')).toContain(`export-v${String(version)}.schema.json`);
  });
});

describe('one source per schema: the current schemas are generated from the valibot schemas', () => {
  const generated = schemaFiles();

  it.each(['export-v4.schema.json', 'instrument-v1.schema.json'])('public/schema/%s is exactly what scripts/jsonSchemas.ts generates (run `npm run build` to refresh it)', (file) => {
    expect(readFileSync(join(process.cwd(), 'public/schema', file), 'utf8')).toBe(generated[file]);
  });

  it('generates only the current format and the instrument file; the older formats stay frozen', () => {
    expect(Object.keys(generated).sort()).toEqual(['export-v4.schema.json', 'instrument-v1.schema.json']);
  });

  it('has a definition for each record of the format', () => {
    expect(Object.keys(schemas[4].$defs ?? {})).toEqual(
      expect.arrayContaining(['centre', 'round', 'answer', 'reflection', 'action', 'rating', 'localItem', 'ratingSpread', 'handIn', 'projectPlan', 'yearlyReport', 'instrument', 'timestamp', 'date', 'uuid']),
    );
  });

  it('says the timestamp rule in JSON Schema terms (a valibot check has no JSON Schema form by itself)', () => {
    const exported = structuredClone(fixtures[4]) as { exportedAt: string; rounds: { date: string }[] };
    exported.exportedAt = '2026-02-30T10:00:00Z';
    if (exported.rounds[0]) exported.rounds[0].date = '2026-02-30';
    expect(errorsOf(4, exported)).toEqual(['$.exportedAt: format must match format "date-time"', '$.rounds[0].date: format must match format "date"']);
    exported.exportedAt = '2026-05-15T10:00:00+05';
    expect(errorsOf(4, exported)).toEqual(expect.arrayContaining([expect.stringMatching(/^\$\.exportedAt: does not match/)]));
  });

  it('accepts a UUID in upper case, as the importer does, and refuses a blank centre name', () => {
    const exported = structuredClone(fixtures[4]) as { centre: { id: string; name: string } };
    exported.centre.id = exported.centre.id.toUpperCase();
    exported.centre.name = '   ';
    expect(errorsOf(4, exported)).toEqual(['$.centre.name: does not match \\S']);
  });

  it('accepts a hand-built file for the coordinator tests (tests/fixtures/centreFiles.ts)', () => {
    const instrument = parseInstrument(readJson('src/instrument/default-instrument.json'));
    const file = centreFile(instrument, { name: 'Familjecentralen Öster', rounds: [{ date: '2026-05-10', period: 'VT 2026', ratings: { 'goal-1': [3, 'dont-know', null] } }] });
    expect(errorsOf(4, JSON.parse(JSON.stringify(file)))).toEqual([]);
  });

  it('refuses a rating spread with a key that is not a value, and a negative count', () => {
    const exported = structuredClone(fixtures[4]) as { ratingSpread: unknown[]; rounds: { id: string }[] };
    exported.ratingSpread = [{ roundId: exported.rounds[0]?.id, itemId: 'g1-open-to-all', counts: { maybe: 1, 3: -1 } }];
    expect(errorsOf(4, exported)).toEqual(['$.ratingSpread[0].counts: matches 0 of oneOf', '$.ratingSpread[0].counts[3]: minimum must be >= 0']);
  });
});

describe('version 1 and version 2 tell their files apart', () => {
  it('the version-1 schema refuses the version-2 fixture (formatVersion, actions, ratings)', () => {
    expect(errorsOf(1, fixtures[2]).sort()).toEqual(['$.actions: not allowed', '$.formatVersion: not 1', '$.ratings: not allowed']);
  });

  it('the version-2 schema refuses the version-1 fixture: it has neither actions nor ratings', () => {
    expect(errorsOf(2, fixtures[1]).sort()).toEqual(['$.actions: required', '$.formatVersion: not 2', '$.ratings: required']);
  });
});

describe('version 2 and version 3 tell their files apart', () => {
  it('the version-2 schema refuses the version-3 fixture (formatVersion, own items, instrument definitions)', () => {
    expect(errorsOf(2, fixtures[3]).sort()).toEqual(['$.formatVersion: not 2', '$.instrumentDefinitions: not allowed', '$.localItems: not allowed']);
  });

  it('the version-3 schema refuses the version-2 fixture: it has neither own items nor instrument definitions', () => {
    expect(errorsOf(3, fixtures[2]).sort()).toEqual(['$.formatVersion: not 3', '$.instrumentDefinitions: required', '$.localItems: required']);
  });
});

describe('version 3 and version 4 tell their files apart', () => {
  it('the version-3 schema refuses the version-4 fixture (formatVersion, the cycle, histories, audience)', () => {
    const errors = errorsOf(3, fixtures[4]);
    expect(errors).toEqual(expect.arrayContaining(['$.formatVersion: not 3', '$.handIns: not allowed', '$.projectPlans: not allowed', '$.yearlyReports: not allowed', '$.audience: not allowed', '$.actions[0].statusHistory: not allowed']));
  });

  it('the version-4 schema refuses the version-3 fixture: no histories, no documents, no audience', () => {
    const errors = errorsOf(4, fixtures[3]);
    expect(errors).toEqual(expect.arrayContaining(['$.formatVersion: not 4', '$.handIns: required', '$.audience: required', '$.actions[0].statusHistory: required']));
  });

  it('the version-4 schema refuses a hand-in without a hash, and a bad audience', () => {
    const broken = structuredClone(fixtures[4]) as { audience: string; handIns: Record<string, unknown>[] };
    broken.audience = 'everyone';
    delete broken.handIns[0]?.hash;
    expect(errorsOf(4, broken).sort()).toEqual(['$.audience: "everyone" not in enum', '$.handIns[0].hash: required']);
  });
});

describe('the instrument schema (public/schema/instrument-v1.schema.json)', () => {
  function instrumentErrors(value: unknown): string[] {
    return problemsOf(instrumentSchema, value);
  }

  it('accepts every instrument version that ships with the app (2.0.0 with its path block), and the network version in the v3 fixture', () => {
    expect(instrumentErrors(readJson('src/instrument/default-instrument.json'))).toEqual([]);
    expect(instrumentErrors(readJson('src/instrument/instrument-2.0.0.json'))).toEqual([]);
    const [network] = (fixtures[3] as { instrumentDefinitions: unknown[] }).instrumentDefinitions;
    expect(instrumentErrors(network)).toEqual([]);
  });

  it('accepts the network instrument fixture (tests/fixtures/network-instrument.json)', () => {
    expect(instrumentErrors(readJson('tests/fixtures/network-instrument.json'))).toEqual([]);
  });

  it('is the definition the version-4 export schema carries its instruments with', () => {
    const { $schema: _s, $id: _i, title: _t, description: _d, $defs: _defs, ...standalone } = instrumentSchema;
    // The carried copy names the instrument's own definitions with a prefix (they differ from the export's).
    const { description: _description, ...instrument } = schemas[4].$defs?.instrument ?? {};
    const carried = JSON.parse(JSON.stringify(instrument).replace(/#\/\$defs\/instrument([A-Z])/g, (_m, first: string) => `#/$defs/${first.toLowerCase()}`)) as unknown;
    expect(carried).toEqual(standalone);
  });

  it('rejects an instrument without goals, an item without a statement, a scale of one step', () => {
    const broken = structuredClone(readJson('src/instrument/default-instrument.json')) as { goals: { items: Record<string, unknown>[] }[]; scale: { levels: unknown[] } };
    delete broken.goals[0]?.items[0]?.statement;
    broken.scale.levels = broken.scale.levels.slice(0, 1);
    expect(instrumentErrors(broken).sort()).toEqual(['$.goals[0].items[0].statement: required', '$.scale.levels: too few']);
    expect(instrumentErrors({ ...broken, goals: [] })).toContain('$.goals: too few');
  });
});

describe('the version-2 schema of actions and ratings matches the importer (src/domain/exchange/schema.ts)', () => {
  type Doc = { actions: Record<string, unknown>[]; ratings: Record<string, unknown>[] };
  function withChange(change: (doc: Doc) => void): string[] {
    const doc = structuredClone(fixtures[2]) as Doc;
    change(doc);
    return errorsOf(2, doc);
  }
  function at<T>(list: T[], index: number): T {
    const item = list[index];
    if (item === undefined) throw new Error(`fixture has no item ${String(index)}`);
    return item;
  }

  it('has the definitions and the required fields the importer has', () => {
    const defs = schemas[2].$defs ?? {};
    expect(defs.action?.required).toEqual(['id', 'centreId', 'roundId', 'goalId', 'what', 'who', 'due', 'status', 'createdAt', 'updatedAt']);
    expect(Object.keys(defs.action?.properties ?? {})).toEqual([...(defs.action?.required ?? []).slice(0, 8), 'carriedFromId', 'createdAt', 'updatedAt']);
    expect(defs.rating?.required).toEqual(['id', 'roundId', 'itemId', 'participantId', 'value', 'updatedAt']);
    expect(defs.action?.properties?.status?.enum).toEqual([...ACTION_STATUSES]);
  });

  it('accepts an empty due date and an action without carriedFromId', () => {
    expect(
      withChange((doc) => {
        at(doc.actions, 0).due = '';
        delete at(doc.actions, 3).carriedFromId;
      }),
    ).toEqual([]);
  });

  it.each([
    ['an empty what', (doc: Doc) => (at(doc.actions, 0).what = ''), ['$.actions[0].what: does not match \\S', '$.actions[0].what: too short']],
    ['a blank what', (doc: Doc) => (at(doc.actions, 0).what = ' \n '), ['$.actions[0].what: does not match \\S']],
    ['a due date in another form', (doc: Doc) => (at(doc.actions, 1).due = '31/12/2026'), ['$.actions[1].due: matches 0 of oneOf']],
    ['an unknown status', (doc: Doc) => (at(doc.actions, 2).status = 'paused'), ['$.actions[2].status: "paused" not in enum']],
    ['carriedFromId not a UUID', (doc: Doc) => (at(doc.actions, 3).carriedFromId = 'förra'), ['$.actions[3].carriedFromId: does not match']],
    ['an unknown action field', (doc: Doc) => (at(doc.actions, 4).priority = 'hög'), ['$.actions[4].priority: not allowed']],
    ['an action without who', (doc: Doc) => delete at(doc.actions, 4).who, ['$.actions[4].who: required']],
    ['a rating of 2.5', (doc: Doc) => (at(doc.ratings, 0).value = 2.5), ['$.ratings[0].value: matches 0 of oneOf']],
    ['a rating "4"', (doc: Doc) => (at(doc.ratings, 0).value = '4'), ['$.ratings[0].value: matches 0 of oneOf']],
    ['a rating without participant', (doc: Doc) => delete at(doc.ratings, 1).participantId, ['$.ratings[1].participantId: required']],
  ] satisfies [string, (doc: Doc) => unknown, string[]][])('refuses %s', (_name, change, expected) => {
    const errors = withChange((doc) => {
      change(doc);
    });
    expect(errors).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(errors[index]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
  });
});
