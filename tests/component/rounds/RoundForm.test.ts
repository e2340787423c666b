import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import RoundForm from '@/components/rounds/RoundForm.vue';
import { normalizeRound, type RoundInput } from '@/domain/records';
import { setLocale } from '@/i18n';
import { participant, roundInput } from '../../fixtures/records';

function mountForm(initial: RoundInput = roundInput({ title: '', date: '2026-03-10', period: 'VT 2026', participants: [] })) {
  return mount(RoundForm, { props: { initial, submitLabel: 'Starta omgången' }, attachTo: document.body });
}

type Form = ReturnType<typeof mountForm>;

function field(form: Form, label: string) {
  const found = form.findAll('label').find((l) => l.text() === label);
  const id = found?.attributes('for');
  if (!id) throw new Error(`no field labelled "${label}"`);
  return form.get<HTMLInputElement>(`#${CSS.escape(id)}`);
}

function errorFor(form: Form, label: string): string | undefined {
  const describedBy = field(form, label).attributes('aria-describedby') ?? '';
  return describedBy
    .split(' ')
    .filter((id) => id !== '')
    .map((id) => form.find(`#${CSS.escape(id)}.field__error`))
    .find((el) => el.exists())
    ?.text();
}

async function submit(form: Form): Promise<RoundInput | undefined> {
  await form.get('form').trigger('submit');
  return form.emitted<[RoundInput]>('submit')?.at(-1)?.[0];
}

afterEach(() => {
  setLocale('sv');
});

