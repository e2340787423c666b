import { flushPromises, mount } from '@vue/test-utils';
import { getActivePinia, type Pinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import QuestionnaireFooter from '@/components/questionnaire/QuestionnaireFooter.vue';
import type { Round, RoundStatus } from '@/domain/types';
import { setLocale } from '@/i18n';
import { routes } from '@/modules/router';
import { useQuestionnaireStore } from '@/stores/questionnaire';
import { endScenarios, givenCentre, type CentreScenario } from '../../fixtures/scenario';
import { repository } from '../../fixtures/repository';

/** The Pinia the scenario's stores live in (givenCentre makes it active). */
function scenarioPinia(): Pinia {
  const pinia = getActivePinia();
  if (!pinia) throw new Error('no scenario');
  return pinia;
}

afterEach(() => {
  endScenarios();
  setLocale('sv');
});

interface FooterSetup {
  readonly centre: CentreScenario;
  readonly round: Round;
  readonly status?: RoundStatus;
  readonly previousGoalId?: string;
  readonly nextGoalId?: string;
}

async function mountFooter({ centre, round, status = 'in-progress', previousGoalId, nextGoalId }: FooterSetup) {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push({ name: 'goal', params: { centreId: centre.centreId, roundId: round.id, goalId: 'goal-2' } });
  await router.isReady();
  // The footer reads the round open in the questionnaire store: wait until it has read what was stored.
  const [answers, reflections] = await Promise.all([repository.listAnswers(round.id), repository.listReflections(round.id)]);
  const questionnaire = useQuestionnaireStore();
  await vi.waitFor(() => {
    expect(questionnaire.answers.size).toBe(answers.length);
    expect(questionnaire.reflections.size).toBe(reflections.length);
  });
  const footer = mount(QuestionnaireFooter, {
    props: { centreId: centre.centreId, roundId: round.id, status, previousGoalId, nextGoalId },
    global: { plugins: [scenarioPinia(), router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { footer, router };
}

type Footer = Awaited<ReturnType<typeof mountFooter>>['footer'];

/** A link or button of the footer itself (the dialog's buttons are not among them). */
function control(footer: Footer, text: string) {
  const found = footer.get('nav').findAll('a, button').find((candidate) => candidate.text().includes(text));
  if (!found) throw new Error(`no control "${text}" in: ${footer.text()}`);
  return found;
}

/** Every goal but goal 1 marked not relevant, and goal 1's statements all answered: nothing left. */
async function answeredRound(centre: CentreScenario): Promise<Round> {
  const [firstGoal, ...others] = centre.instrument.goals;
  return centre.round('VT 2026', {
    answers: Object.fromEntries((firstGoal?.items ?? []).map((item) => [item.id, 3])),
    notRelevant: others.map((goal) => goal.id),
  });
}

describe('QuestionnaireFooter', () => {
  it('links the goals before and after, and the results', async () => {
    const centre = await givenCentre();
    const round = await centre.round('VT 2026');
    const { footer } = await mountFooter({ centre, round, previousGoalId: 'goal-1', nextGoalId: 'goal-3' });
    expect(control(footer, 'Föregående mål').attributes('href')).toContain('goal-1');
    expect(control(footer, 'Nästa mål').attributes('href')).toContain('goal-3');
    expect(control(footer, 'Resultat').attributes('href')).toContain(round.id);
    expect(footer.get('nav').attributes('aria-label')).toBe('Mål');
  });

  it('shows no previous goal on the first goal and no next goal on the last', async () => {
    const centre = await givenCentre();
    const round = await centre.round('VT 2026');
    const { footer } = await mountFooter({ centre, round });
    expect(footer.get('nav').text()).not.toContain('Föregående mål');
    expect(footer.get('nav').text()).not.toContain('Nästa mål');
  });

  it('takes the group to the first statement not yet answered', async () => {
    const centre = await givenCentre();
    const [firstGoal] = centre.instrument.goals;
    const [answered, open] = firstGoal?.items ?? [];
    if (!answered || !open) throw new Error('the default instrument changed');
    const round = await centre.round('VT 2026', { answers: { [answered.id]: 2 } });
    const { footer, router } = await mountFooter({ centre, round });
    await control(footer, 'Gå till första obesvarade').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.hash).toBe(`#item-${open.id}`));
    expect(router.currentRoute.value.params.goalId).toBe('goal-1');
  });

  it('says every statement is answered instead, when it is', async () => {
    const centre = await givenCentre();
    const round = await answeredRound(centre);
    const { footer } = await mountFooter({ centre, round });
    expect(footer.get('[role="status"]').text()).toBe('Alla påståenden är besvarade.');
    expect(footer.get('nav').text()).not.toContain('Gå till första obesvarade');
  });

  it('asks before finishing a round with statements unanswered, says how many, and finishes only when told to', async () => {
    const centre = await givenCentre();
    const round = await centre.round('VT 2026');
    const total = centre.instrument.goals.reduce((sum, goal) => sum + goal.items.length, 0);
    const { footer, router } = await mountFooter({ centre, round });
    await control(footer, 'Markera omgången som klar').trigger('click');
    const dialog = footer.get<HTMLDialogElement>('dialog');
    expect(dialog.element.open).toBe(true);
    expect(dialog.text()).toContain(`${String(total)} påståenden är obesvarade. Vill du markera omgången som klar ändå?`);
    await dialog.findAll('button').find((button) => button.text() === 'Avbryt')?.trigger('click');
    expect((await repository.getRound(round.id))?.status).toBe('in-progress');
    await control(footer, 'Markera omgången som klar').trigger('click');
    await dialog.findAll('button').find((button) => button.text() === 'Markera som klar')?.trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('centre'), { timeout: 5000 });
    expect((await repository.getRound(round.id))?.status).toBe('complete');
  });

  it('finishes a round with everything answered at once, and offers no finishing when it is finished', async () => {
    const centre = await givenCentre();
    const round = await answeredRound(centre);
    const { footer, router } = await mountFooter({ centre, round });
    await control(footer, 'Markera omgången som klar').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('centre'), { timeout: 5000 });
    expect(footer.get<HTMLDialogElement>('dialog').element.open).toBe(false);
    expect((await repository.getRound(round.id))?.status).toBe('complete');
    await footer.setProps({ status: 'complete' });
    expect(footer.get('nav').text()).not.toContain('Markera omgången som klar');
  });

  it('says it in English', async () => {
    setLocale('en');
    const centre = await givenCentre();
    const round = await centre.round('VT 2026');
    const { footer } = await mountFooter({ centre, round, previousGoalId: 'goal-1', nextGoalId: 'goal-3' });
    for (const text of ['Previous goal', 'Next goal', 'Go to the first unanswered', 'Results']) control(footer, text);
    await control(footer, 'Mark the round as complete').trigger('click');
    expect(footer.get('dialog').text()).toContain('statements are unanswered. Mark the round as complete anyway?');
  });
});
