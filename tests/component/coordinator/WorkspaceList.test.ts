import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import WorkspaceList from '@/components/coordinator/WorkspaceList.vue';
import { scoreCentres } from '@/domain/exchange/centres';
import { centreFile } from '../../fixtures/centreFiles';
import { stageInstrument as instrument } from '../../fixtures/scores';

const alby = centreFile(instrument, {
  name: 'Alby',
  district: 'Alby centrum',
  exportedAt: '2026-05-20T10:00:00.000Z',
  appVersion: '0.3.1',
  rounds: [
    { date: '2025-10-10', period: 'HT 2025' },
    { date: '2026-04-15', period: 'VT 2026' },
  ],
});
const fittja = centreFile(instrument, { name: 'Fittja', rounds: [{ date: '2026-04-01', period: '' }] });
const centres = scoreCentres(
  [
    { file: fittja, fileName: 'fittja.json' },
    { file: alby, fileName: 'Familjecentralen Alby – VT 2026 – 2026-05-20.json', importedAt: '2026-05-21T08:00:00.000Z' },
  ],
  [instrument],
);

describe('WorkspaceList', () => {
  const list = () => mount(WorkspaceList, { props: { centres } });

  it('shows each centre with the provenance of its file beside it', () => {
    const table = list();
    expect(table.get('caption').text()).toBe('2 familjecentraler i arbetsytan');
    const row = table.get(`tr[data-centre-id="${alby.centre.id}"]`);
    expect(row.get('th').text()).toContain('Alby');
    expect(row.get('th').text()).toContain('Botkyrka, Alby centrum');
    const cells = row.findAll('td').map((td) => td.text().replace(/\s+/g, ' ').trim());
    expect(cells[0]).toBe('2 omgångar HT 2025 – VT 2026');
    const file = row.findAll('td')[1];
    expect(file?.get('.workspace-list__file-name').text()).toBe('Familjecentralen Alby – VT 2026 – 2026-05-20.json');
    const meta = file?.findAll('.workspace-list__meta').map((span) => span.text().replace(/\s+/g, ' ').trim());
    expect(meta?.[0]).toMatch(/^Exporterad 20 maj 2026 \d{2}:\d{2} · appversion 0\.3\.1$/);
    expect(meta?.[1]).toMatch(/^Importerad 21 maj 2026 \d{2}:\d{2}$/);
  });

  it('names a round without period and leaves out an unknown import time', () => {
    const row = list().get(`tr[data-centre-id="${fittja.centre.id}"]`);
    const cells = row.findAll('td').map((td) => td.text().replace(/\s+/g, ' ').trim());
    expect(cells[0]).toBe('1 omgång Utan period');
    expect(cells[1]).not.toContain('Importerad');
  });

  it('has a remove button per centre, named with the centre, that asks the view to remove it', async () => {
    const table = list();
    const button = table.get(`tr[data-centre-id="${alby.centre.id}"] button`);
    expect(button.attributes('aria-label')).toBe('Ta bort Alby från arbetsytan');
    expect(button.text()).toBe('Ta bort');
    await button.trigger('click');
    expect(table.emitted('remove')?.[0]?.[0]).toMatchObject({ centreId: alby.centre.id });
  });

  it('scrolls inside a focusable region', () => {
    const region = list().get('.table-scroll');
    expect(region.attributes('tabindex')).toBe('0');
    expect(region.attributes('aria-label')).toBe('2 familjecentraler i arbetsytan');
  });
});
