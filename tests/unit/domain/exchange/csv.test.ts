import { describe, expect, it } from 'vitest';
import { answersCsv, decimal, formatDecimal, summaryCsv, toCsv, type CsvLabels } from '@/domain/exchange/csv';
import { exportFileName, type ExportFile } from '@/domain/exchange/format';
import { parseExportText } from '@/domain/exchange/schema';
import { parseInstrument } from '@/domain/instrument';
import type { Answer, AnswerValue, LocalItem } from '@/domain/types';
import { makeLocalItem, networkVersion } from '../../../fixtures/localItems';
import { translate } from '@/i18n';
import defaultInstrumentJson from '@/instrument/default-instrument.json';
import fixtureText from '../../../fixtures/exports/export-v1.json?raw';

/** CSV for Swedish Excel, and the names the exported files get. */

const instrument = parseInstrument(defaultInstrumentJson);

const labels: CsvLabels = {
  headers: {
    answers: ['Centre', 'Round', 'Period', 'Date', 'Goal', 'Goal title', 'No', 'Item id', 'Statement', 'Rating', 'Rating in words', 'Note'],
    summary: ['Centre', 'Round', 'Period', 'Date', 'Goal', 'Goal title', 'Mean', 'Rated', 'Applicable', 'Coverage', "Don't know", 'Not relevant', 'Unanswered', 'Goal skipped', 'Reflection'],
  },
  dontKnow: 'Vet inte',
  notRelevant: 'Inte aktuellt',
  yes: 'ja',
  no: 'nej',
  own: 'E',
};

function fixture(): ExportFile {
  const parsed = parseExportText(fixtureText, [instrument]);
  if (!parsed.ok) throw new Error('fixture');
  return parsed.file;
}

/** A small reader for what the CSV writer promises: `;` between fields, CRLF between rows, "" inside quotes. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 1;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"') {
      expect(field).toBe(''); // a quote only ever opens a field
      quoted = true;
    } else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      expect(char).not.toMatch(/[\r\n]/); // no bare line ends outside quotes
      field += char;
    }
    i += 1;
  }
  expect(quoted).toBe(false);
  expect(row).toEqual([]); // the file ends with CRLF
  expect(field).toBe('');
  return rows;
}

/** One round of the fixture, its answers replaced. */
function withAnswers(answers: { itemId: string; value: AnswerValue | null; note?: string }[]): ExportFile {
  const file = fixture();
  const round = file.rounds[1];
  if (!round) throw new Error('fixture');
  return {
    ...file,
    rounds: [round],
    answers: answers.map(({ itemId, value, note }, index): Answer => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      roundId: round.id,
      itemId,
      value,
      note: note ?? '',
      updatedAt: '2026-05-06T10:00:00.000Z',
    })),
    reflections: file.reflections.filter((reflection) => reflection.roundId === round.id),
  };
}

describe('toCsv', () => {
  it('starts with the UTF-8 BOM, separates with semicolons and ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('\uFEFFa;b\r\nc;d\r\n');
  });

  it('writes numbers with a decimal comma and two decimals, whole numbers as they are, null as empty', () => {
    expect(toCsv([[2.5, 3, null, 1 / 3, 0]])).toBe('\uFEFF2,50;3;;0,33;0\r\n');
    expect(formatDecimal(2.5)).toBe('2,50');
    expect(formatDecimal(2.456, 1)).toBe('2,5');
  });

  it.each([
    ['a;b', '"a;b"'],
    ['säger "hej"', '"säger ""hej"""'],
    ['rad 1\nrad 2', '"rad 1\nrad 2"'],
    ['rad 1\r\nrad 2', '"rad 1\r\nrad 2"'],
    ['"', '""""'],
    ['vanlig text, med komma', 'vanlig text, med komma'],
  ])('quotes %j as %j', (value, written) => {
    expect(toCsv([[value]])).toBe(`\uFEFF${written}\r\n`);
    expect(readCsv(toCsv([[value]]))).toEqual([[value]]);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+46 70 123 45 67', "'+46 70 123 45 67"],
    ['-1 sedan sist', "'-1 sedan sist"],
    ['@kommunen', "'@kommunen"],
    ['\tindrag', "'\tindrag"],
  ])('keeps %j a text, not a formula, with a leading apostrophe', (value, read) => {
    expect(readCsv(toCsv([[value]]))).toEqual([[read]]);
  });

  it('quotes a formula-like text that also holds a quote, after the apostrophe', () => {
    expect(toCsv([['=HYPERLINK("http://x";"klicka")']])).toBe('\uFEFF"\'=HYPERLINK(""http://x"";""klicka"")"\r\n');
  });

  it('leaves negative numbers numbers', () => {
    expect(toCsv([[-1, -0.5]])).toBe('\uFEFF-1;-0,50\r\n');
  });
});

