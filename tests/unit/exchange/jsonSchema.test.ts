import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '@/domain/types';

/**
 * The published JSON Schemas (public/schema/export-v<n>.schema.json, one per format version) must
 * describe what the app really exports: each is checked against the fixture of its version with a
 * small structural walker (types, required and allowed keys, enums), so a schema cannot drift from
 * the format without a failing test.
 */
interface Schema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  oneOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
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

function resolve(schema: Schema, root: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/$defs/', '');
  const target = root.$defs?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target, root);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function check(value: unknown, raw: Schema, path: string, errors: string[], root: Schema): void {
  const schema = resolve(raw, root);
  if (schema.oneOf) {
    const matches = schema.oneOf.filter((option) => {
      const sub: string[] = [];
      check(value, option, path, sub, root);
      return sub.length === 0;
    });
    if (matches.length !== 1) errors.push(`${path}: matches ${String(matches.length)} of oneOf`);
    return;
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  const type = typeOf(value);
  if (schema.type && !(schema.type === type || (schema.type === 'number' && type === 'integer'))) errors.push(`${path}: ${type} is not ${schema.type}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path}: too long`);
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: too short`);
  }
  if (type === 'array' && schema.minItems !== undefined && (value as unknown[]).length < schema.minItems) errors.push(`${path}: too few`);
  if (type === 'array' && schema.maxItems !== undefined && (value as unknown[]).length > schema.maxItems) errors.push(`${path}: too many`);
  if (type === 'array' && schema.items) (value as unknown[]).forEach((item, i) => check(item, schema.items ?? {}, `${path}[${String(i)}]`, errors, root));
  if (type === 'object' && (schema.properties || schema.required)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (!property) {
        if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
        continue;
      }
      check(child, property, `${path}.${key}`, errors, root);
    }
  }
}

/** The problems the schema of `version` finds in `value`. */
function errorsOf(version: keyof typeof schemas, value: unknown): string[] {
  const errors: string[] = [];
  check(value, schemas[version], '$', errors, schemas[version]);
  return errors;
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
    const errors: string[] = [];
    check(value, instrumentSchema, '$', errors, instrumentSchema);
    return errors;
  }

  it('accepts every instrument version that ships with the app (2.0.0 with its path block), and the network version in the v3 fixture', () => {
    expect(instrumentErrors(readJson('src/instrument/default-instrument.json'))).toEqual([]);
    expect(instrumentErrors(readJson('src/instrument/instrument-2.0.0.json'))).toEqual([]);
    const [network] = (fixtures[3] as { instrumentDefinitions: unknown[] }).instrumentDefinitions;
    expect(instrumentErrors(network)).toEqual([]);
  });

  it('is the definition the version-3 export schema carries its instruments with', () => {
    const { description: _description, ...carried } = schemas[3].$defs?.instrument ?? {};
    const { $schema: _s, $id: _i, title: _t, description: _d, $defs: _defs, ...standalone } = instrumentSchema;
    const { $schema: _key, ...properties } = standalone.properties ?? {};
    expect({ ...standalone, properties }).toEqual(carried);
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
