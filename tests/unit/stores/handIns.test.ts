import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { repository } from '../../fixtures/repository';
import type { Deadline } from '@/domain/cycle/deadlines';
import { DEADLINES_SETTING, TEMPLATE_SETTING } from '@/domain/cycle/settings';
import { DEFAULT_CHECK_IN_TEMPLATE, type CheckInTemplate } from '@/domain/cycle/template';
import { createCentre, createRound } from '@/domain/records';
import { useCycleSettingsStore } from '@/stores/cycleSettings';
import { useHandInsStore } from '@/stores/handIns';
import { useInstrumentStore } from '@/stores/instrument';
import { emptyAppDatabase } from '../../fixtures/appDatabase';
import { centreInput, participant, roundInput } from '../../fixtures/records';

const networkTemplate: CheckInTemplate = { ...DEFAULT_CHECK_IN_TEMPLATE, id: 'stadens-mall', title: { sv: 'Stadens avstämning', en: "The city's check-in" } };
const networkDeadlines: Deadline[] = [
  { id: 'plan', kind: 'project-plan', monthDay: '04-01', title: { sv: 'Plan', en: 'Plan' } },
  { id: 'check-in-may-20', kind: 'check-in', monthDay: '05-20', title: { sv: 'Avstämning 20 maj', en: 'Check-in 20 May' } },
  { id: 'report', kind: 'yearly-report', monthDay: '10-31', title: { sv: 'Rapport', en: 'Report' } },
];

beforeEach(async () => {
  await emptyAppDatabase();
  setActivePinia(createPinia());
});

describe('handing in from the store', () => {
  it("seals in the network's template and deadlines even before the settings' live query has answered", async () => {
    const instrument = await useInstrumentStore().load();
    if (!instrument) throw new Error('no instrument');
    await repository.setSetting(TEMPLATE_SETTING, JSON.stringify(networkTemplate));
    await repository.setSetting(DEADLINES_SETTING, JSON.stringify(networkDeadlines));
    const centre = createCentre(centreInput());
    await repository.addCentre(centre);
    const round = createRound(centre.id, roundInput({ date: '2026-05-05', participants: [participant('Anna', 'BVC')] }), instrument);
    await repository.addRound(round);

    const handIns = useHandInsStore();
    handIns.open(centre.id);
    // The page's copy of the settings is still the default at this moment.
    expect(useCycleSettingsStore().loaded).toBe(false);
    expect(useCycleSettingsStore().template.id).toBe(DEFAULT_CHECK_IN_TEMPLATE.id);
    const sealed = await handIns.seal(round.id, 'check-in-may-20', 2026);

    expect(sealed?.deadlineId).toBe('check-in-may-20');
    expect(sealed?.document.kind === 'check-in' && sealed.document.template).toEqual(networkTemplate);
  });
});
