import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CentreForm from '@/components/centre/CentreForm.vue';
import { normalizeCentre, type CentreInput } from '@/domain/records';
import { setLocale } from '@/i18n';
import { centreInput } from '../../fixtures/records';

const empty: CentreInput = { name: '', municipality: '', district: '', services: [], otherServices: '', coLocation: 'separate' };

function mountForm(initial: CentreInput = empty) {
  return mount(CentreForm, { props: { initial, submitLabel: 'Skapa familjecentral' }, attachTo: document.body });
}

type Form = ReturnType<typeof mountForm>;

function field(form: Form, label: string) {
  const found = form.findAll('label').find((l) => l.text() === label);
  const id = found?.attributes('for');
  if (!id) throw new Error(`no field labelled "${label}"`);
  return form.get<HTMLInputElement>(`#${CSS.escape(id)}`);
}

function choice(form: Form, label: string) {
  const found = form.findAll('label').find((l) => l.text() === label);
  if (!found) throw new Error(`no choice "${label}"`);
  return found.get<HTMLInputElement>('input');
}

afterEach(() => {
  setLocale('sv');
});

describe('CentreForm', () => {
  it('shows the submit label it is given', () => {
    expect(mountForm().get('button[type="submit"]').text()).toBe('Skapa familjecentral');
  });

  it('shows no error before the first submit', () => {
    const form = mountForm();
    expect(form.find('.field__error').exists()).toBe(false);
    expect(field(form, 'Namn').attributes('aria-invalid')).toBe('false');
  });

  it('requires a name: shows the message, marks the field, moves focus there and emits nothing', async () => {
    const form = mountForm();
    await form.get('form').trigger('submit');
    const name = field(form, 'Namn');
    const error = form.get('.field__error');
    expect(error.text()).toBe('Fyll i fältet.');
    expect(name.attributes('aria-invalid')).toBe('true');
    expect(name.attributes('aria-describedby')).toBe(error.attributes('id'));
    expect(document.activeElement).toBe(name.element);
    expect(form.emitted('submit')).toBeUndefined();
  });

  it('does not accept a name of only spaces', async () => {
    const form = mountForm();
    await field(form, 'Namn').setValue('   ');
    await form.get('form').trigger('submit');
    expect(form.get('.field__error').text()).toBe('Fyll i fältet.');
    expect(form.emitted('submit')).toBeUndefined();
  });

  it('removes the message as soon as a name is typed', async () => {
    const form = mountForm();
    await form.get('form').trigger('submit');
    await field(form, 'Namn').setValue('Alby');
    expect(form.find('.field__error').exists()).toBe(false);
  });

  it('emits what was filled in on a valid submit', async () => {
    const form = mountForm();
    await field(form, 'Namn').setValue('Familjecentralen Alby');
    await field(form, 'Kommun eller region').setValue('Botkyrka');
    await field(form, 'Stadsdel eller område').setValue('Alby');
    await choice(form, 'Barnhälsovård (BVC)').setValue(true);
    await choice(form, 'Öppen förskola').setValue(true);
    await field(form, 'Andra aktörer').setValue('Biblioteket');
    await choice(form, 'Samlokaliserade i samma lokaler').setValue();
    await form.get('form').trigger('submit');
    expect(form.emitted('submit')).toEqual([
      [
        {
          name: 'Familjecentralen Alby',
          municipality: 'Botkyrka',
          district: 'Alby',
          services: ['bvc', 'openPreschool'],
          otherServices: 'Biblioteket',
          coLocation: 'co-located',
        },
      ],
    ]);
  });

  it('emits input that normalizes to trimmed texts', async () => {
    const form = mountForm();
    await field(form, 'Namn').setValue('  Familjecentralen Alby  ');
    await field(form, 'Kommun eller region').setValue(' Botkyrka ');
    await form.get('form').trigger('submit');
    const emitted = form.emitted<[CentreInput]>('submit')?.[0]?.[0];
    expect(emitted).toBeDefined();
    expect(normalizeCentre(emitted ?? empty)).toMatchObject({ name: 'Familjecentralen Alby', municipality: 'Botkyrka' });
  });

  it('starts from the initial values when editing, and emits them unchanged', async () => {
    const initial = centreInput({ services: ['bmm', 'socialServices'], coLocation: 'near' });
    const form = mountForm(initial);
    expect(field(form, 'Namn').element.value).toBe('Familjecentralen Fittja');
    expect(choice(form, 'Mödrahälsovård (BMM/MVC)').element.checked).toBe(true);
    expect(choice(form, 'Barnhälsovård (BVC)').element.checked).toBe(false);
    expect(choice(form, 'Nära varandra men inte i samma lokaler').element.checked).toBe(true);
    await form.get('form').trigger('submit');
    expect(form.emitted('submit')).toEqual([[initial]]);
  });

  it('does not change the initial values it was given', async () => {
    const initial = centreInput({ services: ['bmm'] });
    const form = mountForm(initial);
    await field(form, 'Namn').setValue('Annat');
    await choice(form, 'Barnhälsovård (BVC)').setValue(true);
    expect(initial.name).toBe('Familjecentralen Fittja');
    expect(initial.services).toEqual(['bmm']);
  });

  it('can unselect a base service', async () => {
    const form = mountForm(centreInput({ services: ['bmm', 'bvc'] }));
    await choice(form, 'Mödrahälsovård (BMM/MVC)').setValue(false);
    await form.get('form').trigger('submit');
    expect(form.emitted<[CentreInput]>('submit')?.[0]?.[0].services).toEqual(['bvc']);
  });

  it('offers the four base services and three placements', () => {
    const form = mountForm();
    expect(form.findAll('input[type="checkbox"]')).toHaveLength(4);
    const radios = form.findAll('input[type="radio"]');
    expect(radios.map((r) => r.attributes('value'))).toEqual(['co-located', 'near', 'separate']);
    expect(new Set(radios.map((r) => r.attributes('name'))).size).toBe(1);
  });

  it('emits cancel from the cancel button without submitting', async () => {
    const form = mountForm();
    const cancel = form.findAll('button').find((b) => b.text() === 'Avbryt');
    expect(cancel?.attributes('type')).toBe('button');
    await cancel?.trigger('click');
    expect(form.emitted('cancel')).toHaveLength(1);
    expect(form.emitted('submit')).toBeUndefined();
  });

  it('shows the message in English after switching the language', async () => {
    const form = mountForm();
    setLocale('en');
    await form.get('form').trigger('submit');
    expect(form.get('.field__error').text()).toBe('Please fill in this field.');
    expect(field(form, 'Name').element.tagName).toBe('INPUT');
  });
});
