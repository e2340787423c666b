import { describe, expect, it } from 'vitest';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import instrument2Json from '@/instrument/instrument-2.0.0.json';
import { BUILT_IN_VERSIONS, DEFAULT_INSTRUMENT_ID, loadBuiltInInstrument, loadBuiltInInstruments, loadDefaultInstrument } from '@/instrument';
import { instrumentDifferences } from '@/domain/instruments';
import {
  allItems,
  checkInstrument,
  checkInstrumentBytes,
  checkInstrumentText,
  findGoal,
  goalOfItem,
  InstrumentError,
  localize,
  parseInstrument,
  parseInstrumentText,
  type InstrumentProblem,
} from '@/domain/instrument';
import { LOCALES, type Instrument } from '@/domain/types';
import { deleteAt, getAt, rawDefaultInstrument, setAt, smallInstrument, type Json } from '../../fixtures/instruments';

/** Runs the parser and returns the problems it reports; fails the test if it accepts the data. */
function problemsOf(parse: () => Instrument): readonly InstrumentProblem[] {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InstrumentError);
    return (error as InstrumentError).problems;
  }
  throw new Error('expected the instrument to be rejected');
}

function problemsOfData(data: Json): readonly InstrumentProblem[] {
  return problemsOf(() => parseInstrument(data));
}

function pathsOf(problems: readonly InstrumentProblem[]): string[] {
  return problems.map((p) => p.path);
}

/** A copy of the shipped file with one change made by `change`. */
function broken(change: (raw: Json) => void): Json {
  const raw = rawDefaultInstrument();
  change(raw);
  return raw;
}

