/**
 * One source per schema: the published JSON Schemas of the current export format and of the
 * instrument file are generated from the valibot schemas the app validates with
 * (src/domain/exchange/schema.ts, src/domain/instrument.ts). The Vite build writes them to
 * public/schema/ (see vite.config.ts); tests/unit/domain/exchange/jsonSchema.test.ts fails when the
 * committed files differ from what this generates, so they cannot drift.
 *
 * valibot checks that JSON Schema cannot say (custom checks, transforms such as `trim`, a regex with
 * flags) are replaced here by explicit overrides, each next to the rule it stands for. Descriptions
 * are documentation of the published format and live here too, not in the app's bundle.
 * Schemas of older formats (export-v1…v3) are frozen files and are not generated.
 */
import type * as v from 'valibot';
import { toJsonSchema, type ConversionConfig, type JsonSchema, type OverrideActionContext } from '@valibot/to-json-schema';
import { UUID_PATTERN } from '../src/domain/ids.ts';
import { isIsoDate } from '../src/domain/period.ts';
import { isTimestamp } from '../src/domain/timestamps.ts';
import { exportFileSchema, exportSchemaParts } from '../src/domain/exchange/schema.ts';
import { EXPORT_FORMAT_VERSION } from '../src/domain/exchange/format.ts';
import { instrumentFileSchema, instrumentSchemaParts } from '../src/domain/instrument.ts';
import { EXPORT_DESCRIPTIONS, EXPORT_TITLE, INSTRUMENT_DESCRIPTIONS, INSTRUMENT_TITLE } from './jsonSchemaDocs.ts';

type AnySchema = v.GenericSchema;
type Json = Record<string, unknown>;

export const SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';
export const EXPORT_SCHEMA_FILE = `export-v${String(EXPORT_FORMAT_VERSION)}.schema.json`;
export const INSTRUMENT_SCHEMA_FILE = 'instrument-v1.schema.json';

// RFC 3339 as src/domain/timestamps.ts reads it; the calendar and the 2000–2100 range are checked
// by `format: "date-time"` and the description (JSON Schema has no range for dates).
const TIMESTAMP_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$';
// UUID_PATTERN in src/domain/ids.ts has the `i` flag, which a JSON Schema pattern cannot carry.
const UUID_JSON_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';
const NOT_BLANK = '\\S';

/**
 * Overrides of valibot actions that have no JSON Schema form, by identity of what they check
 * (the converter calls this for every action of every pipe).
 */
