import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import CheckInDocumentView from '@/components/documents/CheckInDocumentView.vue';
import type { CheckInDocument } from '@/domain/cycle/checkIn';
import { DEFAULT_CHECK_IN_TEMPLATE, type CheckInTemplate } from '@/domain/cycle/template';
import { setLocale } from '@/i18n';
import { PARTICIPANT_NAMES } from '../../fixtures/cycle';
import { legacyCheckIn, yearOfDocuments } from '../../fixtures/documents';

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

function mountCheckIn(document: CheckInDocument, seal?: { sealedAt: string; sequence: number; hash: string }) {
  return mount(CheckInDocumentView, { props: { document, seal } });
}

function goalSection(wrapper: ReturnType<typeof mountCheckIn>, goalId: string, section: string) {
  return wrapper.get(`[data-testid="document-goal"][data-goal-id="${goalId}"] [data-section="${section}"]`);
}

afterEach(() => {
  setLocale('sv');
});

describe('CheckInDocumentView', () => {
  it('shows the sections for the whole under the template’s headings, in its order', () => {
    const { octoberCheckIn } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberCheckIn);
    expect(wrapper.findAll('[data-testid="document-section"] > h2').map((h) => h.text())).toEqual(['Sammanfattning', 'Steg på vägen mot familjecentral', 'Vilka som deltog']);
    expect(wrapper.get('h1').text()).toBe('Skriftlig avstämning: Avstämning hösten 2026');
  });

  it('gives every goal the per-goal sections of the template', () => {
    const { octoberCheckIn } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberCheckIn);
    const goals = wrapper.findAll('[data-testid="document-goal"]');
    expect(goals.map((g) => g.get('h3').text())).toEqual(octoberCheckIn.goals.map((g) => `Mål ${String(g.number)}: ${g.title.sv}`));
    expect(goals[0]?.findAll('h4').map((h) => h.text())).toEqual([
      'Vad vi har gjort sedan förra avstämningen',
      'Var vi står',
      'Reflektion',
      'Nästa steg',
      'Lokala delmål och målnivåer',
      'Egna påståenden',
    ]);
  });

  it('lists under "since the last check-in" the action done since May as "Pågår → Klar"', () => {
    const { octoberCheckIn, groups } = yearOfDocuments();
    const since = goalSection(mountCheckIn(octoberCheckIn), 'goal-1', 'since-last');
    const row = since.get(`tr[data-action-id="${groups.id}"]`);
    expect(row.findAll('td').map((td) => squash(td.text()))).toEqual(['Starta föräldragrupp på arabiska', 'Öppna förskolan', '30 september 2026', 'Pågår → Klar']);
    expect(since.text()).not.toContain('Inga åtgärder');
  });

  it('says where the goal stands, with the change since the May check-in, and the reflection', () => {
    const { octoberCheckIn } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberCheckIn);
    const stand = goalSection(wrapper, 'goal-2', 'where-we-stand');
    expect(stand.findAll('dl > div').map((d) => [d.get('dt').text(), squash(d.get('dd').text())])).toEqual([
      ['Medelvärde', '3,0'],
      ['Täckning', '7 av 7 (100 %)'],
      ['Förändring sedan Avstämning våren 2026', '+1,0 ↑'],
    ]);
    expect(goalSection(wrapper, 'goal-1', 'reflection').get('p').text()).toBe('Gruppen är klar.');
    expect(goalSection(wrapper, 'goal-3', 'reflection').get('p').text()).toBe('Ingen reflektion antecknad.');
  });

  it('shows the sub-goal’s target against now, and the own statements apart', () => {
    const { octoberCheckIn, own } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberCheckIn);
    const targets = goalSection(wrapper, 'goal-2', 'targets');
    expect(targets.findAll('tbody td').map((td) => squash(td.text()))).toEqual([
      `3 – ${octoberCheckIn.instrument.scale[2]?.label.sv ?? ''}`,
      '31 december 2026',
      'BVC, Socialtjänst',
      'BVC besöker öppna förskolan varje vecka (Planerad)',
      `3 – ${octoberCheckIn.instrument.scale[2]?.label.sv ?? ''}`,
      'Uppnått',
    ]);
    const ownRows = goalSection(wrapper, 'goal-2', 'own-statements').findAll('tbody tr');
    expect(ownRows.map((tr) => tr.get('th').text())).toEqual([own.text]);
    expect(ownRows[0]?.get('td').text()).toBe('2.eget1');
  });

  it('shows the four steps now, at the last check-in and what moved, and who took part by role only', () => {
    const { octoberCheckIn } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberCheckIn);
    expect(wrapper.find('[data-testid="document-stage-now"]').exists()).toBe(false);
    const rows = wrapper.findAll('[data-testid="document-path"] tbody tr').map((tr) => [tr.get('th').text(), ...tr.findAll('td').map((td) => td.text())]);
    expect(rows).toEqual([
      ['Steg 1: ”Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan.”', 'Taget', 'På väg', 'På väg → Taget'],
      ['Steg 2: ”Utökad samverkan med BVC och BMM.”', 'Taget', 'På väg', 'På väg → Taget'],
      ['Steg 3: ”Lokalisering nära varandra och tätt samarbete.”', 'På väg', 'På väg', 'Oförändrat'],
      ['Steg 4: ”Samlokalisering = Familjecentral!”', 'På väg', 'På väg', 'Oförändrat'],
    ]);
    expect(wrapper.text()).toContain('Regler för stegen: default-1.');
    expect(wrapper.findAll('[data-testid="document-participants"] li').map((li) => li.text())).toEqual([
      'BVC: 1',
      'Socialtjänst: 2',
      'Öppna förskolan: 1',
      'BMM: 1',
    ]);
    const html = wrapper.html();
    for (const name of PARTICIPANT_NAMES) expect(html).not.toContain(name);
  });

  it('prints a check-in sealed before the profile (document version 1) with its single stage, as handed in', () => {
    const { octoberCheckIn } = yearOfDocuments();
    const old = legacyCheckIn(octoberCheckIn, { now: 3, previous: 1 });
    const wrapper = mountCheckIn(old);
    expect(wrapper.find('[data-testid="document-path"]').exists()).toBe(false);
    const stage = wrapper.get('[data-section="stage"] dl');
    expect(stage.findAll('dd').map((dd) => dd.text())).toEqual(['Steg 3: Lokalisering nära varandra och tätt samarbete', 'Steg 1: Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan']);
    expect(wrapper.get('[data-testid="document-stage-now"]').text()).toBe('Steg 3: Lokalisering nära varandra och tätt samarbete');
    // Everything else reads as in a version-2 document of the same round.
    const goalsOf = (w: ReturnType<typeof mountCheckIn>) => w.findAll('[data-testid="document-goal"]').map((g) => g.text());
    expect(goalsOf(wrapper)).toEqual(goalsOf(mountCheckIn(octoberCheckIn)));
    const before = mountCheckIn(legacyCheckIn(octoberCheckIn, { now: 0, previous: null }));
    expect(before.get('[data-section="stage"] dl').findAll('dd').map((dd) => dd.text())).toEqual(['Före steg 1', 'Ingen tidigare']);
  });

  it('shows the hand-in’s date, number and checksum, short and in full', () => {
    const { octoberHandIn } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberHandIn.document as CheckInDocument, octoberHandIn);
    const hex = octoberHandIn.hash.slice('sha256:'.length);
    // The time is shown in the device's zone, which a test cannot fix: the date and the rest can be.
    expect(squash(wrapper.get('[data-testid="document-seal"] p').text())).toMatch(
      new RegExp(`^Inlämnad 9 okt\\. 2026 \\d\\d:00 · inlämning 1 · kontrollsumma ${hex.slice(0, 4)} ${hex.slice(4, 8)}$`),
    );
    expect(wrapper.get('[data-testid="document-hash"]').text()).toBe(`Kontrollsumma (SHA-256): ${octoberHandIn.hash}`);
    expect(wrapper.find('[data-testid="document-draft"]').exists()).toBe(false);
  });

  it('says it is a draft when it has not been handed in', () => {
    const { octoberCheckIn } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberCheckIn);
    expect(wrapper.get('[data-testid="document-draft"]').text()).toContain('Utkast – inte inlämnat');
    expect(wrapper.find('[data-testid="document-seal"]').exists()).toBe(false);
  });

  it('follows a network’s own template: its headings, its order, only its sections', () => {
    const { octoberCheckIn } = yearOfDocuments();
    const template: CheckInTemplate = {
      ...DEFAULT_CHECK_IN_TEMPLATE,
      title: { sv: 'Avstämning i mall', en: 'Check-in' },
      overall: [{ id: 'participants', heading: { sv: 'Arbetsgruppen', en: 'The working group' } }],
      perGoal: [
        { id: 'reflection', heading: { sv: 'Hur går det?', en: 'How is it going?' }, prompt: { sv: 'Skriv kort.', en: 'Briefly.' } },
        { id: 'since-last', heading: { sv: 'Gjort sedan sist', en: 'Done since last' } },
      ],
    };
    const wrapper = mountCheckIn({ ...octoberCheckIn, template });
    expect(wrapper.get('h1').text()).toBe('Avstämning i mall: Avstämning hösten 2026');
    expect(wrapper.findAll('[data-testid="document-section"] > h2').map((h) => h.text())).toEqual(['Arbetsgruppen']);
    const goal1 = wrapper.get('[data-testid="document-goal"][data-goal-id="goal-1"]');
    expect(goal1.findAll('h4').map((h) => h.text())).toEqual(['Hur går det?', 'Gjort sedan sist']);
    expect(goal1.get('.document-prompt').text()).toBe('Skriv kort.');
  });

  it('reads in English, headings from the template included', async () => {
    const { octoberCheckIn } = yearOfDocuments();
    const wrapper = mountCheckIn(octoberCheckIn);
    setLocale('en');
    await nextTick();
    expect(wrapper.get('h1').text()).toBe('Written check-in: Avstämning hösten 2026');
    expect(goalSection(wrapper, 'goal-1', 'since-last').get('h4').text()).toBe('What we did since the last check-in');
    expect(squash(goalSection(wrapper, 'goal-1', 'since-last').findAll('tbody td')[3]?.text() ?? '')).toBe('Ongoing → Done');
  });

  it('says so in the first check-in of all, instead of listing nothing under "since last"', () => {
    const { year } = yearOfDocuments();
    const first = year.round('2025-05-06', 'Allra första', {});
    const wrapper = mountCheckIn(year.checkIn(first));
    expect(goalSection(wrapper, 'goal-1', 'since-last').get('p.document-empty').text()).toBe(
      'Det här är den första avstämningen: det finns ingen tidigare att jämföra med.',
    );
  });
});
