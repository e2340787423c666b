import { describe, expect, it } from 'vitest';
import { checkCheckInTemplate, DEFAULT_CHECK_IN_TEMPLATE, GOAL_SECTIONS, goalSection, OVERALL_SECTIONS, overallSection } from '@/domain/cycle/template';
import { targetState } from '@/domain/cycle/targets';

describe('the check-in template', () => {
  it('has by default every overall and per-goal section, with headings in Swedish and English', () => {
    expect(DEFAULT_CHECK_IN_TEMPLATE.overall.map((s) => s.id)).toEqual([...OVERALL_SECTIONS]);
    expect(DEFAULT_CHECK_IN_TEMPLATE.perGoal.map((s) => s.id)).toEqual([...GOAL_SECTIONS]);
    expect(goalSection(DEFAULT_CHECK_IN_TEMPLATE, 'since-last')?.heading).toEqual({ sv: 'Vad vi har gjort sedan förra avstämningen', en: 'What we did since the last check-in' });
    expect(overallSection(DEFAULT_CHECK_IN_TEMPLATE, 'participants')?.heading.sv).toBe('Vilka som deltog');
    expect(checkCheckInTemplate(DEFAULT_CHECK_IN_TEMPLATE)).toEqual({ ok: true, template: DEFAULT_CHECK_IN_TEMPLATE });
  });

  it('can be replaced by a network’s own: other headings, fewer sections, another order', () => {
    const own = {
      id: 'stockholm-avstamning',
      version: '2026.0.1',
      title: { sv: 'Avstämning i mall', en: 'Check-in' },
      overall: [{ id: 'participants', heading: { sv: 'Arbetsgruppen', en: 'The working group' } }],
      perGoal: [
        { id: 'reflection', heading: { sv: 'Hur går det?', en: 'How is it going?' }, prompt: { sv: 'Kort.', en: 'Briefly.' } },
        { id: 'since-last', heading: { sv: 'Gjort', en: 'Done' } },
      ],
    };
    const checked = checkCheckInTemplate(own);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(goalSection(checked.template, 'targets')).toBeUndefined();
  });

  it('names every problem in a network’s file with its place', () => {
    const checked = checkCheckInTemplate({
      id: 'Stor Bokstav',
      version: '1',
      title: { sv: 'Mall' },
      overall: [],
      perGoal: [
        { id: 'budget', heading: { sv: 'Budget', en: 'Budget' } },
        { id: 'reflection', heading: { sv: ' ', en: 'Reflection' } },
      ],
      extra: true,
    });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['id', 'version', 'title.en', 'overall', 'perGoal[0].id', 'perGoal[1].heading.sv', 'extra']),
      );
    }
  });

  it('refuses a section listed twice', () => {
    const twice = { ...DEFAULT_CHECK_IN_TEMPLATE, perGoal: [...DEFAULT_CHECK_IN_TEMPLATE.perGoal, DEFAULT_CHECK_IN_TEMPLATE.perGoal[0]] };
    expect(checkCheckInTemplate(twice).ok).toBe(false);
  });
});

describe('targetState', () => {
  const target = { level: 3, startLevel: 1 };

  it('is met at or above the target level', () => {
    expect(targetState(target, 3)).toBe('met');
    expect(targetState(target, 4)).toBe('met');
  });

  it('is on the way above where it started, not yet at or below it', () => {
    expect(targetState(target, 2)).toBe('on-the-way');
    expect(targetState(target, 1)).toBe('not-yet');
    expect(targetState({ level: 3, startLevel: null }, 2)).toBe('not-yet');
  });

  it('has no data without a rating: unanswered, "don’t know" or "not relevant" is not "not yet"', () => {
    expect(targetState(target, null)).toBe('no-data');
    expect(targetState(target, undefined)).toBe('no-data');
    expect(targetState(target, 'dont-know')).toBe('no-data');
    expect(targetState(target, 'not-relevant')).toBe('no-data');
  });
});