function overrideAction({ valibotAction, jsonSchema }: OverrideActionContext): JsonSchema | undefined {
  const action = valibotAction as { type: string; requirement?: unknown };
  // v.check(isTimestamp): RFC 3339 as src/domain/timestamps.ts reads it.
  if (action.requirement === isTimestamp) return { ...jsonSchema, format: 'date-time', pattern: TIMESTAMP_PATTERN };
  // v.check(isIsoDate): a real calendar date (format "date"), written YYYY-MM-DD.
  if (action.requirement === isIsoDate) return { ...jsonSchema, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
  // The stored form of a timestamp (UTC with milliseconds) is the app's business, not the file's.
  if (action.type === 'transform') return jsonSchema;
  // The `i` flag of UUID_PATTERN, spelled out.
  if (action.requirement === UUID_PATTERN) return { ...jsonSchema, pattern: UUID_JSON_PATTERN };
  // v.trim() then v.minLength(1): the text has a character that is not white space.
  if (action.type === 'trim') return { ...jsonSchema, pattern: NOT_BLANK };
  return undefined;
}

/** Overrides of whole schemas (not pipes) that have no JSON Schema form, by identity. */
function exportOverrides(): Map<unknown, JsonSchema> {
  const p = exportSchemaParts;
  return new Map<unknown, JsonSchema>([
    // v.custom: a sealed document is read as it is (only its kind is checked); its hash says whether it is intact.
    [p.handInDocument, { type: 'object', required: ['kind'], properties: { kind: { enum: ['check-in', 'project-plan', 'yearly-report'] }, documentVersion: { type: 'integer', minimum: 1 } } }],
    // v.record with a union of keys: a whole scale step, "dont-know" or "not-relevant", each with its count.
    [
      p.spreadCounts,
      {
        type: 'object',
        propertyNames: { anyOf: [{ pattern: '^-?\\d{1,3}$' }, { enum: ['dont-know', 'not-relevant'] }] },
        additionalProperties: { type: 'integer', minimum: 0, maximum: 1000 },
      },
    ],
    // v.unknown(): each is checked with the instrument schema, which this schema carries as a definition.
    [p.carriedInstrument, { $ref: '#/$defs/instrument' }],
  ]);
}

function config(definitions: Record<string, AnySchema>, overrides = new Map<unknown, JsonSchema>()): ConversionConfig {
  return {
    target: 'draft-2020-12',
    // Every action is converted or overridden above: nothing is dropped silently.
    typeMode: 'ignore',
    errorMode: 'throw',
    definitions,
    overrideSchema: ({ valibotSchema }) => overrides.get(valibotSchema),
    overrideAction,
  };
}

/** Puts `description`s at JSON pointers (`#/$defs/round/properties/period`); a pointer that finds nothing throws. */
function describe(schema: Json, descriptions: Readonly<Record<string, string>>): Json {
  for (const [pointer, description] of Object.entries(descriptions)) {
    let node: unknown = schema;
    for (const key of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
      node = node !== null && typeof node === 'object' ? (node as Json)[key] : undefined;
    }
    if (node === null || typeof node !== 'object') throw new Error(`no schema at ${pointer} to describe`);
    (node as Json).description = description;
  }
  return schema;
}

/** Key order of the published file: the header first, then what the converter wrote. */
function withHeader(id: string, title: string, schema: JsonSchema): Json {
  const { $schema: _draft, ...body } = schema as Json;
  return { $schema: SCHEMA_DRAFT, $id: `/schema/${id}`, title, ...body };
}

/** The instrument file's JSON Schema (public/schema/instrument-v1.schema.json). */
export function instrumentJsonSchema(): Json {
  const { stableId, localizedText } = instrumentSchemaParts;
  const schema = toJsonSchema(instrumentFileSchema, config({ stableId, localizedText }));
  return describe(withHeader(INSTRUMENT_SCHEMA_FILE, INSTRUMENT_TITLE, schema), INSTRUMENT_DESCRIPTIONS);
}

/** The current export format's JSON Schema (public/schema/export-v4.schema.json). */
export function exportJsonSchema(): Json {
  const { handInDocument: _d, carriedInstrument: _i, spreadCounts: _c, ...named } = exportSchemaParts;
  const schema = withHeader(EXPORT_SCHEMA_FILE, EXPORT_TITLE, toJsonSchema(exportFileSchema, config(named, exportOverrides())));
  // The instrument as carried in a file: the instrument schema without its header, its own
  // definitions carried beside it under an `instrument` prefix (its ids have no length limit,
  // the export's have), its references rewritten to match.
  const { $schema: _draft, $id: _id, title: _title, $defs: instrumentDefs, ...instrument } = instrumentJsonSchema();
  const prefixed = (key: string) => `instrument${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  const rewrite = (value: Json) => JSON.parse(JSON.stringify(value).replace(/"#\/\$defs\/([A-Za-z]+)"/g, (_match, key: string) => `"#/$defs/${prefixed(key)}"`)) as Json;
  const defs: Json = { ...(schema.$defs as Json), instrument: rewrite(instrument) };
  for (const [key, def] of Object.entries((instrumentDefs ?? {}) as Record<string, Json>)) defs[prefixed(key)] = rewrite(def);
  const carried = { ...schema, $defs: defs };
  return describe(carried, EXPORT_DESCRIPTIONS);
}

/** The files as written: two-space JSON with a final newline. */
export function schemaFiles(): Record<string, string> {
  return {
    [EXPORT_SCHEMA_FILE]: `${JSON.stringify(exportJsonSchema(), null, 2)}\n`,
    [INSTRUMENT_SCHEMA_FILE]: `${JSON.stringify(instrumentJsonSchema(), null, 2)}\n`,
  };
}
