import { normalizePeriod, termStart } from '@/domain/period';
import { describe, expect, it } from 'vitest';
import {
  centreBarData,
  centreRadarData,
  centreRows,
  centreTableCsv,
  centreTimelines,
  centreTrendData,
  changeSincePrevious,
  listPeriods,
  newestPeriod,
  scoreCentre,
  scoreCentres,
  sortCentreRows,
  withCompareOptions,
  type CentreCsvLabels,
  type CentreRow,
  type CentreSort,
  type CentreSource,
} from '@/domain/exchange/centres';
import { centreStyles } from '@/domain/centreStyles';
import { DEFAULT_PATH_RULES, type PathRules } from '@/domain/pathRules';
import type { AnswerValue, Instrument } from '@/domain/types';
import { loadDefaultInstrument } from '@/instrument';
import { centreFile } from '../../../fixtures/centreFiles';
import { stageInstrument } from '../../../fixtures/scores';

/**
 * The test instrument with a path block of its own: our default rules, each statement rule naming
 * all four statements of its goal (the default names statements of the built-in instrument).
 */
const TEST_RULES: PathRules = {
  ...DEFAULT_PATH_RULES,
  rulesVersion: 'test-1',
  steps: DEFAULT_PATH_RULES.steps.map((step) => ({
    ...step,
    evidence: step.evidence.map((rule) => (rule.kind === 'statements' ? { ...rule, items: [1, 2, 3, 4].map((n) => `g${rule.goalId.slice(-1)}-${String(n)}`) } : rule)),
  })),
};
const instrument: Instrument = { ...stageInstrument, path: TEST_RULES };

/**
 * Four centres, hand-scored (stageInstrument: goal-1 … goal-4, four items each):
 * - Alby (co-located, all four services): HT 2025 all 2 (overall 2); VT 2026 twice – an early round of
 *   all 1 that must be ignored, and the newest: goal-1 3, goal-2 3,75, goal-3 3,5, goal-4 2 (one rating
 *   of four) → overall 3,0625, 13 of 16 rated, stage 4.
 * - Östberga (open preschool and social services only, separate): "Våren 2025" (an unknown format,
 *   dated 2025-03-01) all 1 on goal 1 (overall 1); VT 2026 goal-1 4, goal-2 not relevant → overall 4, 4 of 12 applicable rated.
 * - Fittja (near): HT 2025 only, goal-1 3.
 * - Ängby: VT 2026 goal-1 2, 3, 2, 3 → 2,5.
 */
const alby = centreFile(instrument, {
  name: 'Alby',
  rounds: [
    { title: 'Hösten', date: '2025-10-10', period: 'HT 2025', ratings: { 'goal-1': [2, 2, 2, 2], 'goal-2': [2, 2, 2, 2], 'goal-3': [2, 2, 2, 2], 'goal-4': [2, 2, 2, 2] } },
    { title: 'Våren', date: '2026-04-15', period: 'VT 2026', ratings: { 'goal-1': [3, 3, 3, 3], 'goal-2': [4, 4, 4, 3], 'goal-3': [3, 3, 4, 4], 'goal-4': [2, 'dont-know', null, null] } },
    { title: 'Tidig vår', date: '2026-02-01', period: 'vt2026', ratings: { 'goal-1': [1, 1, 1, 1] } },
  ],
});
const ostberga = centreFile(instrument, {
  name: 'Östberga',
  services: ['openPreschool', 'socialServices'],
  coLocation: 'separate',
  rounds: [
    { date: '2026-03-20', period: 'VT 2026', ratings: { 'goal-1': [4, 4, 4, 4], 'goal-2': [1, 1, 1, 1] }, skipped: ['goal-2'] },
    { date: '2025-03-01', period: 'Våren 2025', ratings: { 'goal-1': [1, 1, 1, 1] } },
  ],
});
const fittja = centreFile(instrument, {
  name: 'Fittja',
  coLocation: 'near',
  rounds: [{ date: '2025-11-01', period: 'HT 2025', ratings: { 'goal-1': [3, 3, 3, 3] } }],
});
const angby = centreFile(instrument, { name: 'Ängby', rounds: [{ date: '2026-05-02', period: 'VT 2026', ratings: { 'goal-1': [2, 3, 2, 3] } }] });

