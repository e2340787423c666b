import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import WorkspaceImport from '@/components/coordinator/WorkspaceImport.vue';
import type { FileImportReport } from '@/stores/workspace';

const reports: FileImportReport[] = [
  { fileName: 'alby.json', status: 'added', centreName: 'Alby' },
  { fileName: 'fittja.json', status: 'replaced', centreName: 'Fittja' },
  { fileName: 'alby-gammal.json', status: 'kept-newer', centreName: 'Alby' },
  { fileName: 'trasig.json', status: 'invalid', problems: [{ code: 'notJson', path: '', line: 3, column: 7, detail: 'character' }] },
];

describe('WorkspaceImport', () => {
  it('has a labelled file input for several JSON files', () => {
    const view = mount(WorkspaceImport, { props: { busy: false, reports: [] } });
    const input = view.get('input[type="file"]');
    expect(input.attributes('multiple')).toBeDefined();
    expect(input.attributes('accept')).toBe('.json,application/json');
    // The input sits inside its label, which is the button the user sees (in the app's language).
    expect(input.element.closest('label')?.textContent?.trim()).toBe('Välj exportfiler');
    expect(view.text()).toContain('Ingen fil vald');
    expect(view.find('[data-testid="import-report"]').exists()).toBe(false);
  });

  it('says it is reading while busy, and disables the input', () => {
    const view = mount(WorkspaceImport, { props: { busy: true, reports } });
    expect(view.text()).toContain('Läser filerna…');
    expect(view.get('input').attributes('disabled')).toBeDefined();
    expect(view.find('[data-testid="import-report"]').exists()).toBe(false);
  });

  it('reports every file: added, replaced, kept and invalid with its problems', () => {
    const view = mount(WorkspaceImport, { props: { busy: false, reports } });
    const items = view.findAll('[data-testid="import-report"] > li');
    expect(items.map((item) => item.attributes('data-status'))).toEqual(['added', 'replaced', 'kept-newer', 'invalid']);
    expect(items[0]?.text()).toContain('alby.json');
    expect(items[0]?.text()).toContain('Tillagd: Alby.');
    expect(items[1]?.text()).toContain('Uppdaterad: Fittja.');
    expect(items[2]?.text()).toContain('arbetsytan har redan en lika ny eller nyare fil från Alby');
    expect(items[3]?.text()).toContain('Filen kunde inte läsas och har inte importerats.');
    expect(items[3]?.find('[data-testid="import-problems"]').exists()).toBe(true);
    expect(items[3]?.text()).toContain('Filen är inte giltig JSON: fel på rad 3, kolumn 7.');
  });

  it('names each bad file of a pick with its own reason, in the app\'s language', () => {
    const view = mount(WorkspaceImport, {
      props: {
        busy: false,
        reports: [
          { fileName: 'alby.json', status: 'added', centreName: 'Alby' },
          { fileName: 'malmo.json', status: 'invalid', problems: [{ code: 'notText', path: '' }] },
          { fileName: 'skarholmen.json', status: 'invalid', problems: [{ code: 'invalidField', path: 'exportedAt', reason: { kind: 'format', format: 'timestamp' } }] },
          { fileName: 'borta.json', status: 'invalid', failure: 'NotReadableError' },
        ] satisfies FileImportReport[],
      },
    });
    const items = view.findAll('[data-testid="import-report"] > li');
    expect(items[1]?.text()).toContain('malmo.json');
    expect(items[1]?.text()).toContain('Filen är inte sparad som UTF-8-text');
    expect(items[2]?.text()).toContain('skarholmen.json');
    expect(items[2]?.text()).toContain('Fel vid exportedAt: väntade en tidpunkt som 2026-05-15T10:00:00Z');
    expect(items[3]?.text()).toContain('borta.json – Filen kunde inte läsas: NotReadableError');
  });
});
