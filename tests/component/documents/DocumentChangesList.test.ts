import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import DocumentChangesList from '@/components/documents/DocumentChangesList.vue';
import { changedAfterHandIn } from '@/domain/cycle/changes';
import { setLocale } from '@/i18n';
import { yearOfDocuments } from '../../fixtures/documents';

afterEach(() => {
  setLocale('sv');
});

/** The May round edited after it was handed in: an answer, a note, the reflection and an action. */
function editedAfterHandIn() {
  const documents = yearOfDocuments();
  const { year, may, groups, mayHandIn } = documents;
  year.answer(may, 'g1-open-to-all', 4, 'Nu öppet för alla');
  may.reflections = may.reflections.map((r) => (r.goalId === 'goal-1' ? { ...r, note: 'Grupperna är fulla.' } : r));
  year.review(groups, 'dropped', may, '2026-05-13T08:00:00.000Z');
  const now = year.checkIn(may, '2026-05-13T09:00:00.000Z');
  return { ...documents, now, after: changedAfterHandIn(now, mayHandIn) };
}

describe('DocumentChangesList', () => {
  it('names each change in words, with goal and statement numbered as in the document', () => {
    const { now, after } = editedAfterHandIn();
    const wrapper = mount(DocumentChangesList, { props: { changes: after.changes, document: now } });
    expect(wrapper.get('h2').text()).toBe('Vad som har ändrats');
    const scale3 = now.instrument.scale[2]?.label.sv ?? '';
    const scale4 = now.instrument.scale[3]?.label.sv ?? '';
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual([
      `Mål 1, påstående 1.1: svar 3 – ${scale3} → 4 – ${scale4}`,
      'Mål 1, påstående 1.1: anteckningen ändrad',
      'Mål 1: reflektionen ändrad',
      'Mål 1: ”Starta föräldragrupp på arabiska” Pågår → Avbruten',
    ]);
  });

  it('says so when nothing has changed, under the heading it is given', () => {
    const { mayHandIn } = yearOfDocuments();
    const wrapper = mount(DocumentChangesList, { props: { changes: [], document: mayHandIn.document, heading: 'Ändrat efter inlämningen' } });
    expect(wrapper.get('h2').text()).toBe('Ändrat efter inlämningen');
    expect(wrapper.text()).toContain('Inget har ändrats.');
  });

  it('words the changes of a plan and a report too, and reads in English', async () => {
    const { plan } = yearOfDocuments();
    const changes = [
      { kind: 'focus-added', goalId: 'goal-3' },
      { kind: 'target', goalId: 'goal-2', targetId: 't', change: 'edited' },
      { kind: 'text', field: 'costs', from: 'a', to: 'b' },
      { kind: 'action-status', goalId: 'goal-2', actionId: 'a', what: 'Besök', from: 'planned', to: 'done' },
    ] as const;
    const wrapper = mount(DocumentChangesList, { props: { changes, document: plan } });
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual([
      'Mål 3 har kommit i fokus',
      'Mål 2: ett delmål ändrat',
      'Kostnadsbeskrivningen ändrad',
      'Mål 2: ”Besök” Planerad → Klar',
    ]);
    setLocale('en');
    await nextTick();
    expect(wrapper.findAll('li').map((li) => li.text())[3]).toBe('Goal 2: “Besök” Planned → Done');
  });
});