const sources: CentreSource[] = [
  { file: ostberga, fileName: 'ostberga.json', importedAt: '2026-05-21T08:00:00.000Z' },
  { file: alby, fileName: 'alby.json', importedAt: '2026-05-21T08:00:00.000Z' },
  { file: angby, fileName: 'angby.json' },
  { file: fittja, fileName: 'fittja.json' },
];
const centres = scoreCentres(sources, [instrument]);
const periods = listPeriods(centres);

function rowFor(rows: readonly CentreRow[], name: string): CentreRow {
  const row = rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

const names = (rows: readonly CentreRow[]) => rows.map((row) => row.name);
const goalOf = (row: CentreRow, goalId: string) => row.round?.scores.goals.find((g) => g.goalId === goalId);

describe('periods', () => {
  it('normalises VT/HT periods and leaves other texts as they are (trimmed)', () => {
    expect(normalizePeriod('vt2026')).toBe('VT 2026');
    expect(normalizePeriod('  HT   2025 ')).toBe('HT 2025');
    expect(normalizePeriod(' Våren  2025 ')).toBe('Våren 2025');
    expect(normalizePeriod('')).toBe('');
  });

  it('gives a term its first day as sort key: VT in January, HT in July', () => {
    expect(termStart('VT 2026')).toBe('2026-01-01');
    expect(termStart('HT 2026')).toBe('2026-07-01');
    expect(termStart('Våren 2026')).toBeUndefined();
  });

  it('lists every period across the files chronologically, unknown formats by their round date', () => {
    expect(periods).toEqual([
      { period: 'Våren 2025', centres: 1 },
      { period: 'HT 2025', centres: 2 },
      { period: 'VT 2026', centres: 3 },
    ]);
    expect(newestPeriod(periods)).toBe('VT 2026');
    expect(newestPeriod([])).toBeUndefined();
  });

  it('puts VT before HT of the same year whatever order the files have', () => {
    const file = centreFile(instrument, {
      name: 'X',
      rounds: [
        { date: '2026-09-01', period: 'HT 2026' },
        { date: '2026-03-01', period: 'VT 2026' },
        { date: '2025-09-01', period: 'HT 2025' },
      ],
    });
    expect(listPeriods(scoreCentres([{ file }], [instrument])).map((p) => p.period)).toEqual(['HT 2025', 'VT 2026', 'HT 2026']);
  });
});

describe('scoring the centres', () => {
  it('orders centres by name with Swedish collation (Å, Ä, Ö after Z)', () => {
    expect(centres.map((c) => c.centre.name)).toEqual(['Alby', 'Fittja', 'Ängby', 'Östberga']);
  });

  it('keeps each file’s provenance', () => {
    const centre = centres.find((c) => c.centre.name === 'Alby');
    expect(centre?.provenance).toEqual({ fileName: 'alby.json', exportedAt: alby.exportedAt, appVersion: '0.1.0', importedAt: '2026-05-21T08:00:00.000Z' });
    expect(centres.find((c) => c.centre.name === 'Fittja')?.provenance.importedAt).toBe('');
  });

  it('compares the newest round when a centre has several in a period, and counts them', () => {
    const centre = scoreCentre({ file: alby }, [instrument]);
    expect(centre.byPeriod.get('VT 2026')?.title).toBe('Våren');
    expect(centre.roundsPerPeriod.get('VT 2026')).toBe(2);
    expect(centre.rounds.map((r) => r.date)).toEqual(['2025-10-10', '2026-02-01', '2026-04-15']);
  });
});

describe('rows for a period', () => {
  const rows = centreRows(centres, 'VT 2026', periods);

  it('has every centre, by name, with its round of the period or none', () => {
    expect(names(rows)).toEqual(['Alby', 'Fittja', 'Ängby', 'Östberga']);
    expect(rowFor(rows, 'Fittja').round).toBeNull();
    expect(rowFor(rows, 'Fittja').roundsInPeriod).toBe(0);
    expect(rowFor(rows, 'Alby').roundsInPeriod).toBe(2);
  });

  it('scores the goals as the app does: means, coverage, skipped goals without score', () => {
    const albyRow = rowFor(rows, 'Alby');
    expect(goalOf(albyRow, 'goal-1')?.mean).toBe(3);
    expect(goalOf(albyRow, 'goal-2')?.mean).toBe(3.75);
    expect(goalOf(albyRow, 'goal-3')?.mean).toBe(3.5);
    expect(goalOf(albyRow, 'goal-4')?.mean).toBe(2);
    expect(albyRow.round?.scores.overall).toBeCloseTo(3.0625, 10);
    expect(albyRow.round?.scores.rated).toBe(13);
    expect(albyRow.round?.scores.applicable).toBe(16);
    const ostbergaRow = rowFor(rows, 'Östberga');
    expect(goalOf(ostbergaRow, 'goal-2')?.skipped).toBe(true);
    expect(goalOf(ostbergaRow, 'goal-2')?.mean).toBeNull();
    expect(ostbergaRow.round?.scores.overall).toBe(4);
  });

  it('reads seed 002’s four steps from the profile in the file and the round’s scores, with the round’s own rules', () => {
    const statuses = (name: string) => rowFor(rows, name).round?.profile.steps.map((step) => step.status);
    // Co-located, all four services, goals 1–3 at 3 or more, goal 4 at 2: steps 1–3 taken, 4 on the way.
    expect(statuses('Alby')).toEqual(['taken', 'taken', 'taken', 'onTheWay']);
    expect(rowFor(rows, 'Alby').round?.profile.rulesVersion).toBe('test-1');
    // Open preschool and social services only, apart, goal 2 not relevant: step 1 holds as far as it can
    // be read (not assessed, never "not yet"), step 2 lacks BVC and BMM.
    expect(statuses('Östberga')).toEqual(['notAssessed', 'notYet', 'notYet', 'onTheWay']);
    expect(statuses('Ängby')).toEqual(['onTheWay', 'notAssessed', 'notAssessed', 'notAssessed']);
  });

  it('finds the previous round in the nearest earlier period the centre has one in', () => {
    expect(rowFor(rows, 'Alby').previous?.period).toBe('HT 2025');
    // Östberga has nothing in HT 2025: its previous is "Våren 2025".
    expect(rowFor(rows, 'Östberga').previous?.period).toBe('Våren 2025');
    expect(rowFor(rows, 'Ängby').previous).toBeNull();
    expect(rowFor(centreRows(centres, 'Våren 2025', periods), 'Östberga').previous).toBeNull();
  });

  it('computes the change since the previous period, overall or for one goal', () => {
    expect(changeSincePrevious(rowFor(rows, 'Alby'))).toBeCloseTo(1.0625, 10);
    expect(changeSincePrevious(rowFor(rows, 'Alby'), { kind: 'goal', goalId: 'goal-1' })).toBe(1);
    expect(changeSincePrevious(rowFor(rows, 'Östberga'))).toBe(3);
    expect(changeSincePrevious(rowFor(rows, 'Ängby'))).toBeNull();
    expect(changeSincePrevious(rowFor(rows, 'Fittja'))).toBeNull();
    // Goal 2 was skipped at Östberga this time: no change, not a fall.
    expect(changeSincePrevious(rowFor(rows, 'Östberga'), { kind: 'goal', goalId: 'goal-2' })).toBeNull();
  });

  it('gives an unknown period rows without rounds', () => {
    expect(centreRows(centres, 'HT 2030', periods).every((row) => row.round === null && row.previous === null)).toBe(true);
  });
});

describe('sorting', () => {
  const rows = centreRows(centres, 'VT 2026', periods);
  const byGoal1 = (direction: 'asc' | 'desc'): CentreSort => ({ by: 'score', measure: { kind: 'goal', goalId: 'goal-1' }, direction });

  it('sorts by name by default, with Swedish collation', () => {
    const shuffled = [...rows].reverse();
    expect(names(sortCentreRows(shuffled))).toEqual(['Alby', 'Fittja', 'Ängby', 'Östberga']);
    expect(names(sortCentreRows(shuffled, { by: 'name' }))).toEqual(['Alby', 'Fittja', 'Ängby', 'Östberga']);
  });

  it('sorts by a goal’s score, highest or lowest first, centres without that score last either way', () => {
    expect(names(sortCentreRows(rows, byGoal1('desc')))).toEqual(['Östberga', 'Alby', 'Ängby', 'Fittja']);
    expect(names(sortCentreRows(rows, byGoal1('asc')))).toEqual(['Ängby', 'Alby', 'Östberga', 'Fittja']);
  });

  it('sorts by the overall mean', () => {
    expect(names(sortCentreRows(rows, { by: 'score', measure: { kind: 'overall' }, direction: 'desc' }))).toEqual(['Östberga', 'Alby', 'Ängby', 'Fittja']);
  });

  it('puts a skipped goal (no score) last, and breaks ties by name', () => {
    const byGoal2 = sortCentreRows(rows, { by: 'score', measure: { kind: 'goal', goalId: 'goal-2' }, direction: 'asc' });
    // Only Alby has a goal-2 score; the rest follow by name.
    expect(names(byGoal2)).toEqual(['Alby', 'Fittja', 'Ängby', 'Östberga']);
  });

  it('does not change the rows it is given', () => {
    const copy = [...rows];
    sortCentreRows(rows, byGoal1('desc'));
    expect(rows).toEqual(copy);
  });
});

const styles = centreStyles(centres.map((centre) => centre.centreId));

describe('over time', () => {
  it('gives each centre its measure per period, oldest first, with the change between the two newest', () => {
    const timelines = centreTimelines(centres, periods, { kind: 'goal', goalId: 'goal-1' });
    const values = Object.fromEntries(timelines.map((timeline) => [timeline.name, timeline.series.values]));
    expect(values).toEqual({ Alby: [null, 2, 3], Fittja: [null, 3, null], Ängby: [null, null, 2.5], Östberga: [1, null, 4] });
    expect(timelines.find((t) => t.name === 'Alby')?.series.change).toBe(1);
    expect(timelines.find((t) => t.name === 'Östberga')?.series.change).toBeNull();
    expect(timelines.find((t) => t.name === 'Östberga')?.series.changeFromFirst).toBe(3);
  });

  it('gives the trend chart one line per centre over the periods', () => {
    const timelines = centreTimelines(centres, periods, { kind: 'overall' });
    const data = centreTrendData(timelines, ['Våren 2025', 'HT 2025', 'VT 2026'], styles);
    expect(data.labels).toEqual(['Våren 2025', 'HT 2025', 'VT 2026']);
    expect(data.datasets.map((d) => d.label)).toEqual(['Alby', 'Fittja', 'Ängby', 'Östberga']);
    expect(data.datasets[0]?.data).toEqual([null, 2, 3.0625]);
    expect(data.datasets[0]?.spanGaps).toBe(true);
    expect(data.datasets[1]?.pointStyle).toBe(styles.get(timelines[1]?.centreId ?? '')?.pointStyle);
  });
});

describe('chart data', () => {
  const rows = centreRows(centres, 'VT 2026', periods).filter((row) => row.round !== null);
  const goalLabels = ['Mål 1', 'Mål 2', 'Mål 3', 'Mål 4'];

  it('draws goals on the x axis and one bar per centre', () => {
    const data = centreBarData(rows, instrument, goalLabels, styles);
    expect(data.labels).toEqual(goalLabels);
    expect(data.datasets.map((d) => d.label)).toEqual(['Alby', 'Ängby', 'Östberga']);
    expect(data.datasets[0]?.data).toEqual([3, 3.75, 3.5, 2]);
    expect(data.datasets[2]?.data).toEqual([4, null, null, null]);
    // Each centre's own colour and marker, not its place in the chart.
    expect(data.datasets.map((d) => d.backgroundColor)).toEqual(rows.map((row) => styles.get(row.centreId)?.color));
    expect(data.datasets.map((d) => d.pointStyle)).toEqual(rows.map((row) => styles.get(row.centreId)?.pointStyle));
  });

  it('draws one radar polygon per centre', () => {
    const data = centreRadarData(rows, instrument, goalLabels, styles);
    expect(data.labels).toEqual(goalLabels);
    expect(data.datasets.map((d) => d.label)).toEqual(['Alby', 'Ängby', 'Östberga']);
    expect(data.datasets[1]?.data).toEqual([2.5, null, null, null]);
    expect(data.datasets[0]?.backgroundColor).toBe(styles.get(rows[0]?.centreId ?? '')?.fill);
  });

  it('keeps a centre in the same colour and marker when other centres are left out of a chart', () => {
    const all = centreBarData(rows, instrument, goalLabels, styles);
    const last = rows.slice(-1);
    const alone = centreRadarData(last, instrument, goalLabels, styles);
    expect(alone.datasets[0]?.borderColor).toBe(all.datasets[rows.length - 1]?.backgroundColor);
    expect(alone.datasets[0]?.pointStyle).toBe(all.datasets[rows.length - 1]?.pointStyle);
  });
});

describe('the table as CSV', () => {
  const labels: CentreCsvLabels = {
    centre: 'Familjecentral',
    municipality: 'Kommun',
    district: 'Område',
    period: 'Period',
    round: 'Omgång',
    date: 'Datum',
    goals: ['Mål 1', 'Mål 2', 'Mål 3', 'Mål 4'],
    overall: 'Alla mål',
    change: 'Förändring',
    rated: 'Bedömda',
    applicable: 'Tillämpliga',
    coverage: 'Täckning (%)',
    steps: ['Steg 1', 'Steg 2', 'Steg 3', 'Steg 4'],
    stepStatus: { taken: 'taget', onTheWay: 'på väg', notYet: 'inte än', notAssessed: 'inte bedömt' },
    fileName: 'Fil',
    exportedAt: 'Exporterad',
    appVersion: 'Appversion',
    inProgress: 'pågår',
  };
  const rows = centreRows(centres, 'VT 2026', periods);
  const csv = centreTableCsv(sortCentreRows(rows, { by: 'score', measure: { kind: 'goal', goalId: 'goal-1' }, direction: 'desc' }), 'VT 2026', instrument, labels);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('is UTF-8 with a byte-order mark, semicolons and CRLF, one row per centre in the order shown', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Familjecentral;Kommun;Område;Period;Omgång;Datum;Mål 1;Mål 2;Mål 3;Mål 4;Alla mål;Förändring;Bedömda;Tillämpliga;Täckning (%);Steg 1;Steg 2;Steg 3;Steg 4;Fil;Exporterad;Appversion',
    );
    expect(lines.slice(1, -1).map((line) => line.split(';')[0])).toEqual(['Östberga', 'Alby', 'Ängby', 'Fittja']);
    expect(lines[lines.length - 1]).toBe('');
  });

  it('writes means and changes with two decimals and a decimal comma (3,00 beside 3,75, as the summary CSV does), coverage in per cent and each step’s status in words', () => {
    expect(lines[2]).toBe(`Alby;Botkyrka;;VT 2026;Våren;2026-04-15;3,00;3,75;3,50;2,00;3,06;1,06;13;16;81;taget;taget;taget;på väg;alby.json;${alby.exportedAt};0.1.0`);
    expect(lines[1]).toBe(`Östberga;Botkyrka;;VT 2026;Omgång VT 2026;2026-03-20;4,00;;;;4,00;3,00;4;12;33;inte bedömt;inte än;inte än;på väg;ostberga.json;${ostberga.exportedAt};0.1.0`);
  });

  it('leaves the cells of a centre without a round in the period empty', () => {
    expect(lines[4]).toBe(`Fittja;Botkyrka;;VT 2026;;;;;;;;;;;;;;;;fittja.json;${fittja.exportedAt};0.1.0`);
  });
});

