import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { repository } from '../../fixtures/repository';
import { createRound } from '@/domain/records';
import { setLocale } from '@/i18n';
import { routes } from '@/modules/router';
import QuestionnaireView from '@/views/QuestionnaireView.vue';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { smallInstrument } from '../../fixtures/instruments';
import { makeCentre, roundInput } from '../../fixtures/records';

/** A round whose instrument version this device does not hold says so, instead of loading for ever. */
describe('a round answered with an instrument version the device lacks', () => {
  beforeEach(async () => {
    await emptyAppDatabase();
    setLocale('sv');
  });

  it('names the instrument and version and links to the instrument page', async () => {
    const centre = makeCentre();
    await repository.addCentre(centre);
    const round = { ...createRound(centre.id, roundInput(), smallInstrument), instrumentId: 'natverket-sodra', instrumentVersion: '2.0.0' };
    await repository.addRound(round);
    const router = createRouter({ history: createMemoryHistory(), routes });
    await router.push({ name: 'round', params: { centreId: centre.id, roundId: round.id } });
    await router.isReady();
    const view = mount(QuestionnaireView, { props: { centreId: centre.id, roundId: round.id }, global: { plugins: [createPinia(), router] } });
    await expect
      .poll(async () => {
        await flushPromises();
        return view.text();
      })
      .toContain('natverket-sodra version 2.0.0');
    expect(view.find('[role="alert"] a').attributes('href')).toBe('/instruments');
    expect(view.text()).not.toContain('Laddar');
    view.unmount();
  });
});
