import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import RoundPicker from '@/components/results/RoundPicker.vue';
import type { ScoredRound } from '@/domain/comparison';

function roundsOf(count: number): ScoredRound[] {
  return Array.from({ length: count }, (_, i) => ({ roundId: `r${String(i)}`, title: `Omgång ${String(i + 1)}`, period: 'VT 2026', date: '2026-03-01' }) as unknown as ScoredRound);
}

describe('RoundPicker', () => {
  it('draws the 20 newest and a chosen older round, and the rest when asked for', async () => {
    const wrapper = mount(RoundPicker, { props: { rounds: roundsOf(45), modelValue: ['r0', 'r44'] } });
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(21);
    expect(wrapper.find('input[value="r0"]').exists()).toBe(true);
    expect(wrapper.find('input[value="r10"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="round-picker-count"]').text()).toContain('21');
    await wrapper.get('[data-testid="round-picker-more"]').trigger('click');
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(41);
    await wrapper.get('[data-testid="round-picker-more"]').trigger('click');
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(45);
    expect(wrapper.find('[data-testid="round-picker-more"]').exists()).toBe(false);
  });

  it('shows no button when every round fits', () => {
    const wrapper = mount(RoundPicker, { props: { rounds: roundsOf(5), modelValue: [] } });
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(5);
    expect(wrapper.find('[data-testid="round-picker-more"]').exists()).toBe(false);
  });
});