describe('the shipped instrument versions', () => {
  it('ships 1.0.0 and 2.0.0, and new rounds use the newest', async () => {
    expect(BUILT_IN_VERSIONS).toEqual(['1.0.0', '2.0.0']);
    const instrument = await loadDefaultInstrument();
    expect(instrument.id).toBe(DEFAULT_INSTRUMENT_ID);
    expect(instrument.version).toBe('2.0.0');
    expect((await loadBuiltInInstruments()).map((i) => i.version)).toEqual(['2.0.0', '1.0.0']);
    expect(await loadBuiltInInstrument('0.9.0')).toBeUndefined();
  });

  it('parses each JSON file directly to the same instrument as the loader', async () => {
    expect(parseInstrument(defaultInstrumentJson)).toEqual(await loadBuiltInInstrument('1.0.0'));
    expect(parseInstrument(instrument2Json)).toEqual(await loadBuiltInInstrument('2.0.0'));
  });

  it('parses from text as well, as a file picked by the user would be', async () => {
    const text = JSON.stringify(instrument2Json, null, 2);
    expect(parseInstrumentText(text)).toEqual(await loadDefaultInstrument());
  });

  it('has the five common goals goal-1 … goal-5, numbered 1 … 5 in order, in every version', async () => {
    for (const { goals } of await loadBuiltInInstruments()) {
      expect(goals.map((g) => g.id)).toEqual(['goal-1', 'goal-2', 'goal-3', 'goal-4', 'goal-5']);
      expect(goals.map((g) => g.number)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('has 7 statements per goal in 1.0.0 and 13 in goal 4 of 2.0.0', async () => {
    const counts = async (version: string) => (await loadBuiltInInstrument(version))?.goals.map((g) => g.items.length);
    expect(await counts('1.0.0')).toEqual([7, 7, 7, 7, 7]);
    expect(await counts('2.0.0')).toEqual([7, 7, 7, 13, 7]);
  });

  it('2.0.0 keeps every statement of 1.0.0 word for word and adds goal 4’s accessibility and helpfulness', async () => {
    const [v1, v2] = await Promise.all([loadBuiltInInstrument('1.0.0'), loadBuiltInInstrument('2.0.0')]);
    if (!v1 || !v2) throw new Error('missing a shipped version');
    const differences = instrumentDifferences(v1, v2);
    expect(differences).toMatchObject({ addedGoals: [], removedGoals: [], removedItems: [], rewordedItems: [], scaleChanged: false });
    expect(differences.addedItems).toEqual([
      'g4-opening-hours',
      'g4-finding-us',
      'g4-physical-access',
      'g4-information-online',
      'g4-helpful-social-services',
      'g4-helpful-local-actors',
    ]);
    for (const id of differences.addedItems) expect(goalOfItem(v2, id)?.id, id).toBe('goal-4');
  });

  it('1.0.0 has no path block (read with default-1); 2.0.0 carries its own rules, naming only its own statements', async () => {
    const [v1, v2] = await Promise.all([loadBuiltInInstrument('1.0.0'), loadBuiltInInstrument('2.0.0')]);
    expect(v1?.path).toBeUndefined();
    expect(v2?.path?.rulesVersion).toBe('default-2');
    const ids = new Set(allItems(v2 as Instrument).map((item) => item.id));
    const named = (v2?.path?.steps ?? []).flatMap((step) => step.evidence.flatMap((rule) => (rule.kind === 'statements' ? rule.items : [])));
    for (const id of [...named, ...(v2?.path?.placementChecks ?? []).map((check) => check.itemId)]) expect(ids.has(id), id).toBe(true);
  });

  it('uses every id only once, across goals and items', async () => {
    for (const instrument of await loadBuiltInInstruments()) {
      const ids = [...instrument.goals.map((g) => g.id), ...allItems(instrument).map((i) => i.id)];
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has a scale of four increasing levels, 1 to 4, each labelled and described in both languages', async () => {
    const { scale } = await loadDefaultInstrument();
    expect(scale.levels.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    for (const level of scale.levels) {
      for (const locale of LOCALES) {
        expect(level.label[locale].trim()).not.toBe('');
        expect(level.description[locale].trim()).not.toBe('');
      }
    }
  });

  it('gives every item a Swedish and an English statement and four level descriptors in both languages', async () => {
    for (const instrument of await loadBuiltInInstruments()) {
      for (const item of allItems(instrument)) {
        expect(item.statement.sv.trim(), item.id).not.toBe('');
        expect(item.statement.en.trim(), item.id).not.toBe('');
        expect(item.statement.sv, item.id).not.toBe(item.statement.en);
        expect(item.help?.sv.trim(), item.id).toBeTruthy();
        expect(item.levels, item.id).toHaveLength(4);
        for (const descriptor of item.levels ?? []) {
          expect(descriptor.sv.trim(), item.id).not.toBe('');
          expect(descriptor.en.trim(), item.id).not.toBe('');
        }
      }
    }
  });

  it('titles and describes every goal in both languages', async () => {
    const { goals, title, description } = await loadDefaultInstrument();
    for (const locale of LOCALES) {
      expect(title[locale]).not.toBe('');
      expect(description[locale]).not.toBe('');
      for (const goal of goals) {
        expect(goal.title[locale].trim(), goal.id).not.toBe('');
        expect(goal.description[locale].trim(), goal.id).not.toBe('');
      }
    }
  });

  it('is not changed by parsing (no text lost or trimmed away in the shipped file)', () => {
    expect(parseInstrument(rawDefaultInstrument())).toEqual(defaultInstrumentJson);
  });
});

describe('a broken instrument file is rejected with the place and the reason', () => {
  it('rejects text that is not JSON, with a root path and a clear message', () => {
    const problems = problemsOf(() => parseInstrumentText('{ "id": "x", '));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('');
    expect(problems[0]).toMatchObject({ kind: 'notJson', message: 'not valid JSON at line 1, column 14', line: 1, column: 14, detail: 'end' });
  });

  it('rejects an empty file as not JSON', () => {
    expect(problemsOf(() => parseInstrumentText(''))[0]?.message).toMatch(/not valid JSON/);
  });

  it('names the root as "(root)" in the error message', () => {
    expect(() => parseInstrumentText('nonsense')).toThrow(/^Invalid instrument: \(root\): not valid JSON/);
  });

  it.each<[string, Json]>([
    ['null', null],
    ['a string', 'instrument'],
    ['a number', 42],
  ])('rejects JSON that is %s instead of an object, at the root', (_name, data) => {
    const problems = problemsOfData(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('');
  });

  it('rejects JSON that is an array (none of the required fields is there)', () => {
    const problems = problemsOfData([]);
    expect(pathsOf(problems)).toEqual(expect.arrayContaining(['id', 'version', 'goals']));
  });

  it('rejects a file without goals, pointing at "goals"', () => {
    const problems = problemsOfData(broken((raw) => deleteAt(raw, ['goals'])));
    expect(pathsOf(problems)).toEqual(['goals']);
  });

  it('rejects an instrument with an empty goal list', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals'], [])));
    expect(problems).toMatchObject([{ path: 'goals', message: 'an instrument needs at least one goal' }]);
  });

  it('rejects a goal without items', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 3, 'items'], [])));
    expect(problems).toMatchObject([{ path: 'goals[3].items', message: 'a goal needs at least one item' }]);
  });

  it('rejects an empty Swedish statement at goals[0].items[1].statement.sv', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 0, 'items', 1, 'statement', 'sv'], '')));
    expect(problems).toMatchObject([{ path: 'goals[0].items[1].statement.sv', message: 'must not be empty' }]);
  });

  it('counts a statement of only spaces as empty', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 2, 'items', 4, 'statement', 'en'], '   \n ')));
    expect(pathsOf(problems)).toEqual(['goals[2].items[4].statement.en']);
  });

  it('rejects a statement that lacks the English text', () => {
    const problems = problemsOfData(broken((raw) => deleteAt(raw, ['goals', 1, 'items', 0, 'statement', 'en'])));
    expect(pathsOf(problems)).toEqual(['goals[1].items[0].statement.en']);
  });

  it('rejects a statement in a language the app does not have', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 1, 'items', 0, 'statement', 'de'], 'Aussage')));
    expect(pathsOf(problems)).toEqual(['goals[1].items[0].statement.de']);
  });

  it('rejects a goal number written as a string', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 2, 'number'], '3')));
    expect(pathsOf(problems)).toEqual(['goals[2].number']);
    expect(problems[0]?.message).toMatch(/number/i);
  });

  it.each<[string, Json]>([
    ['a fraction', 1.5],
    ['zero', 0],
    ['negative', -1],
  ])('rejects a goal number that is %s', (_name, value) => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 0, 'number'], value)));
    expect(pathsOf(problems)).toEqual(['goals[0].number']);
  });

  it('rejects a scale value written as a string', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['scale', 'levels', 1, 'value'], '2')));
    expect(pathsOf(problems)).toEqual(['scale.levels[1].value']);
  });

  it('rejects an item id used twice across goals, at the second occurrence', () => {
    const data = broken((raw) => setAt(raw, ['goals', 1, 'items', 2, 'id'], getAt(raw, ['goals', 0, 'items', 0, 'id'])));
    const problems = problemsOfData(data);
    expect(problems).toMatchObject([{ path: 'goals[1].items[2].id', message: 'duplicate id "g1-open-to-all"' }]);
  });

  it('rejects an item id used twice within one goal', () => {
    const data = broken((raw) => setAt(raw, ['goals', 4, 'items', 6, 'id'], 'g5-regular-rounds'));
    expect(pathsOf(problemsOfData(data))).toEqual(['goals[4].items[6].id']);
  });

  it('rejects two goals with the same id', () => {
    const data = broken((raw) => setAt(raw, ['goals', 3, 'id'], 'goal-1'));
    expect(problemsOfData(data)).toMatchObject([{ path: 'goals[3].id', message: 'duplicate id "goal-1"' }]);
  });

  it('rejects an item whose level descriptors are fewer than the scale levels', () => {
    const data = broken((raw) => deleteAt(raw, ['goals', 0, 'items', 2, 'levels', 3]));
    expect(problemsOfData(data)).toMatchObject([
      { path: 'goals[0].items[2].levels', message: 'expected 4 level descriptors, found 3' },
    ]);
  });

  it('rejects item descriptors that no longer match a scale shortened to three levels', () => {
    const data = broken((raw) => deleteAt(raw, ['scale', 'levels', 3]));
    const problems = problemsOfData(data);
    // All 35 items carry four descriptors.
    expect(problems).toHaveLength(35);
    expect(problems[0]).toEqual({ path: 'goals[0].items[0].levels', message: 'expected 3 level descriptors, found 4', kind: 'levelCount', detail: '4/3' });
    expect(problems.every((p) => /^goals\[\d\]\.items\[\d\]\.levels$/.test(p.path))).toBe(true);
  });

  it('accepts an item without its own descriptors (it uses the scale descriptions)', () => {
    const data = broken((raw) => deleteAt(raw, ['goals', 0, 'items', 2, 'levels']));
    const instrument = parseInstrument(data);
    expect(instrument.goals[0]?.items[2]?.levels).toBeUndefined();
  });

  it('rejects scale values that decrease, at the level that breaks the order', () => {
    const data = broken((raw) => {
      setAt(raw, ['scale', 'levels', 2, 'value'], 4);
      setAt(raw, ['scale', 'levels', 3, 'value'], 3);
    });
    expect(problemsOfData(data)).toMatchObject([{ path: 'scale.levels[3].value', message: 'scale values must increase' }]);
  });

  it('rejects two scale levels with the same value', () => {
    const data = broken((raw) => setAt(raw, ['scale', 'levels', 1, 'value'], 1));
    expect(pathsOf(problemsOfData(data))).toEqual(['scale.levels[1].value']);
  });

  it('rejects a scale with a single level', () => {
    const data = broken((raw) => {
      setAt(raw, ['scale', 'levels'], [getAt(raw, ['scale', 'levels', 0])]);
      for (let g = 0; g < 5; g += 1) {
        const items = getAt(raw, ['goals', g, 'items']);
        if (Array.isArray(items)) items.forEach((_item, i) => deleteAt(raw, ['goals', g, 'items', i, 'levels']));
      }
    });
    expect(problemsOfData(data)).toMatchObject([{ path: 'scale.levels', message: 'a scale needs at least two levels' }]);
  });

  it('rejects an unknown key inside an item (a typo must not be silently ignored)', () => {
    const data = broken((raw) => setAt(raw, ['goals', 0, 'items', 1, 'statment'], { sv: 'x', en: 'y' }));
    const problems = problemsOfData(data);
    expect(pathsOf(problems)).toEqual(['goals[0].items[1].statment']);
  });

  it('rejects an unknown key inside a goal and inside a scale level', () => {
    const data = broken((raw) => {
      setAt(raw, ['goals', 2, 'colour'], 'blue');
      setAt(raw, ['scale', 'levels', 0, 'weight'], 2);
    });
    expect(pathsOf(problemsOfData(data)).sort()).toEqual(['goals[2].colour', 'scale.levels[0].weight']);
  });

  it('allows "$schema" at the top level (the editor\'s pointer to the JSON Schema)', () => {
    const data = broken((raw) => setAt(raw, ['$schema'], './instrument.schema.json'));
    expect(() => parseInstrument(data)).not.toThrow();
  });

  it.each(['extra', 'Goals', 'created', 'deletedAt'])('refuses the unknown top-level key %j, as strictly as an export file', (key) => {
    const problems = problemsOfData(broken((raw) => setAt(raw, [key], 'x')));
    expect(problems).toMatchObject([{ path: key, kind: 'field', reason: { kind: 'unknownField' } }]);
  });

  it('refuses a "$schema" that is not text', () => {
    expect(pathsOf(problemsOfData(broken((raw) => setAt(raw, ['$schema'], 1))))).toEqual(['$schema']);
  });

  it.each(['Goal-1', 'goal 1', 'goal_1', '-goal', 'mål-1', ''])('rejects the id %j', (badId) => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 1, 'id'], badId)));
    expect(problems).toMatchObject([{ path: 'goals[1].id', message: 'must be lowercase letters, digits and hyphens' }]);
  });

  it('rejects a bad item id with the item path', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 4, 'items', 3, 'id'], 'G5/Written')));
    expect(pathsOf(problems)).toEqual(['goals[4].items[3].id']);
  });

  it('rejects a bad instrument id', () => {
    expect(pathsOf(problemsOfData(broken((raw) => setAt(raw, ['id'], 'Familjecentral'))))).toEqual(['id']);
  });

  it.each(['1.0', 'v1.0.0', '1.0.0-beta', '1.0.0 ', '', '1..0'])('rejects the version string %j', (version) => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['version'], version)));
    expect(problems).toMatchObject([{ path: 'version', message: 'must be a version such as 1.0.0' }]);
  });

  it('rejects a version given as a number', () => {
    expect(pathsOf(problemsOfData(broken((raw) => setAt(raw, ['version'], 1))))).toEqual(['version']);
  });

  it('accepts multi-digit versions such as 10.20.300', () => {
    expect(parseInstrument(broken((raw) => setAt(raw, ['version'], '10.20.300'))).version).toBe('10.20.300');
  });

  it('reports every schema problem at once, not only the first', () => {
    const data = broken((raw) => {
      setAt(raw, ['version'], 'one');
      setAt(raw, ['goals', 0, 'items', 1, 'statement', 'sv'], '');
      setAt(raw, ['goals', 4, 'title', 'en'], '');
    });
    expect(pathsOf(problemsOfData(data))).toEqual([
      'version',
      'goals[0].items[1].statement.sv',
      'goals[4].title.en',
    ]);
  });

  it('lists the problems with their paths in the error message', () => {
    const data = broken((raw) => setAt(raw, ['goals', 0, 'items', 1, 'statement', 'sv'], ''));
    expect(() => parseInstrument(data)).toThrow('Invalid instrument: goals[0].items[1].statement.sv: must not be empty');
  });

  it('throws an InstrumentError that is an Error named InstrumentError', () => {
    try {
      parseInstrumentText('[');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('InstrumentError');
    }
  });

  it('rejects help text with an empty language', () => {
    const problems = problemsOfData(broken((raw) => setAt(raw, ['goals', 1, 'items', 1, 'help', 'sv'], '')));
    expect(pathsOf(problems)).toEqual(['goals[1].items[1].help.sv']);
  });
});

