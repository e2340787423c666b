import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The published JSON Schema (public/schema/export-v1.schema.json) must describe what the app really
 * exports: checked against the version-1 fixture with a small structural walker (types, required and
 * allowed keys, enums), so the schema cannot drift from the format without a failing test.
 */
interface Schema {
  $schema?: string;
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
}

const root = JSON.parse(readFileSync(join(process.cwd(), 'public/schema/export-v1.schema.json'), 'utf8')) as Schema;
const fixture: unknown = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/exports/export-v1.json'), 'utf8'));

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/$defs/', '');
  const target = root.$defs?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function check(value: unknown, raw: Schema, path: string, errors: string[]): void {
  const schema = resolve(raw);
  if (schema.oneOf) {
    const matches = schema.oneOf.filter((option) => {
      const sub: string[] = [];
      check(value, option, path, sub);
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
  if (type === 'array' && schema.items) (value as unknown[]).forEach((item, i) => check(item, schema.items ?? {}, `${path}[${String(i)}]`, errors));
  if (type === 'object' && (schema.properties || schema.required)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (!property) {
        if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
        continue;
      }
      check(child, property, `${path}.${key}`, errors);
    }
  }
}

describe('the published JSON Schema of the export format', () => {
  it('accepts the version-1 fixture exactly', () => {
    const errors: string[] = [];
    check(fixture, root, '$', errors);
    expect(errors).toEqual([]);
  });

  it('rejects what the importer rejects: an unknown field, a wrong type, a bad enum value', () => {
    const broken = structuredClone(fixture) as { centre: Record<string, unknown>; rounds: Record<string, unknown>[] };
    broken.centre.extra = 1;
    broken.centre.coLocation = 'far';
    if (broken.rounds[0]) broken.rounds[0].date = 20260101;
    const errors: string[] = [];
    check(broken, root, '$', errors);
    expect(errors).toEqual(expect.arrayContaining(['$.centre.extra: not allowed', '$.centre.coLocation: "far" not in enum', '$.rounds[0].date: integer is not string']));
  });

  it('declares JSON Schema 2020-12 and format version 1', () => {
    expect(root.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(root.properties?.formatVersion?.const).toBe(1);
  });
});