describe('answersCsv', () => {
  it('has the header row from the labels and one row per answer', () => {
    const file = fixture();
    const rows = readCsv(answersCsv(file, [instrument], 'sv', labels));
    expect(rows[0]).toEqual(labels.headers.answers);
    expect(rows).toHaveLength(1 + file.answers.length);
    for (const row of rows) expect(row).toHaveLength(labels.headers.answers.length);
  });

  it('matches the real Swedish and English headers column for column', () => {
    for (const locale of ['sv', 'en'] as const) {
      const headers = {
        answers: translate(locale, 'exchange.csvHeaderAnswers').split(';'),
        summary: translate(locale, 'exchange.csvHeaderSummary').split(';'),
      };
      const real = { ...labels, headers };
      const answerRows = readCsv(answersCsv(fixture(), [instrument], locale, real));
      const summaryRows = readCsv(summaryCsv(fixture(), [instrument], locale, real));
      expect(answerRows[1]).toHaveLength(headers.answers.length);
      expect(summaryRows[1]).toHaveLength(headers.summary.length);
    }
  });

  it('writes where each answer belongs, the rating as a number and in words, and the note', () => {
    const file = withAnswers([
      { itemId: 'g1-information', value: 3, note: 'Broschyr; på "lätt svenska"\noch arabiska' },
      { itemId: 'g1-open-to-all', value: 'dont-know' },
      { itemId: 'g2-working-group', value: 'not-relevant', note: '=inte en formel' },
      { itemId: 'g1-described-offer', value: null, note: 'Ingen bedömning ännu' },
    ]);
    const round = file.rounds[0];
    const rows = readCsv(answersCsv(file, [instrument], 'sv', labels)).slice(1);
    const goal1 = instrument.goals[0];
    const goal2 = instrument.goals[1];
    if (!round || !goal1 || !goal2) throw new Error('fixture');
    const statement = (itemId: string) => instrument.goals.flatMap((goal) => goal.items).find((item) => item.id === itemId)?.statement.sv ?? '';
    const start = [file.centre.name, round.title, round.period, round.date];
    // In instrument order: goal by goal, item by item.
    expect(rows).toEqual([
      [...start, '1', goal1.title.sv, '1.1', 'g1-open-to-all', statement('g1-open-to-all'), '', 'Vet inte', ''],
      [...start, '1', goal1.title.sv, '1.2', 'g1-described-offer', statement('g1-described-offer'), '', '', 'Ingen bedömning ännu'],
      [...start, '1', goal1.title.sv, '1.3', 'g1-information', statement('g1-information'), '3', instrument.scale.levels[2]?.label.sv ?? '', 'Broschyr; på "lätt svenska"\noch arabiska'],
      [...start, '2', goal2.title.sv, '2.1', 'g2-working-group', statement('g2-working-group'), '', 'Inte aktuellt', "'=inte en formel"],
    ]);
  });

  it('writes English texts for the English locale', () => {
    const rows = readCsv(answersCsv(withAnswers([{ itemId: 'g1-open-to-all', value: 4 }]), [instrument], 'en', labels));
    expect(rows[1]?.[5]).toBe(instrument.goals[0]?.title.en);
    expect(rows[1]?.[10]).toBe(instrument.scale.levels[3]?.label.en);
  });

  it('orders rounds by date', () => {
    const rows = readCsv(answersCsv(fixture(), [instrument], 'sv', labels)).slice(1);
    const dates = rows.map((row) => row[3] ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates)).toEqual(new Set(['2025-10-08', '2026-05-06']));
  });
});