describe('parsing cleans what it accepts', () => {
  it('trims the texts of a statement', () => {
    const data = broken((raw) => setAt(raw, ['goals', 0, 'items', 0, 'statement', 'sv'], '  Vi är öppna för alla.  '));
    expect(parseInstrument(data).goals[0]?.items[0]?.statement.sv).toBe('Vi är öppna för alla.');
  });

  it('does not keep "$schema" in the result', () => {
    const data = broken((raw) => setAt(raw, ['$schema'], 'x'));
    expect(Object.keys(parseInstrument(data))).not.toContain('$schema');
  });
});

describe('instrument helpers', () => {
  it('localizes a text', () => {
    const text = { sv: 'Hej', en: 'Hello' };
    expect(localize(text, 'sv')).toBe('Hej');
    expect(localize(text, 'en')).toBe('Hello');
  });

  it('lists all items in instrument order', () => {
    expect(allItems(smallInstrument).map((i) => i.id)).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'b-3', 'c-1']);
  });

  it('has 35 items in 1.0.0 and 41 in 2.0.0, the default for new rounds', async () => {
    expect(allItems((await loadBuiltInInstrument('1.0.0')) as Instrument)).toHaveLength(35);
    expect(allItems(await loadDefaultInstrument())).toHaveLength(41);
  });

  it('finds a goal by id, or nothing', () => {
    expect(findGoal(smallInstrument, 'goal-b')?.number).toBe(2);
    expect(findGoal(smallInstrument, 'goal-z')).toBeUndefined();
  });

  it('finds the goal an item belongs to, or nothing', () => {
    expect(goalOfItem(smallInstrument, 'b-3')?.id).toBe('goal-b');
    expect(goalOfItem(smallInstrument, 'c-1')?.id).toBe('goal-c');
    expect(goalOfItem(smallInstrument, 'goal-a')).toBeUndefined();
  });
});

