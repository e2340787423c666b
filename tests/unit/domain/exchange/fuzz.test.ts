import { createPinia, setActivePinia } from 'pinia';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppDatabase } from '@/db/database';
import { createRepository, type Repository } from '../../../fixtures/repository';
import { EXPORT_FORMAT_VERSION, MAX_IMPORT_BYTES, type ExportFile } from '@/domain/exchange/format';
import { MAX_NAME, MAX_TEXT, parseExportText, type FieldReason, type ImportParseResult, type ImportProblemCode } from '@/domain/exchange/schema';
import { parseInstrument } from '@/domain/instrument';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import { useExchangeStore } from '@/stores/exchange';
import fixtureText from '../../../fixtures/exports/export-v3.json?raw';
import { deleteAt, getAt, setAt, type Json } from '../../../fixtures/instruments';

/**
 * A seeded corpus of broken export files. Each one must be refused with a problem the UI knows how
 * to word, at the place that is broken, and must leave the database exactly as it was when it goes
 * through the route the app uses (validate, and only on success import).
 */

const instrument = parseInstrument(defaultInstrumentJson);
const instruments = [instrument];

const KNOWN_CODES = {
  tooLarge: true,
  notText: true,
  notJson: true,
  notExport: true,
  unsupportedVersion: true,
  tooDeep: true,
  forbiddenKey: true,
  invalidField: true,
  duplicateId: true,
  unknownReference: true,
  unknownInstrument: true,
  unknownItem: true,
  invalidValue: true,
  invalidInstrument: true,
  instrumentConflict: true,
  tamperedHandIn: true,
  revisionConflict: true,
} satisfies Record<ImportProblemCode, true>;
const KNOWN_REASONS = { type: true, notAllowed: true, tooLong: true, tooMany: true, empty: true, format: true, unknownField: true, missing: true } satisfies Record<FieldReason['kind'], true>;

/** The current-version file the corpus is made from: the committed fixture, upgraded and validated. */
const base: ExportFile = (() => {
  const parsed = parseExportText(fixtureText, instruments);
  if (!parsed.ok) throw new Error('the fixture does not parse');
  return parsed.file;
})();
const baseText = JSON.stringify(base, null, 2);

type Doc = { [key: string]: Json };
type Step = string | number;

function doc(): Doc {
  return JSON.parse(baseText) as Doc;
}

