import { inFormat4 } from '../../../fixtures/format4';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, MAX_IMPORT_BYTES } from '@/domain/exchange/format';
import { MAX_DEPTH, MAX_NAME, MAX_TEXT, parseExport, parseExportBytes, parseExportText, type FieldReason, type ImportParseResult, type ImportProblem } from '@/domain/exchange/schema';
import { UPGRADES, upgradeToCurrent } from '@/domain/exchange/upgrade';
import { parseInstrument } from '@/domain/instrument';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import fixtureText from '../../../fixtures/exports/export-v4.json?raw';
import v1FixtureText from '../../../fixtures/exports/export-v1.json?raw';
import v2FixtureText from '../../../fixtures/exports/export-v2.json?raw';
import { deleteAt, getAt, setAt, type Json } from '../../../fixtures/instruments';

/**
 * The import validator's messages: one problem code (and one field reason) at a time, each with the
 * exact path the UI shows, like `rounds[0].date`. Every case starts from the committed fixture of
 * the current format version and breaks one thing.
 */

const instrument = parseInstrument(defaultInstrumentJson);
const instruments = [instrument];

function fixture(): { [key: string]: Json } {
  return JSON.parse(fixtureText) as { [key: string]: Json };
}

function parse(data: Json): ImportParseResult {
  return parseExport(data, instruments);
}

function problemsOf(result: ImportParseResult): ImportProblem[] {
  return result.ok ? [] : result.problems;
}

/** The file with one value changed. */
function withValue(path: (string | number)[], value: Json): { [key: string]: Json } {
  const data = fixture();
  setAt(data, path, value);
  return data;
}

describe('the fixture the cases start from', () => {
  it('is valid, so every problem below comes from the one change', () => {
    const result = parse(fixture());
    expect(problemsOf(result)).toEqual([]);
    expect(result).toMatchObject({ ok: true });
    expect(result).not.toHaveProperty('upgradedFrom');
  });

  it('has the records the cases refer to', () => {
    const data = fixture();
    expect(getAt(data, ['answers', 4, 'itemId'])).toEqual(expect.any(String));
    expect(getAt(data, ['rounds', 1, 'id'])).not.toBe(getAt(data, ['rounds', 0, 'id']));
    expect(getAt(data, ['formatVersion'])).toBe(EXPORT_FORMAT_VERSION);
    expect(getAt(data, ['actions', 4, 'goalId'])).toBe('goal-3');
    // ratings[0] and ratings[1]: two participants of the spring round on the same item.
    expect(getAt(data, ['ratings', 1, 'itemId'])).toBe(getAt(data, ['ratings', 0, 'itemId']));
    expect(getAt(data, ['ratings', 1, 'participantId'])).not.toBe(getAt(data, ['ratings', 0, 'participantId']));
    expect(getAt(data, ['ratings', 0, 'roundId'])).toBe(getAt(data, ['rounds', 1, 'id']));
  });
});

