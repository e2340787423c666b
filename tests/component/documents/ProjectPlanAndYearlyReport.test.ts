import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import ProjectPlanDocumentView from '@/components/documents/ProjectPlanDocumentView.vue';
import YearlyReportDocumentView from '@/components/documents/YearlyReportDocumentView.vue';
import { shortHash } from '@/domain/cycle/handIn';
import { setLocale } from '@/i18n';
import { PARTICIPANT_NAMES } from '../../fixtures/cycle';
import { yearOfDocuments } from '../../fixtures/documents';

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

afterEach(() => {
  setLocale('sv');
});

describe('ProjectPlanDocumentView', () => {
  it('lists the goals in focus, each sub-goal with its target, date, services, actions and where it stands now', () => {
    const { plan, own } = yearOfDocuments();
    const wrapper = mount(ProjectPlanDocumentView, { props: { document: plan } });
    expect(wrapper.get('h1').text()).toBe('Lokal projektplan 2026');
    expect(wrapper.findAll('[data-testid="document-goal"] h3').map((h) => h.text())).toEqual([
      `Mål 2: ${plan.goals[0]?.title.sv ?? ''}`,
      `Mål 3: ${plan.goals[1]?.title.sv ?? ''}`,
    ]);
    const row = wrapper.get('[data-goal-id="goal-2"] tbody tr');
    expect(row.get('th').text()).toBe(own.text);
    const cells = row.findAll('td').map((td) => squash(td.text()));
    expect(cells.slice(1, 4)).toEqual(['31 december 2026', 'BVC, Socialtjänst', 'BVC besöker öppna förskolan varje vecka (Planerad)']);
    expect(cells[5]).toBe('På väg');
    expect(wrapper.get('[data-goal-id="goal-3"]').text()).toContain('Inga lokala delmål för det här målet.');
    expect(wrapper.text()).toContain('Läget nu enligt omgången Avstämning våren 2026, 6 maj 2026.');
  });

  it('shows the hand-in’s checksum when sealed', () => {
    const { plan } = yearOfDocuments();
    const seal = { sealedAt: '2026-03-28T09:00:00.000Z', sequence: 1, hash: 'sha256:abcdef0123456789' };
    const wrapper = mount(ProjectPlanDocumentView, { props: { document: plan, seal } });
    expect(wrapper.get('[data-testid="document-seal"]').text()).toContain('kontrollsumma abcd ef01');
  });
});

describe('YearlyReportDocumentView', () => {
  it('sets the year’s hand-ins side by side, each column named by period, date and short checksum', () => {
    const { report, mayHandIn, octoberHandIn } = yearOfDocuments();
    const wrapper = mount(YearlyReportDocumentView, { props: { document: report } });
    expect(wrapper.get('h1').text()).toBe('Årsredovisning 2026 med plan för 2027');
    const heads = wrapper.findAll('[data-section="check-ins"] thead th[data-hand-in-id]');
    expect(heads.map((th) => th.attributes('data-hand-in-id'))).toEqual([mayHandIn.id, octoberHandIn.id]);
    expect(heads.map((th) => squash(th.get('span').text()))).toEqual([`6 maj 2026 · ${shortHash(mayHandIn.hash)}`, `8 oktober 2026 · ${shortHash(octoberHandIn.hash)}`]);
    expect(heads.map((th) => th.text().replace(th.get('span').text(), '').trim())).toEqual(['VT 2026', 'HT 2026']);
    const goal2 = wrapper.get('[data-section="check-ins"] tbody tr[data-goal-id="goal-2"]');
    expect(goal2.findAll('td').map((td) => td.text())).toEqual(['2,0', '3,0']);
  });

  it('shows each check-in’s four steps in words, and a yearly report sealed with stage numbers as it was', () => {
    const { report } = yearOfDocuments();
    const wrapper = mount(YearlyReportDocumentView, { props: { document: report } });
    const row = wrapper.get('[data-section="check-ins"] tfoot tr:last-child');
    expect(row.findAll('td').map((td) => td.findAll('.yearly-report__step').map((step) => step.text()))).toEqual([
      ['Steg 1: På väg', 'Steg 2: På väg', 'Steg 3: På väg', 'Steg 4: På väg'],
      ['Steg 1: Taget', 'Steg 2: Taget', 'Steg 3: På väg', 'Steg 4: På väg'],
    ]);
    // A report sealed before the profile: a number per column, as handed in.
    const old = { ...report, checkIns: report.checkIns.map(({ path: _path, ...column }, index) => ({ ...column, stage: index + 1 })) };
    const oldRow = mount(YearlyReportDocumentView, { props: { document: old } }).get('[data-section="check-ins"] tfoot tr:last-child');
    expect(oldRow.findAll('td').map((td) => td.text())).toEqual(['1', '2']);
  });

  it('says what was achieved per goal and which actions were done, then next year’s plan with its costs', () => {
    const { report } = yearOfDocuments();
    const wrapper = mount(YearlyReportDocumentView, { props: { document: report } });
    const goal1 = wrapper.get('[data-section="achieved"] [data-goal-id="goal-1"]');
    expect(goal1.get('p').text()).toBe('Två föräldragrupper har genomförts.');
    expect(goal1.findAll('li').map((li) => li.text())).toEqual(['Starta föräldragrupp på arabiska']);
    const nextYear = wrapper.get('[data-section="next-year"]');
    expect(nextYear.get('h2').text()).toBe('Plan för 2027');
    expect(nextYear.findAll('tbody td').map((td) => td.text())).toEqual(['3', 'Fasta tider för BVC i lokalen', 'BVC', 'VT 2027']);
    expect(wrapper.get('[data-testid="document-costs"]').text()).toBe('Hyra för gemensam lokal: 120 000 kr.');
    const html = wrapper.html();
    for (const name of PARTICIPANT_NAMES) expect(html).not.toContain(name);
  });

  it('reads in English', async () => {
    const { report } = yearOfDocuments();
    const wrapper = mount(YearlyReportDocumentView, { props: { document: report } });
    setLocale('en');
    await nextTick();
    expect(wrapper.get('h1').text()).toBe('Yearly report 2026 with the plan for 2027');
    expect(wrapper.get('[data-section="next-year"] h2').text()).toBe('Plan for 2027');
  });
});