describe('checkInstrument: problems as data the UI words', () => {
  it('accepts the shipped instrument', () => {
    expect(checkInstrument(rawDefaultInstrument())).toMatchObject({ ok: true });
  });

  it('says what kind of problem each is, with a field reason where a field is wrong', () => {
    const raw = rawDefaultInstrument();
    setAt(raw, ['id'], 'Nätverket');
    setAt(raw, ['version'], 'ett');
    setAt(raw, ['goals', 0, 'items', 1, 'statement', 'sv'], '');
    setAt(raw, ['goals', 1, 'number'], 'två');
    const checked = checkInstrument(raw);
    expect(checked.ok ? [] : checked.problems.map(({ path, kind, reason }) => ({ path, kind, reason }))).toEqual([
      { path: 'id', kind: 'field', reason: { kind: 'format', format: 'id' } },
      { path: 'version', kind: 'field', reason: { kind: 'format', format: 'version' } },
      { path: 'goals[0].items[1].statement.sv', kind: 'field', reason: { kind: 'empty' } },
      { path: 'goals[1].number', kind: 'field', reason: { kind: 'type', expected: 'number', received: '"två"' } },
    ]);
  });

  it('names the rule across the file that is broken, with what is involved', () => {
    const raw = rawDefaultInstrument();
    setAt(raw, ['goals', 1, 'number'], 1);
    setAt(raw, ['goals', 2, 'items', 0, 'id'], 'g1-open-to-all');
    const checked = checkInstrument(raw);
    expect(checked.ok ? [] : checked.problems.map(({ path, kind, detail }) => ({ path, kind, detail }))).toEqual([
      { path: 'goals[1].number', kind: 'duplicateNumber', detail: '1' },
      { path: 'goals[2].items[0].id', kind: 'duplicateId', detail: 'g1-open-to-all' },
    ]);
  });

  it('reports text that is not JSON as one problem at the root, without throwing', () => {
    expect(checkInstrumentText('{ "id": ')).toMatchObject({ ok: false, problems: [{ path: '', kind: 'notJson' }] });
  });

  it('reads the file as bytes: UTF-8 (with or without a mark) and UTF-16 with a mark, refusing Latin-1', () => {
    const text = JSON.stringify(rawDefaultInstrument());
    const utf8 = new TextEncoder().encode(text);
    expect(checkInstrumentBytes(utf8)).toMatchObject({ ok: true });
    expect(checkInstrumentBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toMatchObject({ ok: true });
    const le = [0xff, 0xfe];
    for (let i = 0; i < text.length; i++) le.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
    expect(checkInstrumentBytes(new Uint8Array(le))).toMatchObject({ ok: true });
    // The default instrument is full of å, ä and ö: as Latin-1 they are single bytes that are not UTF-8.
    const latin1 = new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff));
    expect(checkInstrumentBytes(latin1)).toEqual({ ok: false, problems: [{ path: '', message: 'not UTF-8 or UTF-16 text', kind: 'notText' }] });
  });

  it('reports every problem (the UI shows the first 20 and how many more)', () => {
    const raw = rawDefaultInstrument();
    for (let g = 0; g < 5; g++) for (let i = 0; i < 7; i++) setAt(raw, ['goals', g, 'items', i, 'statement'], 1);
    for (let g = 0; g < 5; g++) for (let i = 0; i < 7; i++) setAt(raw, ['goals', g, 'items', i, 'id'], 'X');
    const checked = checkInstrument(raw);
    expect(checked.ok ? 0 : checked.problems.length).toBe(70);
  });
});