describe('50 centres × 10 rounds', () => {
  it('are scored, listed, sorted and written as CSV quickly', async () => {
    const full = await loadDefaultInstrument();
    const terms = ['VT', 'HT'] as const;
    const values: AnswerValue[] = [1, 2, 3, 4, 'dont-know'];
    const files: CentreSource[] = Array.from({ length: 50 }, (_unused, c) => ({
      fileName: `centre-${String(c)}.json`,
      file: centreFile(full, {
        name: `Familjecentral ${String(c)}`,
        rounds: Array.from({ length: 10 }, (_r, r) => {
          const year = 2022 + Math.floor(r / 2);
          const term = terms[r % 2] ?? 'VT';
          return {
            date: `${String(year)}-${term === 'VT' ? '04' : '10'}-15`,
            period: `${term} ${String(year)}`,
            ratings: Object.fromEntries(full.goals.map((goal, g) => [goal.id, goal.items.map((_item, i) => values[(c + r + g + i) % values.length] ?? 1)])),
          };
        }),
      }),
    }));
    const started = performance.now();
    const scored = scoreCentres(files, [full]);
    const all = listPeriods(scored);
    const chosen = newestPeriod(all) ?? '';
    const rows = sortCentreRows(centreRows(scored, chosen, all), { by: 'score', measure: { kind: 'overall' }, direction: 'desc' });
    centreTimelines(scored, all, { kind: 'overall' });
    const csv = centreTableCsv(rows, chosen, full, { ...labelsFor(full.goals.length) });
    const elapsed = performance.now() - started;
    expect(all).toHaveLength(10);
    expect(all[0]?.period).toBe('VT 2022');
    expect(chosen).toBe('HT 2026');
    expect(rows).toHaveLength(50);
    expect(rows.every((row) => row.round !== null && row.previous?.period === 'VT 2026')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(52);
    expect(elapsed).toBeLessThan(1000);
    // Picking another period or sort only reads the scored data.
    const again = performance.now();
    for (const option of all) sortCentreRows(centreRows(scored, option.period, all), { by: 'name' });
    expect(performance.now() - again).toBeLessThan(100);
  });
});

function labelsFor(goals: number): CentreCsvLabels {
  return {
    centre: 'c',
    municipality: 'm',
    district: 'd',
    period: 'p',
    round: 'r',
    date: 'd',
    goals: Array.from({ length: goals }, (_u, i) => `g${String(i + 1)}`),
    overall: 'o',
    change: 'ch',
    rated: 'ra',
    applicable: 'ap',
    coverage: 'co',
    steps: ['s1', 's2', 's3', 's4'],
    stepStatus: { taken: 't', onTheWay: 'o', notYet: 'n', notAssessed: 'a' },
    fileName: 'f',
    exportedAt: 'e',
    appVersion: 'v',
    inProgress: 'pågår',
  };
}

describe('rounds in progress', () => {
  const files = [
    centreFile(instrument, {
      name: 'Alby',
      rounds: [
        { title: 'Hösten', date: '2025-10-10', period: 'HT 2025', ratings: { 'goal-1': [2, 2, 2, 2] } },
        { title: 'Våren', date: '2026-03-01', period: 'VT 2026', ratings: { 'goal-1': [3, 3, 3, 3] } },
        { title: 'Vårens andra', date: '2026-05-01', period: 'VT 2026', ratings: { 'goal-1': [1, 1, 1, 1] }, inProgress: true },
      ],
    }),
    centreFile(instrument, {
      name: 'Fittja',
      rounds: [{ title: 'Pågående', date: '2026-04-01', period: 'VT 2026', ratings: { 'goal-1': [4, 4, 4, 4] }, inProgress: true }],
    }),
  ];
  const sources: CentreSource[] = files.map((file) => ({ file }));

  it('leaves them out of the comparison by default and names them as in progress', () => {
    const scored = scoreCentres(sources, [instrument]);
    const periods = listPeriods(scored);
    // The period with only a round in progress is still listed, counting no centre for Fittja.
    expect(periods).toEqual([{ period: 'HT 2025', centres: 1 }, { period: 'VT 2026', centres: 1 }]);
    const [alby, fittja] = centreRows(scored, 'VT 2026', periods);
    expect(alby?.round?.title).toBe('Våren');
    expect(alby?.round?.inProgress).toBe(false);
    expect(alby?.pending?.title).toBe('Vårens andra');
    expect(fittja?.round).toBeNull();
    expect(fittja?.pending?.title).toBe('Pågående');
    expect(fittja?.pending?.inProgress).toBe(true);
    // Nor do they count over time.
    const timelines = centreTimelines(scored, periods, { kind: 'goal', goalId: 'goal-1' });
    expect(timelines.map((timeline) => timeline.series.values)).toEqual([[2, 3], [null, null]]);
  });

  it('compares them, marked, when the coordinator chooses so', () => {
    const scored = scoreCentres(sources, [instrument]).map((centre) => withCompareOptions(centre, { includeInProgress: true }));
    const periods = listPeriods(scored);
    expect(periods).toEqual([{ period: 'HT 2025', centres: 1 }, { period: 'VT 2026', centres: 2 }]);
    const [alby, fittja] = centreRows(scored, 'VT 2026', periods);
    expect(alby?.round?.title).toBe('Vårens andra');
    expect(alby?.round?.inProgress).toBe(true);
    expect(alby?.roundsInPeriod).toBe(2);
    expect(alby?.pending).toBeNull();
    expect(fittja?.round?.scores.overall).toBe(4);
    expect(scoreCentres(sources, [instrument], { includeInProgress: true }).map((centre) => centre.byPeriod.get('VT 2026')?.title)).toEqual([
      'Vårens andra',
      'Pågående',
    ]);
  });

  it('writes them in the CSV only when chosen, and then with "pågår" after the round', () => {
    const cells = (included: boolean) => {
      const scored = scoreCentres(sources, [instrument], { includeInProgress: included });
      const periods = listPeriods(scored);
      const csv = centreTableCsv(centreRows(scored, 'VT 2026', periods), 'VT 2026', instrument, labelsFor(4));
      return csv.replace(/^\uFEFF/, '').split('\r\n').slice(1, -1).map((line) => line.split(';').slice(0, 6).join(';'));
    };
    expect(cells(false)).toEqual(['Alby;Botkyrka;;VT 2026;Våren;2026-03-01', 'Fittja;Botkyrka;;VT 2026;;']);
    expect(cells(true)).toEqual(['Alby;Botkyrka;;VT 2026;Vårens andra (pågår);2026-05-01', 'Fittja;Botkyrka;;VT 2026;Pågående (pågår);2026-04-01']);
  });

  it('does not mark an in-progress round older than the finished one compared', () => {
    const file = centreFile(instrument, {
      name: 'Ängby',
      rounds: [
        { title: 'Utkast', date: '2026-02-01', period: 'VT 2026', inProgress: true },
        { title: 'Klar', date: '2026-04-01', period: 'VT 2026', ratings: { 'goal-1': [3, 3, 3, 3] } },
      ],
    });
    const scored = scoreCentres([{ file }], [instrument]);
    const [row] = centreRows(scored, 'VT 2026', listPeriods(scored));
    expect(row?.round?.title).toBe('Klar');
    expect(row?.pending).toBeNull();
  });
});