describe('RoundForm: validation', () => {
  it('requires a title: shows the message, focuses the field and emits nothing', async () => {
    const form = mountForm();
    expect(await submit(form)).toBeUndefined();
    expect(errorFor(form, 'Rubrik')).toBe('Fyll i fältet.');
    expect(field(form, 'Rubrik').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field(form, 'Rubrik').element);
  });

  it('shows no errors before the first submit', () => {
    const form = mountForm();
    expect(form.find('.field__error').exists()).toBe(false);
  });

  it('requires a valid date and a period, and says so for each field', async () => {
    const form = mountForm(roundInput({ date: '', period: '' }));
    expect(await submit(form)).toBeUndefined();
    expect(errorFor(form, 'Rubrik')).toBeUndefined();
    expect(errorFor(form, 'Datum')).toBe('Ange ett datum, till exempel 2026-05-15.');
    expect(errorFor(form, 'Period')).toBe('Fyll i fältet.');
    expect(document.activeElement).toBe(field(form, 'Datum').element);
  });

  it('keeps the hint of the period field described along with its error', async () => {
    const form = mountForm(roundInput({ period: ' ' }));
    await submit(form);
    const describedBy = field(form, 'Period').attributes('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toHaveLength(2);
    expect(form.get(`#${CSS.escape(describedBy[1] ?? '')}`).text()).toBe('Till exempel VT 2026 eller HT 2026.');
  });

  it('clears a message once the field is corrected', async () => {
    const form = mountForm();
    await submit(form);
    await field(form, 'Rubrik').setValue('Våren');
    expect(errorFor(form, 'Rubrik')).toBeUndefined();
    expect(field(form, 'Rubrik').attributes('aria-invalid')).toBe('false');
  });
});

describe('RoundForm: submitting', () => {
  it('emits the filled-in round', async () => {
    const form = mountForm();
    await field(form, 'Rubrik').setValue('Avstämning våren 2026');
    expect(await submit(form)).toEqual({ title: 'Avstämning våren 2026', date: '2026-03-10', period: 'VT 2026', participants: [] });
  });

  it('emits input that normalizes to the trimmed round without empty participant rows', async () => {
    const form = mountForm(roundInput({ title: '', participants: [participant('', '', 'empty')] }));
    await field(form, 'Rubrik').setValue('  Våren  ');
    const emitted = await submit(form);
    expect(emitted).toBeDefined();
    expect(normalizeRound(emitted ?? roundInput())).toEqual({
      title: 'Våren',
      date: '2026-03-10',
      period: 'VT 2026',
      participants: [],
    });
  });

  it('emits the participants as edited, with a row added', async () => {
    const form = mountForm(roundInput({ participants: [participant('Anna', 'BVC', 'anna')] }));
    await form.findAll('button').find((b) => b.text() === 'Lägg till deltagare')?.trigger('click');
    const names = form.findAll<HTMLInputElement>('input').filter((i) => i.attributes('id')?.endsWith('-name'));
    expect(names).toHaveLength(2);
    await names[1]?.setValue('Bo');
    const emitted = await submit(form);
    expect(emitted?.participants.map((p) => [p.name, p.role])).toEqual([
      ['Anna', 'BVC'],
      ['Bo', ''],
    ]);
    expect(emitted?.participants[0]?.id).toBe('anna');
  });

  it('emits without a removed participant', async () => {
    const form = mountForm(roundInput({ participants: [participant('Anna', 'BVC', 'anna'), participant('Bo', 'BMM', 'bo')] }));
    await form.get('button[aria-label="Ta bort deltagare 1"]').trigger('click');
    expect((await submit(form))?.participants).toEqual([{ id: 'bo', name: 'Bo', role: 'BMM' }]);
  });

  it('does not change the initial participants it was given', async () => {
    const initial = roundInput({ participants: [participant('Anna', 'BVC', 'anna')] });
    const form = mountForm(initial);
    const nameInput = form.findAll<HTMLInputElement>('input').find((i) => i.element.value === 'Anna');
    await nameInput?.setValue('Annika');
    expect(initial.participants[0]?.name).toBe('Anna');
    expect((await submit(form))?.participants[0]?.name).toBe('Annika');
  });

  it('emits cancel from the cancel button', async () => {
    const form = mountForm();
    await form.findAll('button').find((b) => b.text() === 'Avbryt')?.trigger('click');
    expect(form.emitted('cancel')).toHaveLength(1);
    expect(form.emitted('submit')).toBeUndefined();
  });
});

describe('RoundForm: the period follows the date', () => {
  it('starts with the given date and period', () => {
    const form = mountForm();
    expect(field(form, 'Datum').element.value).toBe('2026-03-10');
    expect(field(form, 'Period').element.value).toBe('VT 2026');
  });

  it('changes VT 2026 to HT 2026 when the date moves to 2026-09-01', async () => {
    const form = mountForm();
    await field(form, 'Datum').setValue('2026-09-01');
    expect(field(form, 'Period').element.value).toBe('HT 2026');
    await field(form, 'Rubrik').setValue('Hösten');
    expect(await submit(form)).toMatchObject({ date: '2026-09-01', period: 'HT 2026' });
  });

  it('follows the date back and forth across the 30 June / 1 July boundary and into the next year', async () => {
    const form = mountForm();
    const date = field(form, 'Datum');
    const period = field(form, 'Period');
    await date.setValue('2026-07-01');
    expect(period.element.value).toBe('HT 2026');
    await date.setValue('2026-06-30');
    expect(period.element.value).toBe('VT 2026');
    await date.setValue('2027-01-15');
    expect(period.element.value).toBe('VT 2027');
  });

  it('stops following once the group writes its own period', async () => {
    const form = mountForm();
    await field(form, 'Period').setValue('Läsåret 2025/26');
    await field(form, 'Datum').setValue('2026-09-01');
    expect(field(form, 'Period').element.value).toBe('Läsåret 2025/26');
    await field(form, 'Rubrik').setValue('Hösten');
    expect(await submit(form)).toMatchObject({ date: '2026-09-01', period: 'Läsåret 2025/26' });
  });

  it('does not follow when editing a round whose period was written by hand', async () => {
    const form = mountForm(roundInput({ date: '2026-03-10', period: 'Extra möte' }));
    await field(form, 'Datum').setValue('2026-09-01');
    expect(field(form, 'Period').element.value).toBe('Extra möte');
  });

  it('follows when editing a round whose period matched its date', async () => {
    const form = mountForm(roundInput({ date: '2026-03-10', period: 'VT 2026' }));
    await field(form, 'Datum').setValue('2026-10-15');
    expect(field(form, 'Period').element.value).toBe('HT 2026');
  });
});

describe('RoundForm in English', () => {
  it('labels the fields and messages in English', async () => {
    setLocale('en');
    const form = mountForm();
    await submit(form);
    expect(errorFor(form, 'Title')).toBe('Please fill in this field.');
    expect(field(form, 'Date').attributes('type')).toBe('date');
  });
});