/** A path as the validator writes it: `rounds[0].participants[1].id`. */
function pathText(path: readonly Step[]): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${String(step)}]` : out ? `.${step}` : step;
  return out;
}

function leaves(node: Json, path: Step[] = []): Step[][] {
  if (node === null || typeof node !== 'object') return [path];
  if (Array.isArray(node)) return node.flatMap((child, index) => leaves(child, [...path, index]));
  return Object.entries(node).flatMap(([key, child]) => leaves(child, [...path, key]));
}

/** Paths of every object key (not array elements): the fields that can go missing. */
function fieldPaths(node: Json, path: Step[] = []): Step[][] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((child, index) => fieldPaths(child, [...path, index]));
  return Object.entries(node).flatMap(([key, child]) => [[...path, key], ...fieldPaths(child, [...path, key])]);
}

function kindOf(value: Json): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** mulberry32: a tiny seeded PRNG, so the corpus is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20260515);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function pick<T>(values: readonly T[]): T {
  const value = values[int(0, values.length - 1)];
  if (value === undefined) throw new Error('empty');
  return value;
}

interface Broken {
  name: string;
  text: string;
  /** The problem that must be among those reported. */
  code: ImportProblemCode;
  /** Its exact path, where the mutation makes it knowable. */
  path?: string;
  /** Or the start of its path (deep nesting is reported where it gets too deep). */
  pathPrefix?: string;
  reason?: FieldReason;
}

const corpus: Broken[] = [];
const seen = new Set<string>();
/** Adds a broken file once: a random mutation that repeats an earlier one is dropped. */
const add = (broken: Broken) => {
  if (seen.has(broken.text)) return;
  seen.add(broken.text);
  corpus.push(broken);
};
const text = (data: Json) => JSON.stringify(data, null, 2);

function mutated(path: Step[], value: Json): string {
  const data = doc();
  setAt(data, path, value);
  return text(data);
}

/** A file with `marker` (a string value or key) replaced by raw JSON text, so that keys like __proto__ are real. */
function withRaw(data: Json, marker: string, raw: string): string {
  const out = text(data);
  if (!out.includes(`"${marker}"`)) throw new Error(`no ${marker}`);
  return out.replace(`"${marker}"`, raw);
}

function expectationFor(path: Step[]): Pick<Broken, 'code' | 'path'> {
  const at = pathText(path);
  if (at === 'format') return { code: 'notExport', path: '' };
  return { code: 'invalidField', path: at };
}

// 1. Truncated JSON at random offsets: any proper prefix of an object text is not JSON.
const lastBrace = baseText.lastIndexOf('}');
for (let i = 0; i < 40; i++) {
  const offset = i === 0 ? 0 : int(1, lastBrace - 1);
  add({ name: `truncated at ${String(offset)}`, text: baseText.slice(0, offset), code: 'notJson', path: '' });
}

// 2. Wrong types: a random leaf replaced by a value of another JSON type.
const REPLACEMENTS: Json[] = [12345.5, 'ÅÄÖ <b>fel</b>', [1, 'x'], { x: 1 }, null, true];
const allLeaves = leaves(doc());
for (let i = 0; i < 60; i++) {
  const path = pick(allLeaves);
  const original = getAt(doc(), path);
  const nullable = path[path.length - 1] === 'value';
  const candidates = REPLACEMENTS.filter((value) => kindOf(value) !== kindOf(original) && !(nullable && value === null));
  const replacement = pick(candidates);
  add({ name: `${pathText(path)} = ${JSON.stringify(replacement)}`, text: mutated(path, replacement), ...expectationFor(path) });
}

// 3. Missing required fields.
const OPTIONAL = new Set(['completedAt', 'position', 'itemId', 'carriedFromId']);
// An instrument item's help text and own descriptors are optional (an own item's levels are not).
const OPTIONAL_IN_INSTRUMENT = new Set(['help', 'levels']);
const required = fieldPaths(doc()).filter((path) => {
  const key = String(path[path.length - 1]);
  return !OPTIONAL.has(key) && !(path[0] === 'instrumentDefinitions' && OPTIONAL_IN_INSTRUMENT.has(key));
});
for (let i = 0; i < 30; i++) {
  const path = i === 0 ? ['format'] : i === 1 ? ['formatVersion'] : pick(required);
  const data = doc();
  deleteAt(data, path);
  add({ name: `without ${pathText(path)}`, text: text(data), ...expectationFor(path) });
}

// 4. Wrong format versions: only a whole number above ours asks for a newer app; the rest are broken files.
for (const version of [EXPORT_FORMAT_VERSION + 1, 99] satisfies Json[]) {
  add({ name: `formatVersion ${JSON.stringify(version)}`, text: mutated(['formatVersion'], version), code: 'unsupportedVersion', path: 'formatVersion' });
}
for (const version of [0, '1', String(EXPORT_FORMAT_VERSION), -1, 1.5, null, true, [1], {}, ''] satisfies Json[]) {
  add({ name: `formatVersion ${JSON.stringify(version)}`, text: mutated(['formatVersion'], version), code: 'invalidField', path: 'formatVersion' });
}
add({ name: 'formatVersion 1e400 (Infinity)', text: baseText.replace(/"formatVersion": \d+/, '"formatVersion": 1e400'), code: 'invalidField', path: 'formatVersion' });

// 5. Not an export: another format string, or not an object at all.
for (const format of ['familjecentral-export ', 'Familjecentral-Export', '', 'familjecentral-export-v2', 'familjecentral-instrument', 'ＦＡＭＩＬＪＥＣＥＮＴＲＡＬ']) {
  add({ name: `format ${JSON.stringify(format)}`, text: mutated(['format'], format), code: 'notExport', path: '' });
}
for (const raw of ['[]', '"familjecentral-export"', 'null', '42', 'true', `[${baseText}]`]) {
  add({ name: `document ${raw.slice(0, 20)}`, text: raw, code: 'notExport', path: '' });
}

// 6. Huge strings, over MAX_NAME / MAX_TEXT and the short limits.
const HUGE: [Step[], number][] = [
  [['centre', 'name'], MAX_NAME],
  [['centre', 'municipality'], MAX_NAME],
  [['centre', 'district'], MAX_NAME],
  [['centre', 'otherServices'], MAX_NAME],
  [['rounds', 0, 'title'], MAX_NAME],
  [['rounds', 1, 'participants', 0, 'name'], MAX_NAME],
  [['rounds', 0, 'participants', 2, 'role'], MAX_NAME],
  [['app', 'name'], MAX_NAME],
  [['rounds', 1, 'period'], 50],
  [['app', 'version'], 50],
  [['instruments', 0, 'version'], 50],
  [['answers', 7, 'note'], MAX_TEXT],
  [['reflections', 2, 'note'], MAX_TEXT],
];
for (const [path, max] of HUGE) {
  const value = pick(['x', 'å', '😀', ';"\n']).repeat(max + 1).slice(0, max + 1);
  add({ name: `${pathText(path)} of ${String(max + 1)} characters`, text: mutated(path, value), code: 'invalidField', path: pathText(path), reason: { kind: 'tooLong', max } });
}
add({
  name: 'rounds[0].instrumentId of 101 characters',
  text: mutated(['rounds', 0, 'instrumentId'], `f${'a'.repeat(100)}`),
  code: 'invalidField',
  path: 'rounds[0].instrumentId',
  reason: { kind: 'tooLong', max: 100 },
});
add({
  name: '101 participants',
  text: mutated(['rounds', 0, 'participants'], Array.from({ length: 101 }, (_, n) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: '', role: '' }))),
  code: 'invalidField',
  path: 'rounds[0].participants',
  reason: { kind: 'tooMany', max: 100 },
});
add({ name: 'five services', text: mutated(['centre', 'services'], ['bmm', 'bvc', 'bvc', 'openPreschool', 'socialServices']), code: 'invalidField', path: 'centre.services', reason: { kind: 'tooMany', max: 4 } });

// 7. Deep nesting (5000 levels): refused, and no RangeError from a recursive walk.
const DEEP_ARRAYS = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const DEEP_OBJECTS = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
add({ name: '5000 nested arrays as the document', text: DEEP_ARRAYS, code: 'tooDeep', pathPrefix: '[0]' });
add({ name: '5000 nested objects as the document', text: DEEP_OBJECTS, code: 'tooDeep', pathPrefix: 'a.a' });
add({ name: '5000 nested arrays in a note', text: withRaw(((d) => (setAt(d, ['answers', 0, 'note'], '@DEEP@'), d))(doc()), '@DEEP@', DEEP_ARRAYS), code: 'tooDeep', pathPrefix: 'answers[0].note[0]' });
add({ name: '5000 nested objects in a district', text: withRaw(((d) => (setAt(d, ['centre', 'district'], '@DEEP@'), d))(doc()), '@DEEP@', DEEP_OBJECTS), code: 'tooDeep', pathPrefix: 'centre.district.a' });
add({ name: '5000 nested arrays in an unknown field', text: withRaw({ ...doc(), extra: '@DEEP@' }, '@DEEP@', DEEP_ARRAYS), code: 'tooDeep', pathPrefix: 'extra[0]' });

// 8. Prototype keys at several depths, written as JSON text so that the key is real.
const PLACES: Step[][] = [[], ['centre'], ['rounds', 0], ['rounds', 1, 'position'], ['rounds', 0, 'participants', 1], ['answers', 3], ['reflections', 0], ['app']];
const PAYLOAD: Record<string, string> = {
  __proto__: '{"polluted": true}',
  constructor: '{"prototype": {"polluted": true}}',
  prototype: '{"polluted": true}',
};
for (const key of Object.keys(PAYLOAD)) {
  for (const place of PLACES) {
    const data = doc();
    const target = place.length === 0 ? data : getAt(data, place);
    if (target === null || typeof target !== 'object' || Array.isArray(target)) throw new Error('not an object');
    target['@KEY@'] = '@VALUE@';
    const raw = withRaw(data, '@KEY@', `"${key}"`).replace('"@VALUE@"', PAYLOAD[key] ?? 'null');
    add({ name: `${key} in ${pathText(place) || 'the document'}`, text: raw, code: 'forbiddenKey', path: pathText([...place, key]) });
  }
}
add({ name: '__proto__ inside an unknown field', text: withRaw({ ...doc(), extra: { nested: '@P@' } }, '@P@', '{"__proto__": {"polluted": true}}'), code: 'forbiddenKey', path: 'extra.nested.__proto__' });
add({ name: '__proto__ as the whole document', text: '{"__proto__": {"polluted": true}}', code: 'forbiddenKey', path: '__proto__' });

// 9. Duplicated ids.
function duplicate(name: string, from: Step[], to: Step[], path: string = pathText(to)): void {
  const data = doc();
  setAt(data, to, getAt(data, from));
  add({ name, text: text(data), code: 'duplicateId', path });
}
duplicate('two rounds with one id', ['rounds', 0, 'id'], ['rounds', 1, 'id']);
duplicate('a round with the centre id', ['centre', 'id'], ['rounds', 0, 'id']);
duplicate('two answers with one id', ['answers', 0, 'id'], ['answers', 5, 'id']);
duplicate('a reflection with an answer id', ['answers', 0, 'id'], ['reflections', 0, 'id']);
duplicate('the same round and item twice', ['answers', 0, 'itemId'], ['answers', 1, 'itemId']);
duplicate('the same round and goal twice', ['reflections', 0, 'goalId'], ['reflections', 1, 'goalId']);
duplicate('a participant with the centre id', ['centre', 'id'], ['rounds', 0, 'participants', 0, 'id']);
duplicate('two participants with one id', ['rounds', 0, 'participants', 0, 'id'], ['rounds', 0, 'participants', 1, 'id']);
for (let i = 0; i < 4; i++) {
  const j = int(0, base.answers.length - 2);
  const k = int(j + 1, base.answers.length - 1);
  duplicate(`answers ${String(j)} and ${String(k)} with one id`, ['answers', j, 'id'], ['answers', k, 'id']);
}

// 10. Dangling references.
const STRANGER = '0f0e0d0c-0b0a-4908-8706-050403020100';
for (const path of [['answers', 0, 'roundId'], ['answers', int(1, base.answers.length - 1), 'roundId'], ['reflections', 4, 'roundId'], ['rounds', 1, 'centreId'], ['rounds', 0, 'centreId']] satisfies Step[][]) {
  add({ name: `${pathText(path)} points nowhere`, text: mutated(path, STRANGER), code: 'unknownReference', path: pathText(path) });
}

// 11. Unknown instrument id or version.
for (const [field, value] of [['instrumentId', 'annat-instrument'], ['instrumentVersion', '2.0.0'], ['instrumentVersion', '0.9.0'], ['instrumentId', `${instrument.id}-v2`]] as const) {
  const round = int(0, 1);
  add({ name: `rounds[${String(round)}].${field} ${value}`, text: mutated(['rounds', round, field], value), code: 'unknownInstrument', path: `rounds[${String(round)}].instrumentId` });
}

// 12. Unknown item and goal ids.
for (const itemId of ['g9-unknown', 'g1-open-to-all-old', 'goal-1']) {
  const index = int(0, base.answers.length - 1);
  add({ name: `answers[${String(index)}] on ${itemId}`, text: mutated(['answers', index, 'itemId'], itemId), code: 'unknownItem', path: `answers[${String(index)}].itemId` });
}
for (const goalId of ['goal-6', 'g1-open-to-all']) {
  add({ name: `reflections[2] on ${goalId}`, text: mutated(['reflections', 2, 'goalId'], goalId), code: 'unknownItem', path: 'reflections[2].goalId' });
}

// 13. Ratings off the scale, or not whole steps.
for (const value of [0, 5, -1, 100]) {
  const index = int(0, base.answers.length - 1);
  add({ name: `answers[${String(index)}].value ${String(value)}`, text: mutated(['answers', index, 'value'], value), code: 'invalidValue', path: `answers[${String(index)}].value` });
}
for (const value of [2.5, 3.7]) {
  const index = int(0, base.answers.length - 1);
  add({ name: `answers[${String(index)}].value ${String(value)}`, text: mutated(['answers', index, 'value'], value), code: 'invalidField', path: `answers[${String(index)}].value`, reason: { kind: 'format', format: 'integer' } });
}
add({ name: 'answers[2].value 1e400 (Infinity)', text: withRaw(((d) => (setAt(d, ['answers', 2, 'value'], '@INF@'), d))(doc()), '@INF@', '1e400'), code: 'invalidField', path: 'answers[2].value' });
add({ name: 'answers[2].value "4"', text: mutated(['answers', 2, 'value'], '4'), code: 'invalidField', path: 'answers[2].value' });

// 14. HTML and script in text fields that are invalid for another reason.
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
add({ name: 'a script note over MAX_TEXT', text: mutated(['answers', 1, 'note'], SCRIPT.repeat(Math.ceil(MAX_TEXT / SCRIPT.length) + 1)), code: 'invalidField', path: 'answers[1].note', reason: { kind: 'tooLong', max: MAX_TEXT } });
add({ name: 'an img centre name over MAX_NAME', text: mutated(['centre', 'name'], IMG.repeat(Math.ceil(MAX_NAME / IMG.length) + 1)), code: 'invalidField', path: 'centre.name', reason: { kind: 'tooLong', max: MAX_NAME } });
add({ name: 'a script rating', text: mutated(['answers', 0, 'value'], SCRIPT), code: 'invalidField', path: 'answers[0].value' });
add({ name: 'a script status', text: mutated(['rounds', 0, 'status'], SCRIPT), code: 'invalidField', path: 'rounds[0].status' });
add({ name: 'a script date', text: mutated(['rounds', 1, 'date'], SCRIPT), code: 'invalidField', path: 'rounds[1].date', reason: { kind: 'format', format: 'date' } });
add({ name: 'a script item id', text: mutated(['answers', 6, 'itemId'], SCRIPT), code: 'invalidField', path: 'answers[6].itemId', reason: { kind: 'format', format: 'id' } });

// 15. Fields the format does not have (a deletedAt must never sneak a hidden record in).
for (const [place, key] of [[[], 'extra'], [['centre'], 'email'], [['rounds', 0], 'deletedAt'], [['answers', 0], 'score'], [['reflections', 1], 'html'], [['app'], 'build']] satisfies [Step[], string][]) {
  add({ name: `unknown field ${pathText([...place, key])}`, text: mutated([...place, key], '2026-01-01T00:00:00.000Z'), code: 'invalidField', path: pathText([...place, key]), reason: { kind: 'unknownField' } });
}

// 16. Action plans and individual ratings (format version 2).
for (const path of [['actions', 0, 'roundId'], ['actions', int(1, base.actions.length - 1), 'roundId'], ['actions', 2, 'centreId'], ['ratings', int(0, base.ratings.length - 1), 'roundId']] satisfies Step[][]) {
  add({ name: `${pathText(path)} points nowhere`, text: mutated(path, STRANGER), code: 'unknownReference', path: pathText(path) });
}
for (const participant of [STRANGER, ...(base.rounds[0]?.participants ?? []).map((p) => p.id)]) {
  const index = int(0, base.ratings.length - 1);
  add({ name: `ratings[${String(index)}] by ${participant}, not a participant of the round`, text: mutated(['ratings', index, 'participantId'], participant), code: 'unknownReference', path: `ratings[${String(index)}].participantId` });
}
duplicate('the same round, item and participant rated twice', ['ratings', 0, 'participantId'], ['ratings', 1, 'participantId']);
duplicate('two actions with one id', ['actions', 0, 'id'], ['actions', 3, 'id']);
duplicate('a rating with an action id', ['actions', 1, 'id'], ['ratings', 5, 'id']);
duplicate('an action with a reflection id', ['reflections', 0, 'id'], ['actions', 4, 'id']);
for (const value of [0, 5, 7, -3]) {
  const index = int(0, base.ratings.length - 1);
  add({ name: `ratings[${String(index)}].value ${String(value)}`, text: mutated(['ratings', index, 'value'], value), code: 'invalidValue', path: `ratings[${String(index)}].value` });
}
add({ name: 'ratings[3].value 2.5', text: mutated(['ratings', 3, 'value'], 2.5), code: 'invalidField', path: 'ratings[3].value', reason: { kind: 'format', format: 'integer' } });
for (const goalId of ['goal-6', 'g1-open-to-all']) {
  add({ name: `actions[4] on ${goalId}`, text: mutated(['actions', 4, 'goalId'], goalId), code: 'unknownItem', path: 'actions[4].goalId' });
}
for (const itemId of ['g9-unknown', 'goal-1']) {
  add({ name: `ratings[2] of ${itemId}`, text: mutated(['ratings', 2, 'itemId'], itemId), code: 'unknownItem', path: 'ratings[2].itemId' });
}
const ACTION_FIELDS: [Step[], Json, FieldReason][] = [
  [['actions', 0, 'what'], '', { kind: 'empty' }],
  [['actions', 1, 'what'], ' \t\n ', { kind: 'empty' }],
  [['actions', 2, 'what'], SCRIPT.repeat(Math.ceil(MAX_TEXT / SCRIPT.length) + 1), { kind: 'tooLong', max: MAX_TEXT }],
  [['actions', 3, 'who'], 'Ö'.repeat(MAX_NAME + 1), { kind: 'tooLong', max: MAX_NAME }],
  [['actions', 0, 'due'], '2026-13-01', { kind: 'format', format: 'date' }],
  [['actions', 1, 'due'], 'nästa vecka', { kind: 'format', format: 'date' }],
  [['actions', 4, 'status'], 'paused', { kind: 'notAllowed', received: '"paused"' }],
  [['actions', 3, 'carriedFromId'], 'förra omgången', { kind: 'format', format: 'uuid' }],
  [['actions', 2, 'updatedAt'], '2026-05-06', { kind: 'format', format: 'timestamp' }],
  [['ratings', 0, 'participantId'], 'Åsa Öberg', { kind: 'format', format: 'uuid' }],
];
for (const [path, value, reason] of ACTION_FIELDS) {
  add({ name: `${pathText(path)} = ${JSON.stringify(value).slice(0, 40)}`, text: mutated(path, value), code: 'invalidField', path: pathText(path), reason });
}
for (const [place, key] of [[['actions', 0], 'deletedAt'], [['actions', 2], 'priority'], [['ratings', 1], 'note']] satisfies [Step[], string][]) {
  add({ name: `unknown field ${pathText([...place, key])}`, text: mutated([...place, key], 'x'), code: 'invalidField', path: pathText([...place, key]), reason: { kind: 'unknownField' } });
}
for (const list of ['actions', 'ratings']) {
  const data = doc();
  deleteAt(data, [list]);
  add({ name: `a version-2 file without ${list}`, text: text(data), code: 'invalidField', path: list });
}

// 17. Timestamps and dates outside the one rule, at every place a file has one. Each of these used to
// pass, be stored oddly (`+010000-…`, 2 March) or throw later ("Invalid time value").
const BAD_TIMESTAMPS = [
  '9999-12-31T23:59:59-23:59',
  '2026-05-15T10:00:00+05',
  '2026-05-15T10:00:00+0500',
  '2026-02-30T10:00:00.000Z',
  '2026-05-15T24:00:00Z',
  '2026-05-15T10:00:60Z',
  '2026-05-15T10:00:00+24:00',
  '2026-05-15T10:00:00+05:60',
  '1999-12-31T23:59:59.999Z',
  '2101-01-01T00:00:00Z',
  '2100-12-31T23:00:00-05:00',
  '+002026-05-15T10:00:00.000Z',
  '2026-05-15T10:00Z',
  '2026-05-15T10:00:00',
  '2026-05-15',
];
const timestampPaths = leaves(doc()).filter((path) => ['createdAt', 'updatedAt', 'completedAt', 'exportedAt'].includes(String(path[path.length - 1])));
for (const value of BAD_TIMESTAMPS) {
  for (let i = 0; i < 3; i++) {
    const path = i === 0 ? ['exportedAt'] : pick(timestampPaths);
    add({ name: `${pathText(path)} = ${value}`, text: mutated(path, value), code: 'invalidField', path: pathText(path), reason: { kind: 'format', format: 'timestamp' } });
  }
}
const datePaths: Step[][] = [...base.rounds.map((_, index): Step[] => ['rounds', index, 'date']), ...base.actions.map((_, index): Step[] => ['actions', index, 'due'])];
for (const value of ['2026-02-30', '2026-02-29', '1999-12-31', '2101-01-01', '2026-2-3', '2026-05-15T00:00:00Z']) {
  const path = pick(datePaths);
  add({ name: `${pathText(path)} = ${value}`, text: mutated(path, value), code: 'invalidField', path: pathText(path), reason: { kind: 'format', format: 'date' } });
}

// ---------------------------------------------------------------------------------------------

/** The id a record of the fixture has in the other centre (Alby) that is on the fuzzing device. */
function otherCentreId(id: string): string {
  return `${id.startsWith('f') ? 'e' : 'f'}${id.slice(1)}`;
}

// 18. Id collisions with the other centre on the device, for every table keyed by id: the file is
// this centre's own and valid, but one of its records (or several) has the id of a record of the
// other centre. Each must be refused with the collision named, and the device left as it was.
interface Colliding {
  name: string;
  text: string;
  collisions: { kind: string; path: string }[];
}
const collisionCorpus: Colliding[] = [];
const COLLIDING_TABLES = { rounds: 'round', answers: 'answer', reflections: 'reflection', actions: 'action', ratings: 'rating', localItems: 'localItem' } as const;
for (const [table, kind] of Object.entries(COLLIDING_TABLES) as [keyof typeof COLLIDING_TABLES, string][]) {
  const records = base[table];
  const indexes = [...new Set([0, records.length - 1, int(0, records.length - 1), int(0, records.length - 1)])];
  for (const index of indexes) {
    const record = records[index];
    if (!record) continue;
    // The id replaced everywhere in the file, so that its references follow and the file stays valid.
    collisionCorpus.push({
      name: `${table}[${String(index)}] has an id of the other centre`,
      text: baseText.split(record.id).join(otherCentreId(record.id)),
      collisions: [{ kind, path: `${table}[${String(index)}].id` }],
    });
  }
}
for (let i = 0; i < 6; i++) {
  const picked = Object.entries(COLLIDING_TABLES)
    .filter(() => random() < 0.5)
    .map(([table, kind]) => {
      const records = base[table as keyof typeof COLLIDING_TABLES];
      const index = int(0, records.length - 1);
      return { table, kind, index, id: records[index]?.id ?? '' };
    });
  if (picked.length < 2) continue;
  collisionCorpus.push({
    name: `collisions in ${picked.map((p) => `${p.table}[${String(p.index)}]`).join(', ')}`,
    text: picked.reduce((out, p) => out.split(p.id).join(otherCentreId(p.id)), baseText),
    collisions: picked.map((p) => ({ kind: p.kind, path: `${p.table}[${String(p.index)}].id` })),
  });
}

type Snapshot = Record<string, unknown[]>;

async function snapshot(db: AppDatabase): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of db.tables) {
    const rows: unknown[] = await table.toArray();
    out[table.name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

/** What the app does with a picked file: validate, and only when that succeeds, import. */
async function importLikeTheApp(repo: Repository, content: string, bytes: number): Promise<ImportParseResult> {
  const result = parseExportText(content, instruments, bytes);
  if (result.ok) await repo.importFile(result.file);
  return result;
}

function expectNotPolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(Array.prototype, 'polluted')).toBe(false);
}

let db: AppDatabase;
let repo: Repository;

beforeAll(async () => {
  db = new AppDatabase(`fuzz-${crypto.randomUUID()}`);
  repo = createRepository(db);
  // Another centre on the device: every wrongly accepted file would add records next to it.
  const other = fixtureText.replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, otherCentreId);
  const parsed = parseExportText(other.replace('Familjecentralen Örby', 'Familjecentralen Alby'), instruments);
  if (!parsed.ok) throw new Error('seed does not parse');
  await repo.importFile(parsed.file);
  await repo.setSetting('lastExport:other', '2026-01-01T00:00:00.000Z');
});

afterAll(async () => {
  await db.delete();
});

describe('the corpus', () => {
  it('has at least 200 broken files, each with a distinct content', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((broken) => broken.text)).size).toBe(corpus.length);
    expect(corpus.some((broken) => broken.text === baseText)).toBe(false);
  });

  it('starts from a file that does import', () => {
    expect(parseExportText(baseText, instruments).ok).toBe(true);
  });
});

describe.each(corpus.map((broken, index) => ({ ...broken, label: `${String(index).padStart(3, '0')} ${broken.name}` })))('$label', (broken) => {
  it('is refused with a known problem at the broken place, and leaves the database as it was', async () => {
    const before = await snapshot(db);
    // Never throws (no RangeError from deep nesting, no TypeError from odd shapes): it answers.
    const result = await importLikeTheApp(repo, broken.text, new TextEncoder().encode(broken.text).length);
    expectNotPolluted();
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(Object.keys(KNOWN_CODES)).toContain(problem.code);
      expect(typeof problem.path).toBe('string');
      if (problem.code === 'invalidField') expect(Object.keys(KNOWN_REASONS)).toContain(problem.reason?.kind);
    }
    expect(problems.map((problem) => problem.code)).toContain(broken.code);
    const same = problems.filter((problem) => problem.code === broken.code);
    if (broken.path !== undefined) expect(same.map((problem) => problem.path)).toContain(broken.path);
    if (broken.pathPrefix !== undefined) expect(same.some((problem) => problem.path.startsWith(broken.pathPrefix ?? ''))).toBe(true);
    if (broken.reason !== undefined) expect(same).toContainEqual(expect.objectContaining({ path: broken.path, reason: broken.reason }));
    expect(await snapshot(db)).toEqual(before);
  });
});

describe.each(collisionCorpus.map((colliding, index) => ({ ...colliding, label: `collision ${String(index).padStart(2, '0')} ${colliding.name}` })))('$label', (colliding) => {
  it('is valid as a file, is refused for the collision it names, and leaves the database as it was', async () => {
    const before = await snapshot(db);
    const result = parseExportText(colliding.text, instruments);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const preview = await repo.previewImport(result.file);
    const imported = await repo.importFile(result.file);
    for (const plan of [preview, imported]) {
      for (const expected of colliding.collisions) {
        expect(plan.collisions).toContainEqual(expect.objectContaining({ ...expected, owner: 'otherCentre', ownerName: 'Familjecentralen Alby' }));
      }
    }
    expectNotPolluted();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('the collision corpus', () => {
  it('covers every table keyed by id, and several tables at once', () => {
    const kinds = new Set(collisionCorpus.flatMap((colliding) => colliding.collisions.map((collision) => collision.kind)));
    expect(kinds).toEqual(new Set(Object.values(COLLIDING_TABLES)));
    expect(collisionCorpus.some((colliding) => colliding.collisions.length > 1)).toBe(true);
  });
});

describe('files too large to read', () => {
  it('a 50 MB file is refused by its size alone, before any parsing', async () => {
    const before = await snapshot(db);
    const size = 50 * 1024 * 1024;
    const result = await importLikeTheApp(repo, '', size);
    expect(result).toEqual({ ok: false, problems: [{ code: 'tooLarge', path: '', detail: String(size) }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a real 26 MB text is refused without being parsed', async () => {
    const before = await snapshot(db);
    const padding = 26 * 1024 * 1024;
    const huge = `{"format":"familjecentral-export","padding":"${'x'.repeat(padding)}"}`;
    const parse = vi.spyOn(JSON, 'parse');
    const result = parseExportText(huge, instruments);
    expect(parse).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: false, problems: [{ code: 'tooLarge', path: '', detail: String(huge.length) }] });
    expect(huge.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(await snapshot(db)).toEqual(before);
  });

  it('the store measures a picked file before reading it: a 50 MB file is never read into memory', async () => {
    setActivePinia(createPinia());
    const read = vi.fn(() => Promise.resolve(''));
    const file = { name: 'stor.json', size: 50 * 1024 * 1024, type: 'application/json', text: read } as unknown as File;
    const result = await useExchangeStore().validate(file);
    expect(result).toEqual({ ok: false, problems: [{ code: 'tooLarge', path: '', detail: String(50 * 1024 * 1024) }] });
    expect(read).not.toHaveBeenCalled();
  });
});

describe('HTML and script in a valid file are kept verbatim, as text', () => {
  const hostile = {
    name: '<b>Familjecentralen</b> <script>alert(1)</script>',
    note: `${SCRIPT} & ${IMG} &amp; &lt;i&gt; "quoted" 'single' \u2028 😀`,
    participant: '"><svg onload=alert(1)>',
    period: '<i>VT</i> 2026',
  };

  function hostileFile(): string {
    const data = doc();
    setAt(data, ['centre', 'name'], hostile.name);
    setAt(data, ['answers', 0, 'note'], hostile.note);
    setAt(data, ['reflections', 0, 'note'], hostile.note);
    setAt(data, ['rounds', 0, 'participants', 0, 'name'], hostile.participant);
    setAt(data, ['rounds', 1, 'period'], hostile.period);
    return text(data);
  }

  it('parses, and every text is exactly as written', () => {
    const result = parseExportText(hostileFile(), instruments);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.centre.name).toBe(hostile.name);
    expect(result.file.answers[0]?.note).toBe(hostile.note);
    expect(result.file.reflections[0]?.note).toBe(hostile.note);
    expect(result.file.rounds[0]?.participants[0]?.name).toBe(hostile.participant);
    expect(result.file.rounds[1]?.period).toBe(hostile.period);
  });

  it('is stored and exported again verbatim', async () => {
    const target = new AppDatabase(`fuzz-html-${crypto.randomUUID()}`);
    try {
      const targetRepo = createRepository(target);
      const result = parseExportText(hostileFile(), instruments);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      await targetRepo.importFile(result.file);
      expect((await target.centres.get(result.file.centre.id))?.name).toBe(hostile.name);
      const answer = result.file.answers[0];
      expect(answer && (await target.answers.get(answer.id))?.note).toBe(hostile.note);
      const source = await targetRepo.exportSource(result.file.centre.id);
      expect(source?.centre.name).toBe(hostile.name);
      expect(source?.rounds.find((round) => round.id === result.file.rounds[1]?.id)?.period).toBe(hostile.period);
    } finally {
      await target.delete();
    }
  });
});
