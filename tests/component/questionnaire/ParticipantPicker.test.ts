import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ParticipantPicker from '@/components/questionnaire/ParticipantPicker.vue';
import type { Participant } from '@/domain/types';
import { setLocale } from '@/i18n';

const anna: Participant = { id: 'p-anna', name: 'Anna', role: 'BVC' };
const bodil: Participant = { id: 'p-bodil', name: 'Bodil', role: 'Öppen förskola' };
const carl: Participant = { id: 'p-carl', name: '', role: 'Socialtjänst' };

function mountPicker(pending: readonly string[]) {
  return mount(ParticipantPicker, {
    props: {
      participants: [anna, bodil, carl],
      pendingIds: new Set(pending),
      labelOf: (participant: Participant) => participant.name || participant.role,
    },
  });
}

/** What a person's button says, by the label the parent gave. */
function button(picker: ReturnType<typeof mountPicker>, label: string) {
  const found = picker.findAll('button').find((candidate) => candidate.text().startsWith(label));
  if (!found) throw new Error(`no button for ${label}`);
  return found;
}

afterEach(() => setLocale('sv'));

describe('ParticipantPicker', () => {
  it('says how many are done, and for each person whether they are done', () => {
    const picker = mountPicker(['p-bodil', 'p-carl']);
    expect(picker.get('[data-testid="done-count"]').text()).toBe('1 av 3 klara');
    expect(button(picker, 'Anna').text()).toBe('Anna✓ Klar');
    expect(button(picker, 'Bodil').text()).toBe('BodilInte klar');
    // Someone without a name is shown by what the parent calls them (here their role).
    expect(button(picker, 'Socialtjänst').text()).toBe('SocialtjänstInte klar');
  });

  it('hands the person tapped to the parent, done or not (a done person may open their rating again)', async () => {
    const picker = mountPicker(['p-bodil']);
    await button(picker, 'Bodil').trigger('click');
    await button(picker, 'Anna').trigger('click');
    expect(picker.emitted('pick')).toEqual([[bodil], [anna]]);
  });

  it('is a row of buttons, so the keyboard reaches every person and Enter picks', () => {
    const picker = mountPicker([]);
    const buttons = picker.findAll('button');
    expect(buttons).toHaveLength(3);
    for (const person of buttons) expect(person.attributes('type')).toBe('button');
  });

  it('says it in English', () => {
    setLocale('en');
    const picker = mountPicker(['p-anna']);
    expect(picker.get('[data-testid="done-count"]').text()).toBe('2 of 3 done');
    expect(button(picker, 'Anna').text()).toBe('AnnaNot done');
    expect(button(picker, 'Bodil').text()).toBe('Bodil✓ Done');
  });
});