describe('summaryCsv', () => {
  it('has one row per goal and round, after the header row', () => {
    const file = fixture();
    const rows = readCsv(summaryCsv(file, [instrument], 'sv', labels));
    expect(rows[0]).toEqual(labels.headers.summary);
    expect(rows).toHaveLength(1 + file.rounds.length * instrument.goals.length);
    expect(rows.slice(1).map((row) => `${row[3] ?? ''} ${row[4] ?? ''}`)).toEqual(
      ['2025-10-08', '2026-05-06'].flatMap((date) => instrument.goals.map((goal) => `${date} ${String(goal.number)}`)),
    );
  });

  it('writes the mean with a decimal comma, coverage in per cent and the counts behind it', () => {
    const file = withAnswers([
      { itemId: 'g1-open-to-all', value: 2 },
      { itemId: 'g1-described-offer', value: 3 },
      { itemId: 'g1-information', value: 'dont-know' },
      { itemId: 'g1-parenting-groups', value: 'not-relevant' },
      { itemId: 'g1-advice-talks', value: null },
    ]);
    const goal1 = readCsv(summaryCsv(file, [instrument], 'sv', labels))[1];
    const items = instrument.goals[0]?.items.length ?? 0;
    // mean 2,50; rated 2; applicable = items − 1 not relevant; coverage 2 / applicable.
    expect(goal1?.slice(6)).toEqual([
      '2,50',
      '2',
      String(items - 1),
      String(Math.round((2 / (items - 1)) * 100)),
      '1',
      '1',
      String(items - 4),
      'nej',
      file.reflections.find((reflection) => reflection.goalId === 'goal-1')?.note ?? '',
    ]);
  });

  it('marks a goal not relevant this round with yes, and leaves its mean empty', () => {
    const file = fixture();
    const autumn = file.rounds[0];
    if (!autumn) throw new Error('fixture');
    const rows = readCsv(summaryCsv(file, [instrument], 'sv', labels)).slice(1);
    const goal4 = rows.find((row) => row[3] === autumn.date && row[4] === '4');
    expect(goal4?.[13]).toBe('ja');
    expect(goal4?.[6]).toBe('');
    expect(goal4?.[14]).toBe('Inte aktuellt denna termin: brukarrådet startar först i vår.');
    expect(rows.filter((row) => row[13] === 'ja')).toHaveLength(1);
    expect(rows.filter((row) => row[13] === 'nej')).toHaveLength(rows.length - 1);
  });

  it('leaves the mean and coverage of a goal without ratings empty', () => {
    const rows = readCsv(summaryCsv(withAnswers([{ itemId: 'g5-follow-up', value: 'dont-know' }]), [instrument], 'sv', labels)).slice(1);
    const goal5 = rows.find((row) => row[4] === '5');
    expect(goal5?.[6]).toBe('');
    expect(goal5?.[7]).toBe('0');
    expect(goal5?.[9]).toBe('0');
  });
});

describe('own items and instrument versions in the CSV', () => {
  function withOwnItem(): { file: ExportFile; own: LocalItem; retired: LocalItem } {
    const base = withAnswers([
      { itemId: 'g2-working-group', value: 2 },
      { itemId: 'g2-written-agreement', value: 4 },
    ]);
    const round = base.rounds[0];
    if (!round) throw new Error('fixture');
    const own = makeLocalItem(base.centre.id, 'goal-2', { text: 'Vi har ett gemensamt väntrum' });
    const retired = makeLocalItem(base.centre.id, 'goal-2', { text: 'Gammalt eget', retired: true });
    const answer = (id: string, itemId: string, value: AnswerValue): Answer => ({ id, roundId: round.id, itemId, value, note: '', updatedAt: '2026-05-06T10:00:00.000Z' });
    return {
      file: {
        ...base,
        localItems: [own, retired],
        answers: [...base.answers, answer('20000000-0000-4000-8000-000000000001', own.id, 1), answer('20000000-0000-4000-8000-000000000002', retired.id, 'dont-know')],
      },
      own,
      retired,
    };
  }

  it('writes own items after the goal\'s common items, marked in the number, with their text', () => {
    const { file, own, retired } = withOwnItem();
    const rows = readCsv(answersCsv(file, [instrument], 'sv', labels)).slice(1);
    expect(rows.map((row) => [row[6], row[7], row[8], row[9]])).toEqual([
      ['2.1', 'g2-working-group', expect.any(String), '2'],
      ['2.7', 'g2-written-agreement', expect.any(String), '4'],
      ['2.E1', own.id, 'Vi har ett gemensamt väntrum', '1'],
      ['2.E2', retired.id, 'Gammalt eget', ''],
    ]);
  });

  it('gives own items a summary row of their own, beside the goal\'s common score which they do not change', () => {
    const { file } = withOwnItem();
    const rows = readCsv(summaryCsv(file, [instrument], 'sv', labels)).slice(1);
    const common = rows.find((row) => row[4] === '2');
    const own = rows.find((row) => row[4] === '2 E');
    expect(common?.[6]).toBe('3,00');
    expect(common?.[7]).toBe('2');
    expect(own?.slice(6, 13)).toEqual(['1,00', '1', '2', '50', '1', '0', '0']);
    expect(rows.filter((row) => row[4]?.endsWith(' E'))).toHaveLength(1);
  });

  it('reads each round with the instrument version it was answered with, whether the device or the file holds it', () => {
    const network = networkVersion(instrument);
    const base = withAnswers([{ itemId: 'network-extra', value: 3 }]);
    const round = base.rounds[0];
    if (!round) throw new Error('fixture');
    const file: ExportFile = { ...base, rounds: [{ ...round, instrumentVersion: network.version }] };
    expect(readCsv(answersCsv(file, [instrument], 'sv', labels))).toHaveLength(1);
    const fromDevice = readCsv(answersCsv(file, [instrument, network], 'sv', labels)).slice(1);
    const fromFile = readCsv(answersCsv({ ...file, instrumentDefinitions: [network] }, [instrument], 'sv', labels)).slice(1);
    expect(fromDevice).toEqual(fromFile);
    expect(fromDevice[0]?.slice(6, 10)).toEqual([`2.${String(network.goals[1]?.items.length ?? 0)}`, 'network-extra', 'Nätverkets eget påstående', '3']);
  });
});

