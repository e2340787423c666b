import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import RatingSpread from '@/components/questionnaire/RatingSpread.vue';
import type { AnswerValue, IndividualRating, Participant } from '@/domain/types';
import { smallInstrument } from '../../fixtures/instruments';

const participants: Participant[] = [
  { id: 'p1', name: 'Anna', role: 'BVC' },
  { id: 'p2', name: '', role: 'BMM' },
  { id: 'p3', name: 'Cecilia', role: '' },
];

function ratingsOf(values: readonly AnswerValue[]): IndividualRating[] {
  return values.map((value, index) => ({
    id: `r${String(index)}`,
    roundId: 'round',
    itemId: 'a-1',
    participantId: `p${String(index + 1)}`,
    value,
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
}

function mountSpread(values: readonly AnswerValue[], { revealed = true, showNames = false } = {}) {
  return mount(RatingSpread, {
    props: { ratings: ratingsOf(values), participants, levels: smallInstrument.scale.levels, revealed, showNames },
  });
}

function step(wrapper: ReturnType<typeof mountSpread>, value: number) {
  return wrapper.get(`li[data-value="${String(value)}"]`);
}

describe('RatingSpread', () => {
  it('shows nothing of the ratings until everyone has rated', () => {
    const wrapper = mountSpread([1, 2, 4], { revealed: false, showNames: true });
    expect(wrapper.get('[data-testid="spread-hidden"]').text()).toBe('Dolt tills alla har bedömt');
    expect(wrapper.find('li').exists()).toBe(false);
    expect(wrapper.find('[data-testid="spread-range"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="spread-flag"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Anna');
    expect(wrapper.text()).not.toMatch(/person/);
  });

  it('shows a dot per rating and the count as text for every scale step', () => {
    const wrapper = mountSpread([4, 1, 4]);
    expect(wrapper.findAll('li')).toHaveLength(4);
    expect(step(wrapper, 1).text()).toContain('1 person');
    expect(step(wrapper, 1).get('.rating-spread__dots').text()).toBe('●');
    expect(step(wrapper, 4).text()).toContain('2 personer');
    expect(step(wrapper, 4).get('.rating-spread__dots').text()).toBe('●●');
    expect(step(wrapper, 2).text()).toContain('0 personer');
    // the scale step's label is there for screen readers, not only its number
    expect(step(wrapper, 4).text()).toContain('Nivå 4');
  });

  it('shows min–max', () => {
    expect(mountSpread([1, 2, 4]).get('[data-testid="spread-range"]').text()).toBe('Min–max: 1–4');
    expect(mountSpread([3]).get('[data-testid="spread-range"]').text()).toBe('Min–max: 3–3');
  });

  it('flags differing views when the range is 2 or more, and not otherwise', () => {
    expect(mountSpread([1, 2, 4]).get('[data-testid="spread-flag"]').text()).toContain('Olika uppfattningar – värt att diskutera');
    expect(mountSpread([2, 4]).find('[data-testid="spread-flag"]').exists()).toBe(true);
    expect(mountSpread([2, 3, 3]).find('[data-testid="spread-flag"]').exists()).toBe(false);
    expect(mountSpread([4]).find('[data-testid="spread-flag"]').exists()).toBe(false);
  });

  it('counts "don\'t know" and "not relevant" apart from the scale', () => {
    const wrapper = mountSpread(['dont-know', 3, 'not-relevant']);
    expect(wrapper.text()).toContain('Vet inte: 1');
    expect(wrapper.text()).toContain('Inte aktuellt: 1');
    expect(wrapper.get('[data-testid="spread-range"]').text()).toBe('Min–max: 3–3');
    expect(step(wrapper, 3).text()).toContain('1 person');
  });

  it('is anonymous unless names are shown', () => {
    const wrapper = mountSpread([1, 2, 1]);
    expect(wrapper.find('[data-testid="spread-names"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Anna');
    expect(wrapper.text()).not.toContain('Cecilia');
  });

  it('shows names beside the steps when the group chooses, with a number for a participant without a name', () => {
    const wrapper = mountSpread([1, 2, 1], { showNames: true });
    expect(step(wrapper, 1).get('[data-testid="spread-names"]').text()).toBe('(Anna, Cecilia)');
    expect(step(wrapper, 2).get('[data-testid="spread-names"]').text()).toBe('(Deltagare 2)');
    expect(step(wrapper, 3).find('[data-testid="spread-names"]').exists()).toBe(false);
  });
});
