import { describe, expect, it } from 'vitest';
import { MAX_STEM, safeFileName } from '@/domain/fileName';
import { exportFileName } from '@/domain/exchange/format';

describe('safeFileName: the one rule for a file the app offers to save', () => {
  it('removes what Windows, macOS or Linux refuse, and control characters', () => {
    expect(safeFileName('Jämförelse: VT/HT 2026 <Fittja> "ny" | a*b? \\ \u0007\u007f', 'csv')).toBe('Jämförelse VTHT 2026 Fittja ny ab.csv');
  });

  it('collapses whitespace and trims, so no name starts or ends with a space', () => {
    expect(safeFileName('  Familjecentralen \t  Fittja\n radar ', 'png')).toBe('Familjecentralen Fittja radar.png');
  });

  it('cuts a long name by characters, never inside an emoji', () => {
    const name = safeFileName(`${'a'.repeat(MAX_STEM - 1)}😀 Fittja`, 'json');
    expect(name).toBe(`${'a'.repeat(MAX_STEM - 1)}😀.json`);
  });

  it('gives a name with nothing left the fallback', () => {
    expect(safeFileName(' /:* ', 'csv')).toBe('familjecentral.csv');
    expect(safeFileName('', 'png', 'diagram')).toBe('diagram.png');
  });

  it('is what the export file names use: the same text gives the same name', () => {
    const file = { centre: { id: 'c', name: 'Fam/ilje:centralen' }, rounds: [], exportedAt: '2026-05-15T10:00:00.000Z' } as unknown as Parameters<typeof exportFileName>[0];
    expect(exportFileName(file, 'csv')).toBe(safeFileName('Fam/ilje:centralen – 2026-05-15', 'csv'));
  });
});