describe('problem codes, each with its path', () => {
  it('tooLarge: refused by size before parsing, with the size as detail', () => {
    expect(parseExportText('not even json', instruments, MAX_IMPORT_BYTES + 1)).toEqual({
      ok: false,
      problems: [{ code: 'tooLarge', path: '', detail: String(MAX_IMPORT_BYTES + 1) }],
    });
    // Exactly at the limit is still read.
    expect(problemsOf(parseExportText(fixtureText, instruments, MAX_IMPORT_BYTES))).toEqual([]);
  });

  it('notJson: the whole file, with the line and column where it breaks (never the engine\'s English message)', () => {
    expect(problemsOf(parseExportText('{"format": "familjecentral-export",', instruments))).toEqual([
      { code: 'notJson', path: '', line: 1, column: 36, detail: 'end' },
    ]);
    expect(problemsOf(parseExportText('{\n  "format": "familjecentral-export"\n  "formatVersion": 3\n}', instruments))).toEqual([
      { code: 'notJson', path: '', line: 3, column: 3, detail: 'character' },
    ]);
  });

  it.each([
    ['an array', []],
    ['a string', 'familjecentral-export'],
    ['null', null],
    ['another format', { ...fixture(), format: 'familjecentral-instrument' }],
    ['no format', { formatVersion: 1 }],
  ] satisfies [string, Json][])('notExport: %s', (_name, data) => {
    expect(problemsOf(parse(data))).toEqual([{ code: 'notExport', path: '' }]);
  });

  it('unsupportedVersion: a newer format version than this app knows, with the version as detail', () => {
    const newer = EXPORT_FORMAT_VERSION + 1;
    expect(problemsOf(parse(withValue(['formatVersion'], newer)))).toEqual([{ code: 'unsupportedVersion', path: 'formatVersion', detail: String(newer) }]);
  });

  it.each([
    [0, { kind: 'notAllowed', received: '0' }],
    [-1, { kind: 'notAllowed', received: '-1' }],
    [1.5, { kind: 'notAllowed', received: '1.5' }],
    ['3', { kind: 'type', expected: 'number', received: '"3"' }],
    ['1', { kind: 'type', expected: 'number', received: '"1"' }],
    [null, { kind: 'type', expected: 'number', received: 'null' }],
    [[3], { kind: 'type', expected: 'number', received: 'Array' }],
  ] satisfies [Json, FieldReason][])('a broken formatVersion %j is a field error, not "update the app"', (version, reason) => {
    expect(problemsOf(parse(withValue(['formatVersion'], version)))).toEqual([{ code: 'invalidField', path: 'formatVersion', reason }]);
  });

  it('a missing formatVersion is a missing field', () => {
    const data = fixture();
    deleteAt(data, ['formatVersion']);
    expect(problemsOf(parse(data))).toEqual([{ code: 'invalidField', path: 'formatVersion', reason: { kind: 'missing' } }]);
  });

  it('tooDeep: nesting deeper than MAX_DEPTH, at the first level too deep', () => {
    let nested: Json = 'x';
    for (let i = 0; i < MAX_DEPTH; i++) nested = [nested];
    const problems = problemsOf(parse(withValue(['answers', 0, 'note'], nested)));
    // root 0, answers 1, answers[0] 2, note 3: the first array deeper than MAX_DEPTH is the tenth.
    expect(problems).toEqual([{ code: 'tooDeep', path: `answers[0].note${'[0]'.repeat(MAX_DEPTH - 2)}` }]);
  });

  it('tooDeep: nesting exactly at MAX_DEPTH is only a wrong type', () => {
    let nested: Json = 'x';
    for (let i = 0; i < MAX_DEPTH - 3; i++) nested = [nested];
    expect(problemsOf(parse(withValue(['answers', 0, 'note'], nested)))).toEqual([
      { code: 'invalidField', path: 'answers[0].note', reason: { kind: 'type', expected: 'string', received: 'Array' } },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('forbiddenKey: %s, with the key as detail', (key) => {
    const text = fixtureText.replace('"centre": {', `"centre": {"${key}": {"polluted": true},`);
    expect(problemsOf(parseExportText(text, instruments))).toEqual([{ code: 'forbiddenKey', path: `centre.${key}`, detail: key }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('duplicateId: a round with the id of another, at the second one', () => {
    const data = fixture();
    const id = getAt(data, ['rounds', 0, 'id']);
    setAt(data, ['rounds', 1, 'id'], id);
    expect(problemsOf(parse(data))).toContainEqual({ code: 'duplicateId', path: 'rounds[1].id', detail: id });
  });

  it('duplicateId: the same round and item answered twice, at the item of the second', () => {
    const data = fixture();
    const roundId = getAt(data, ['answers', 0, 'roundId']);
    const itemId = getAt(data, ['answers', 0, 'itemId']);
    if (typeof roundId !== 'string' || typeof itemId !== 'string') throw new Error('fixture');
    expect(getAt(data, ['answers', 1, 'roundId'])).toBe(roundId);
    setAt(data, ['answers', 1, 'itemId'], itemId);
    expect(problemsOf(parse(data))).toEqual([{ code: 'duplicateId', path: 'answers[1].itemId', detail: `${roundId}/${itemId}` }]);
  });

  it('unknownReference: an answer of a round not in the file', () => {
    const other = '0f0e0d0c-0b0a-4908-8706-050403020100';
    expect(problemsOf(parse(withValue(['answers', 2, 'roundId'], other)))).toEqual([{ code: 'unknownReference', path: 'answers[2].roundId', detail: other }]);
  });

  it('unknownReference: a round of another centre', () => {
    const other = '0f0e0d0c-0b0a-4908-8706-050403020100';
    expect(problemsOf(parse(withValue(['rounds', 1, 'centreId'], other)))).toEqual([{ code: 'unknownReference', path: 'rounds[1].centreId', detail: other }]);
  });

  it('unknownInstrument: a version this app does not have, with id and version as detail', () => {
    expect(problemsOf(parse(withValue(['rounds', 0, 'instrumentVersion'], '9.9.9')))).toEqual([
      { code: 'unknownInstrument', path: 'rounds[0].instrumentId', detail: `${instrument.id} 9.9.9` },
    ]);
  });

  it('unknownItem: an item the instrument does not have', () => {
    expect(problemsOf(parse(withValue(['answers', 4, 'itemId'], 'g9-not-an-item')))).toEqual([{ code: 'unknownItem', path: 'answers[4].itemId', detail: 'g9-not-an-item' }]);
  });

  it('unknownItem: a reflection on a goal the instrument does not have', () => {
    expect(problemsOf(parse(withValue(['reflections', 1, 'goalId'], 'goal-9')))).toEqual([{ code: 'unknownItem', path: 'reflections[1].goalId', detail: 'goal-9' }]);
  });

  it.each([0, 5, -1])('invalidValue: a rating of %i, off the scale', (value) => {
    expect(problemsOf(parse(withValue(['answers', 3, 'value'], value)))).toEqual([{ code: 'invalidValue', path: 'answers[3].value', detail: String(value) }]);
  });
});

describe('action plans and individual ratings (format version 2)', () => {
  const STRANGER = '0f0e0d0c-0b0a-4908-8706-050403020100';

  it('unknownReference: an action of a round not in the file', () => {
    expect(problemsOf(parse(withValue(['actions', 1, 'roundId'], STRANGER)))).toEqual([{ code: 'unknownReference', path: 'actions[1].roundId', detail: STRANGER }]);
  });

  it('unknownReference: an action of another centre', () => {
    expect(problemsOf(parse(withValue(['actions', 0, 'centreId'], STRANGER)))).toEqual([{ code: 'unknownReference', path: 'actions[0].centreId', detail: STRANGER }]);
  });

  it('unknownReference: a rating of a round not in the file', () => {
    expect(problemsOf(parse(withValue(['ratings', 3, 'roundId'], STRANGER)))).toEqual([{ code: 'unknownReference', path: 'ratings[3].roundId', detail: STRANGER }]);
  });

  it('unknownReference: a rating by someone who is not a participant of its round (here: of the other round)', () => {
    const data = fixture();
    const autumnParticipant = getAt(data, ['rounds', 0, 'participants', 0, 'id']);
    setAt(data, ['ratings', 2, 'participantId'], autumnParticipant);
    expect(problemsOf(parse(data))).toEqual([{ code: 'unknownReference', path: 'ratings[2].participantId', detail: autumnParticipant }]);
  });

  it('duplicateId: the same round, item and participant rated twice, at the participant of the second', () => {
    const data = fixture();
    const roundId = getAt(data, ['ratings', 0, 'roundId']);
    const itemId = getAt(data, ['ratings', 0, 'itemId']);
    const participantId = getAt(data, ['ratings', 0, 'participantId']);
    if (typeof roundId !== 'string' || typeof itemId !== 'string' || typeof participantId !== 'string') throw new Error('fixture');
    setAt(data, ['ratings', 1, 'participantId'], participantId);
    expect(problemsOf(parse(data))).toEqual([{ code: 'duplicateId', path: 'ratings[1].participantId', detail: `${roundId}/${itemId}/${participantId}` }]);
  });

  it('duplicateId: an action or a rating with the id of another record', () => {
    const data = fixture();
    const answerId = getAt(data, ['answers', 0, 'id']);
    const actionId = getAt(data, ['actions', 0, 'id']);
    setAt(data, ['actions', 2, 'id'], answerId);
    setAt(data, ['ratings', 5, 'id'], actionId);
    expect(problemsOf(parse(data))).toEqual([
      { code: 'duplicateId', path: 'actions[2].id', detail: answerId },
      { code: 'duplicateId', path: 'ratings[5].id', detail: actionId },
    ]);
  });

  it.each([7, 0, 5, -1])('invalidValue: an individual rating of %i, off the scale', (value) => {
    expect(problemsOf(parse(withValue(['ratings', 3, 'value'], value)))).toEqual([{ code: 'invalidValue', path: 'ratings[3].value', detail: String(value) }]);
  });

  it('unknownItem: an action on a goal the instrument does not have', () => {
    expect(problemsOf(parse(withValue(['actions', 4, 'goalId'], 'goal-9')))).toEqual([{ code: 'unknownItem', path: 'actions[4].goalId', detail: 'goal-9' }]);
  });

  it('unknownItem: an individual rating of an item the instrument does not have', () => {
    expect(problemsOf(parse(withValue(['ratings', 6, 'itemId'], 'g9-not-an-item')))).toEqual([{ code: 'unknownItem', path: 'ratings[6].itemId', detail: 'g9-not-an-item' }]);
  });

  it.each([
    ['actions[0].what', ['actions', 0, 'what'], '', { kind: 'empty' }],
    ['actions[3].what', ['actions', 3, 'what'], ' \n\t ', { kind: 'empty' }],
    ['actions[1].what', ['actions', 1, 'what'], 'x'.repeat(MAX_TEXT + 1), { kind: 'tooLong', max: MAX_TEXT }],
    ['actions[1].who', ['actions', 1, 'who'], 'x'.repeat(MAX_NAME + 1), { kind: 'tooLong', max: MAX_NAME }],
    ['actions[0].due', ['actions', 0, 'due'], '2026-02-30', { kind: 'format', format: 'date' }],
    ['actions[2].due', ['actions', 2, 'due'], '31/12/2026', { kind: 'format', format: 'date' }],
    ['actions[2].due', ['actions', 2, 'due'], ' ', { kind: 'format', format: 'date' }],
    ['actions[2].status', ['actions', 2, 'status'], 'paused', { kind: 'notAllowed', received: '"paused"' }],
    ['actions[3].carriedFromId', ['actions', 3, 'carriedFromId'], 'förra omgången', { kind: 'format', format: 'uuid' }],
    ['actions[0].createdAt', ['actions', 0, 'createdAt'], 'i höstas', { kind: 'format', format: 'timestamp' }],
    ['ratings[0].participantId', ['ratings', 0, 'participantId'], 'Åsa', { kind: 'format', format: 'uuid' }],
    ['ratings[4].value', ['ratings', 4, 'value'], 2.5, { kind: 'format', format: 'integer' }],
    ['ratings[4].itemId', ['ratings', 4, 'itemId'], 'G1 Öppet', { kind: 'format', format: 'id' }],
  ] satisfies [string, (string | number)[], Json, object][])('invalidField: %s', (path, at, value, reason) => {
    expect(problemsOf(parse(withValue(at, value)))).toEqual([{ code: 'invalidField', path, reason }]);
  });

  it('keeps an action whose what has spaces around it, trimmed as the other names are', () => {
    const result = parse(withValue(['actions', 0, 'what'], '  Föräldragrupp  '));
    expect(result.ok && result.file.actions[0]?.what).toBe('Föräldragrupp');
  });

  it('a due date may be left empty', () => {
    expect(problemsOf(parse(withValue(['actions', 0, 'due'], '')))).toEqual([]);
  });

  it('unknownField: a field an action does not have', () => {
    expect(problemsOf(parse(withValue(['actions', 1, 'priority'], 'hög')))).toEqual([{ code: 'invalidField', path: 'actions[1].priority', reason: { kind: 'unknownField' } }]);
  });

  it('a version-2 file must have both lists: only a version-1 file gets them added', () => {
    const data = fixture();
    deleteAt(data, ['actions']);
    deleteAt(data, ['ratings']);
    expect(problemsOf(parse(data))).toEqual([
      { code: 'invalidField', path: 'actions', reason: { kind: 'missing' } },
      { code: 'invalidField', path: 'ratings', reason: { kind: 'missing' } },
    ]);
  });
});

describe('own items and network instruments (format version 3)', () => {
  type Doc = { [key: string]: Json };
  const own = (data: Doc, index: number): Doc => getAt(data, ['localItems', index]) as Doc;
  /** Index of the first answer to an own item, and of the round answered with the network version. */
  function places(data: Doc): { ownAnswer: number; networkRound: number } {
    const ids = (data.localItems as Doc[]).map((item) => item.id);
    const ownAnswer = (data.answers as Doc[]).findIndex((answer) => ids.includes(answer.itemId ?? ''));
    const networkRound = (data.rounds as Doc[]).findIndex((round) => round.instrumentVersion !== instrument.version);
    return { ownAnswer, networkRound };
  }

  it('accepts answers and ratings to own items, and a round of the network version the file carries', () => {
    const data = fixture();
    const { ownAnswer, networkRound } = places(data);
    expect(ownAnswer).toBeGreaterThanOrEqual(0);
    expect(networkRound).toBeGreaterThanOrEqual(0);
    const ratings = data.ratings as Doc[];
    const first = ratings[0];
    if (!first) throw new Error('fixture');
    ratings.push({ ...first, id: '99999999-0000-4000-8000-000000000001', itemId: own(data, 0).id ?? '' });
    expect(problemsOf(parse(data))).toEqual([]);
  });

  it('unknownItem: an answer to an own item the file does not have', () => {
    const data = fixture();
    const { ownAnswer } = places(data);
    setAt(data, ['answers', ownAnswer, 'itemId'], '0f0e0d0c-0b0a-4908-8706-050403020100');
    expect(problemsOf(parse(data))).toEqual([{ code: 'unknownItem', path: `answers[${String(ownAnswer)}].itemId`, detail: '0f0e0d0c-0b0a-4908-8706-050403020100' }]);
  });

  it('unknownItem: an own item under a goal no instrument has; unknownReference: one of another centre', () => {
    const data = fixture();
    setAt(data, ['localItems', 0, 'goalId'], 'goal-9');
    setAt(data, ['localItems', 1, 'centreId'], '0f0e0d0c-0b0a-4908-8706-050403020100');
    expect(problemsOf(parse(data))).toEqual(
      expect.arrayContaining([
        { code: 'unknownItem', path: 'localItems[0].goalId', detail: 'goal-9' },
        { code: 'unknownReference', path: 'localItems[1].centreId', detail: '0f0e0d0c-0b0a-4908-8706-050403020100' },
      ]),
    );
  });

  it('invalidField: an own item without text, with too many descriptors, or not retired/active', () => {
    const data = fixture();
    setAt(data, ['localItems', 0, 'text'], '   ');
    setAt(data, ['localItems', 1, 'levels'], Array.from({ length: 21 }, () => 'x'));
    setAt(data, ['localItems', 1, 'retired'], 'ja');
    expect(problemsOf(parse(data))).toEqual([
      { code: 'invalidField', path: 'localItems[0].text', reason: { kind: 'empty' } },
      { code: 'invalidField', path: 'localItems[1].levels', reason: { kind: 'tooMany', max: 20 } },
      { code: 'invalidField', path: 'localItems[1].retired', reason: { kind: 'type', expected: 'boolean', received: '"ja"' } },
    ]);
  });

  it('unknownInstrument: a round of the network version when the file does not carry it and the device lacks it', () => {
    const data = withValue(['instrumentDefinitions'], []);
    const { networkRound } = places(data);
    expect(problemsOf(parse(data))).toEqual([
      { code: 'unknownInstrument', path: `rounds[${String(networkRound)}].instrumentId`, detail: `${instrument.id} 1.1.0` },
    ]);
    // A device that loaded the network's file itself reads it all the same.
    const network = parseInstrument(getAt(fixture(), ['instrumentDefinitions', 0]));
    expect(problemsOf(parseExport(data, [instrument, network]))).toEqual([]);
  });

  it('invalidField / invalidInstrument: a carried instrument is validated like an instrument file, with paths inside it', () => {
    const data = fixture();
    setAt(data, ['instrumentDefinitions', 0, 'goals', 1, 'items', 0, 'statement', 'sv'], '');
    expect(problemsOf(parse(data))).toEqual([
      { code: 'invalidField', path: 'instrumentDefinitions[0].goals[1].items[0].statement.sv', reason: { kind: 'empty' } },
    ]);
    const duplicate = fixture();
    setAt(duplicate, ['instrumentDefinitions', 0, 'goals', 1, 'number'], 1);
    expect(problemsOf(parse(duplicate))).toEqual([{ code: 'invalidInstrument', path: 'instrumentDefinitions[0].goals[1].number', detail: '1' }]);
  });

  it('instrumentConflict: a carried instrument with the id and version of one the device holds, but other content', () => {
    const data = withValue(['instrumentDefinitions', 0, 'version'], instrument.version);
    expect(problemsOf(parse(data))).toContainEqual({ code: 'instrumentConflict', path: 'instrumentDefinitions[0].version', detail: `${instrument.id} ${instrument.version}` });
    // The same instrument carried again is no conflict.
    expect(problemsOf(parse(withValue(['instrumentDefinitions'], [JSON.parse(JSON.stringify(instrument)) as Json])))).not.toContainEqual(
      expect.objectContaining({ code: 'instrumentConflict' }),
    );
  });

  it('duplicateId: the same instrument version carried twice', () => {
    const data = fixture();
    const definitions = data.instrumentDefinitions as Json[];
    definitions.push(definitions[0] ?? null);
    expect(problemsOf(parse(data))).toEqual([{ code: 'duplicateId', path: 'instrumentDefinitions[1].version', detail: `${instrument.id}@1.1.0` }]);
  });
});

describe('invalidField: the reason, in words the UI translates', () => {
  it.each([
    ['rounds[0].date', ['rounds', 0, 'date'], '2026-02-30', { kind: 'format', format: 'date' }],
    ['rounds[1].date', ['rounds', 1, 'date'], '6 maj 2026', { kind: 'format', format: 'date' }],
    ['centre.id', ['centre', 'id'], 'fittja', { kind: 'format', format: 'uuid' }],
    ['exportedAt', ['exportedAt'], 'igår', { kind: 'format', format: 'timestamp' }],
    ['rounds[0].instrumentId', ['rounds', 0, 'instrumentId'], 'Familjecentral Självvärdering', { kind: 'format', format: 'id' }],
    ['rounds[0].instrumentVersion', ['rounds', 0, 'instrumentVersion'], '1.0', { kind: 'format', format: 'version' }],
    ['answers[3].value', ['answers', 3, 'value'], 2.5, { kind: 'format', format: 'integer' }],
    ['centre.name', ['centre', 'name'], '', { kind: 'empty' }],
    ['rounds[0].title', ['rounds', 0, 'title'], '   ', { kind: 'empty' }],
    ['answers[0].note', ['answers', 0, 'note'], 'x'.repeat(MAX_TEXT + 1), { kind: 'tooLong', max: MAX_TEXT }],
    ['reflections[0].note', ['reflections', 0, 'note'], 'x'.repeat(MAX_TEXT + 1), { kind: 'tooLong', max: MAX_TEXT }],
    ['centre.municipality', ['centre', 'municipality'], 'x'.repeat(MAX_NAME + 1), { kind: 'tooLong', max: MAX_NAME }],
    ['centre.coLocation', ['centre', 'coLocation'], 'inside', { kind: 'notAllowed', received: '"inside"' }],
    ['rounds[0].status', ['rounds', 0, 'status'], 'done', { kind: 'notAllowed', received: '"done"' }],
    ['reflections[0].notRelevant', ['reflections', 0, 'notRelevant'], 'yes', { kind: 'type', expected: 'boolean', received: '"yes"' }],
    ['rounds[0].participants', ['rounds', 0, 'participants'], 'Åsa, Märta', { kind: 'type', expected: 'Array', received: '"Åsa, Märta"' }],
  ] satisfies [string, (string | number)[], Json, object][])('%s', (path, at, value, reason) => {
    expect(problemsOf(parse(withValue(at, value)))).toEqual([{ code: 'invalidField', path, reason }]);
  });

  it('unknownField: a field the format does not have, at its own path', () => {
    const problems = problemsOf(parse(withValue(['centre', 'email'], 'info@example.se')));
    expect(problems).toEqual([{ code: 'invalidField', path: 'centre.email', reason: { kind: 'unknownField' } }]);
  });

  it('a missing field, at its own path', () => {
    const data = fixture();
    deleteAt(data, ['rounds', 1, 'title']);
    expect(problemsOf(parse(data))).toEqual([{ code: 'invalidField', path: 'rounds[1].title', reason: { kind: 'missing' } }]);
  });

  it('tooMany: more participants than any meeting has', () => {
    const participants = Array.from({ length: 101 }, (_, index) => ({ id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, name: '', role: 'BVC' }));
    expect(problemsOf(parse(withValue(['rounds', 0, 'participants'], participants)))).toEqual([
      { code: 'invalidField', path: 'rounds[0].participants', reason: { kind: 'tooMany', max: 100 } },
    ]);
  });

  it('reports every broken field at once, at most 50', () => {
    const data = fixture();
    const answers = getAt(data, ['answers']);
    if (!Array.isArray(answers)) throw new Error('fixture');
    answers.forEach((_answer, index) => setAt(data, ['answers', index, 'note'], 42));
    const problems = problemsOf(parse(data));
    expect(problems).toHaveLength(Math.min(50, answers.length));
    expect(problems.map((p) => p.path)).toEqual(answers.slice(0, 50).map((_answer, index) => `answers[${String(index)}].note`));
  });
});

describe('upgrading older format versions', () => {
  const step1 = (data: Record<string, unknown>) => ({ ...data, renamed: data.old, old: undefined, steps: ['1→2'] });
  const step2 = (data: Record<string, unknown>) => ({ ...data, steps: [...(data.steps as string[]), '2→3'] });

  it('runs a v1 file through every step up to the current version, numbering each', () => {
    const result = upgradeToCurrent({ format: EXPORT_FORMAT, formatVersion: 1, old: 'kept' }, { 1: step1, 2: step2 }, 3);
    expect(result).toEqual({ ok: true, from: 1, data: { format: EXPORT_FORMAT, formatVersion: 3, renamed: 'kept', old: undefined, steps: ['1→2', '2→3'] } });
  });

  it('starts from the file version: a v2 file takes only the last step', () => {
    expect(upgradeToCurrent({ formatVersion: 2, steps: [] }, { 1: step1, 2: step2 }, 3)).toEqual({ ok: true, from: 2, data: { formatVersion: 3, steps: ['2→3'] } });
  });

  it('leaves a current file as it is', () => {
    const data = { formatVersion: 3, x: 1 };
    expect(upgradeToCurrent(data, { 1: step1, 2: step2 }, 3)).toEqual({ ok: true, from: 3, data });
  });

  it('fails, naming the file version, when a step is missing', () => {
    expect(upgradeToCurrent({ formatVersion: 1 }, { 2: step2 }, 3)).toEqual({ ok: false, version: '1' });
    expect(upgradeToCurrent({ formatVersion: 1 }, { 1: step1 }, 3)).toEqual({ ok: false, version: '1' });
  });

  it.each([
    [4, '4'],
    [0, '0'],
    [2.5, '2.5'],
    ['2', '2'],
    [undefined, 'undefined'],
  ])('refuses formatVersion %j', (formatVersion, version) => {
    expect(upgradeToCurrent({ formatVersion }, { 1: step1, 2: step2 }, 3)).toEqual({ ok: false, version });
  });

  it('the real steps 1 → 2 → 3 add empty actions and ratings, then empty own items and instrument definitions, and keep everything else', () => {
    const v1 = JSON.parse(v1FixtureText) as Record<string, unknown>;
    expect(v1.formatVersion).toBe(1);
    expect(UPGRADES[1]?.(v1)).toEqual({ ...v1, actions: [], ratings: [] });
    const added = { actions: [], ratings: [], localItems: [], instrumentDefinitions: [], audience: 'backup', ratingSpread: [], handIns: [], projectPlans: [], yearlyReports: [] };
    expect(upgradeToCurrent(v1)).toEqual({ ok: true, from: 1, data: { ...v1, formatVersion: 4, ...added } });
    const parsed = parseExportText(v1FixtureText, instruments);
    expect(parsed).toMatchObject({ ok: true, upgradedFrom: 1, file: { formatVersion: 4, ...added } });
    const v2 = JSON.parse(v2FixtureText) as Record<string, unknown>;
    expect(upgradeToCurrent(v2)).toEqual({ ok: true, from: 2, data: inFormat4({ ...v2, localItems: [], instrumentDefinitions: [] }) });
  });

  it('the real table has a step from every published version to the current one', () => {
    for (let version = 1; version < EXPORT_FORMAT_VERSION; version++) expect(UPGRADES[version]).toBeTypeOf('function');
    expect(upgradeToCurrent({ formatVersion: EXPORT_FORMAT_VERSION })).toEqual({ ok: true, from: EXPORT_FORMAT_VERSION, data: { formatVersion: EXPORT_FORMAT_VERSION } });
  });

  it('a file newer than the current version is unsupportedVersion through parseExport', () => {
    const newer = EXPORT_FORMAT_VERSION + 1;
    expect(parse(withValue(['formatVersion'], newer))).toEqual({ ok: false, problems: [{ code: 'unsupportedVersion', path: 'formatVersion', detail: String(newer) }] });
  });
});

describe('one timestamp rule for every date and time in the file', () => {
  const TIMESTAMP_PATHS: (string | number)[][] = [
    ['exportedAt'],
    ['centre', 'createdAt'],
    ['centre', 'updatedAt'],
    ['rounds', 0, 'createdAt'],
    ['rounds', 1, 'updatedAt'],
    ['answers', 3, 'updatedAt'],
    ['reflections', 0, 'updatedAt'],
    ['actions', 1, 'createdAt'],
    ['actions', 2, 'updatedAt'],
    ['ratings', 0, 'updatedAt'],
  ];

  it.each(['9999-12-31T23:59:59-23:59', '2026-05-15T10:00:00+05', '2026-02-30T10:00:00.000Z', '1999-12-31T23:59:59Z', '2026-05-15T10:00:00+24:00'])(
    '%s is refused at every place, naming the field',
    (value) => {
      for (const path of TIMESTAMP_PATHS) {
        const at = path.map((step) => (typeof step === 'number' ? `[${String(step)}]` : step)).join('.').replace(/\.\[/g, '[');
        expect(problemsOf(parse(withValue(path, value)))).toEqual([{ code: 'invalidField', path: at, reason: { kind: 'format', format: 'timestamp' } }]);
      }
    },
  );

  it('a valid offset is stored in UTC, so that every stored timestamp sorts as text by its moment', () => {
    const data = withValue(['answers', 3, 'updatedAt'], '2026-05-15T14:30:00.250+02:00');
    setAt(data, ['exportedAt'], '2026-05-16T01:00:00-05:00');
    const result = parse(data);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.answers[3]?.updatedAt).toBe('2026-05-15T12:30:00.250Z');
    expect(result.file.exportedAt).toBe('2026-05-16T06:00:00.000Z');
  });

  it('an optional completedAt follows the same rule', () => {
    const round = fixture().rounds;
    const index = Array.isArray(round) ? round.findIndex((r) => r !== null && typeof r === 'object' && !Array.isArray(r) && 'completedAt' in r) : -1;
    expect(index).toBeGreaterThanOrEqual(0);
    expect(problemsOf(parse(withValue(['rounds', index, 'completedAt'], '2026-05-15T10:00:00+0500')))).toEqual([
      { code: 'invalidField', path: `rounds[${String(index)}].completedAt`, reason: { kind: 'format', format: 'timestamp' } },
    ]);
  });

  it.each(['2026-02-30', '2026-02-29', '1999-12-31', '2101-01-01'])('the date %s is refused in a round and in an action', (value) => {
    expect(problemsOf(parse(withValue(['rounds', 0, 'date'], value)))).toEqual([{ code: 'invalidField', path: 'rounds[0].date', reason: { kind: 'format', format: 'date' } }]);
    expect(problemsOf(parse(withValue(['actions', 0, 'due'], value)))).toEqual([{ code: 'invalidField', path: 'actions[0].due', reason: { kind: 'format', format: 'date' } }]);
  });
});

describe('parseExportBytes: the file as bytes, in a known encoding', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
    const out = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      out.push(...(endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
    }
    return new Uint8Array(out);
  }
  const withMalmo = JSON.stringify(withValue(['centre', 'municipality'], 'Malmö'));

  it.each([
    ['UTF-8', encode(withMalmo)],
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...encode(withMalmo)])],
    ['UTF-16 LE with a byte-order mark', utf16(withMalmo, 'le')],
    ['UTF-16 BE with a byte-order mark', utf16(withMalmo, 'be')],
  ])('reads %s with "Malmö" intact', (_name, bytes) => {
    const result = parseExportBytes(bytes, instruments);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.centre.municipality).toBe('Malmö');
  });

  it('refuses a Latin-1 file as not UTF-8, instead of storing "Malm\uFFFD"', () => {
    const latin1 = new Uint8Array([...withMalmo].map((c) => c.charCodeAt(0)));
    expect(latin1.includes(0xf6)).toBe(true);
    expect(parseExportBytes(latin1, instruments)).toEqual({ ok: false, problems: [{ code: 'notText', path: '' }] });
  });

  it('measures the size before decoding', () => {
    expect(parseExportBytes(new Uint8Array([0xff]), instruments, MAX_IMPORT_BYTES + 1)).toEqual({
      ok: false,
      problems: [{ code: 'tooLarge', path: '', detail: String(MAX_IMPORT_BYTES + 1) }],
    });
  });
});
