import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CyclePanel from '@/components/handIns/CyclePanel.vue';
import { cycleStatus, nextDue, type HandInRef } from '@/domain/cycle/deadlines';

const spring: HandInRef = { id: 'h1', deadlineId: 'check-in-spring', year: 2026, sealedAt: '2026-05-14T10:00:00.000Z', sequence: 1, roundId: 'may' };

function mountAt(today: string, handIns: readonly HandInRef[], changed: ReadonlySet<string> = new Set()) {
  return mount(CyclePanel, { props: { year: 2026, statuses: cycleStatus(2026, handIns, today, undefined, changed), next: nextDue(today, handIns) } });
}

function states(panel: ReturnType<typeof mountAt>): Record<string, string> {
  return Object.fromEntries(panel.findAll('[data-testid="cycle-row"]').map((row) => [row.attributes('data-deadline') ?? '', row.get('td:last-child').text().replace(/\s+/g, ' ')]));
}

describe('CyclePanel', () => {
  it('before 15 May: the project plan is late, the spring check-in due soon, and it is what is next', () => {
    const panel = mountAt('2026-05-05', []);
    expect(panel.get('h2').text()).toBe('Årets avstämningar 2026');
    expect(states(panel)).toEqual({
      'project-plan': 'Försenad',
      'check-in-spring': 'Snart: 10 dagar kvar',
      'check-in-autumn': 'Kommande',
      'yearly-report': 'Kommande',
    });
    expect(panel.get('[data-testid="cycle-next"]').text()).toBe('Nästa: Skriftlig avstämning, våren, senast 15 maj 2026');
  });

  it('handed in on time, then changed after the hand-in; the autumn check-in is next', () => {
    const panel = mountAt('2026-06-01', [spring], new Set(['may']));
    expect(states(panel)['check-in-spring']).toBe('Inlämnad i tid · Inlämnad 14 maj 2026 · ändrad efter inlämning');
    expect(panel.get('[data-deadline="check-in-spring"]').attributes('data-state')).toBe('on-time');
    expect(panel.get('[data-testid="cycle-next"]').text()).toBe('Nästa: Skriftlig avstämning, hösten, senast 15 oktober 2026');
  });

  it('late when not handed in after the day, and handed in late when sealed after it', () => {
    const panel = mountAt('2026-10-20', [{ ...spring, sealedAt: '2026-05-20T10:00:00.000Z' }]);
    expect(states(panel)['check-in-spring']).toBe('Inlämnad för sent · Inlämnad 20 maj 2026');
    expect(states(panel)['check-in-autumn']).toBe('Försenad');
  });
});