describe('exportFileName', () => {
  const base = fixture();
  const named = (name: string, rounds = base.rounds, exportedAt = '2026-05-15T12:00:00.000Z') => ({ centre: { ...base.centre, name }, rounds, exportedAt });
  const spring = base.rounds.filter((round) => round.period === 'VT 2026');

  it('names the centre, the period and the date', () => {
    expect(exportFileName(named('Familjecentralen Fittja', spring))).toBe('Familjecentralen Fittja – VT 2026 – 2026-05-15.json');
  });

  it('spans the periods of several rounds, first to last', () => {
    expect(exportFileName(named('Familjecentralen Fittja'))).toBe('Familjecentralen Fittja – HT 2025–VT 2026 – 2026-05-15.json');
  });

  it('leaves the period out when there are no rounds, and names a nameless centre', () => {
    expect(exportFileName(named('Alby', []))).toBe('Alby – 2026-05-15.json');
    expect(exportFileName(named('', []))).toBe('familjecentral – 2026-05-15.json');
  });

  it('takes another extension and a suffix for CSV', () => {
    expect(exportFileName(named('Fittja', spring), 'csv', 'svar')).toBe('Fittja – VT 2026 – 2026-05-15 – svar.csv');
  });

  it('strips the characters that are illegal in file names on some system', () => {
    const round = spring[0];
    if (!round) throw new Error('fixture');
    const name = exportFileName(named('Fam/ilje\\cen:tra*len? "Fitt<ja>" | Tumba\u0007', [{ ...round, period: 'VT/HT 2026' }]));
    expect(name).toBe('Familjecentralen Fittja Tumba – VTHT 2026 – 2026-05-15.json');
    expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
  });

  it('collapses whitespace and trims', () => {
    expect(exportFileName(named('  Familjecentralen \t  Fittja  ', spring))).toBe('Familjecentralen Fittja – VT 2026 – 2026-05-15.json');
  });

  it('caps the length', () => {
    const name = exportFileName(named(`Familjecentralen ${'Å'.repeat(400)}`, spring), 'csv', 'sammanfattning');
    expect(name.length).toBeLessThanOrEqual(150 + '.csv'.length);
    expect(name.endsWith('.csv')).toBe(true);
    expect(name.startsWith('Familjecentralen ÅÅÅ')).toBe(true);
  });

  it('does not cut an emoji in half when it caps the length', () => {
    const name = exportFileName(named(`${'a'.repeat(149)}😀 Fittja`, spring));
    // A lone surrogate is not a character: the browser would write U+FFFD in the file name.
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});


describe('one way to write numbers in CSV', () => {
  it('writes a mean or a change with two decimals whatever its value, a count as it is', () => {
    const csv = toCsv([[decimal(3), decimal(3.75), decimal(-0.25), decimal(null), 12, 81]]);
    expect(csv).toBe('\uFEFF3,00;3,75;-0,25;;12;81\r\n');
  });

  it('never guards a negative number as if it were a formula (text starting with "-" is)', () => {
    expect(toCsv([[decimal(-1), -2, '-x']])).toBe("\uFEFF-1,00;-2;'-x\r\n");
  });
});
