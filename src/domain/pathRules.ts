import type { LocalizedText, PathEvidenceRule, PathRules, PathStepNumber, PathStepRule, PathThreshold, PlacementCheck } from './types';

/**
 * The rules behind the path profile are data, part of the instrument (its optional `path` block), so a
 * network can replace them and a round's instrument version fixes the rules it is read with. Every rule
 * carries the reason for it; a step carries the seed's own words.
 */

// The rule types are part of the instrument, declared with it in types.ts (no circle between the two files).
export type { PathEvidenceRule, PathRules, PathStepNumber, PathStepRule, PathThreshold, PlacementCheck };

const text = (sv: string, en: string): LocalizedText => ({ sv, en });

/**
 * Our default, used by an instrument without its own `path` block. Published as `default-1`: a change
 * is a new rules version (and a new instrument version), never an edit of this one, so rounds read
 * with it keep their profile.
 */
export const DEFAULT_PATH_RULES: PathRules = {
  rulesVersion: 'default-1',
  thresholds: {
    taken: {
      level: 3,
      reason: text(
        'Ett steg räknas som taget när de namngivna påståendena i snitt är minst ”Delvis etablerat” (3): arbetet finns och syns, fast det inte är färdigt. Underlaget (Stockholms stads socialförvaltning, 2016) ger inga gränser; det här är vårt förslag.',
        'A step counts as taken when the named statements average at least “Partly established” (3): the work exists and shows, though it is not finished. The source (City of Stockholm social services administration, 2016) gives no thresholds; this is our proposal.',
      ),
    },
    onTheWay: {
      level: 2,
      reason: text(
        'På väg när snittet är minst ”Påbörjat” (2): gruppen har börjat, och underlaget från 2016 säger att ”varje steg innebär nya förutsättningar och möjligheter”.',
        'On the way when the mean is at least “Started” (2): the group has begun, and the 2016 source says that “each step brings new conditions and possibilities”.',
      ),
    },
  },
  steps: [
    {
      step: 1,
      seed: text('”Starkt förebyggande socialtjänst och ökad samverkan med öppna förskolan.”', '“Strong preventive social services and more cooperation with open preschool.”'),
      evidence: [
        {
          kind: 'services',
          services: ['socialServices', 'openPreschool'],
          reason: text('Steget handlar om socialtjänsten och öppna förskolan, så båda ska vara med.', 'The step is about social services and open preschool, so both must take part.'),
        },
        {
          kind: 'statements',
          goalId: 'goal-1',
          items: ['g1-open-to-all', 'g1-advice-talks', 'g1-parenting-groups'],
          reason: text(
            'Ett förebyggande socialt arbete syns i mål 1: öppet för alla, råd utan ärende och föräldraskapsstöd.',
            'Preventive social work shows in goal 1: open to all, advice without a case, and parenting support.',
          ),
        },
        {
          kind: 'statements',
          goalId: 'goal-2',
          items: ['g2-joint-activities'],
          reason: text('”Ökad samverkan med öppna förskolan” syns i aktiviteter som görs tillsammans.', '“More cooperation with open preschool” shows in activities done together.'),
        },
      ],
    },
    {
      step: 2,
      seed: text('”Utökad samverkan med BVC och BMM.”', '“Extended cooperation with BVC and BMM.”'),
      evidence: [
        {
          kind: 'services',
          services: ['bvc', 'bmm'],
          reason: text('Samverkan med BVC och BMM förutsätter att de är med.', 'Cooperation with BVC and BMM needs them to take part.'),
        },
        {
          kind: 'statements',
          goalId: 'goal-2',
          items: ['g2-working-group', 'g2-know-missions', 'g2-support-missions', 'g2-case-cooperation', 'g2-written-agreement'],
          reason: text(
            'Mål 2 nämner vad man gör tillsammans, att stödja varandras uppdrag och samarbete i ärenden.',
            'Goal 2 names what is done together, supporting each other’s mission and cooperation in cases.',
          ),
        },
      ],
    },
    {
      step: 3,
      seed: text('”Lokalisering nära varandra och tätt samarbete.”', '“Located near each other and cooperating closely.”'),
      evidence: [
        {
          kind: 'placement',
          taken: ['near', 'co-located'],
          onTheWay: [],
          reason: text('Profilens uppgift om var verksamheterna finns: nära varandra eller samlokaliserade.', 'The profile’s fact on where the services are: near each other or co-located.'),
        },
        {
          kind: 'statements',
          goalId: 'goal-3',
          items: ['g3-near-each-other', 'g3-fixed-hours', 'g3-meeting-place'],
          reason: text('Mål 3: ”ligga bredvid eller nära, ha fasta tider i varandras lokaler”.', 'Goal 3: “being next door or near, fixed hours in each other’s premises”.'),
        },
        {
          kind: 'statements',
          goalId: 'goal-2',
          items: ['g2-joint-activities', 'g2-case-cooperation', 'g2-joint-training'],
          reason: text('”Tätt samarbete”: aktiviteter, ärenden och fortbildning tillsammans.', '“Cooperating closely”: activities, cases and training together.'),
        },
      ],
    },
    {
      step: 4,
      seed: text('”Samlokalisering = Familjecentral!”', '“Co-location = a family centre!”'),
      evidence: [
        {
          kind: 'placement',
          taken: ['co-located'],
          onTheWay: ['near'],
          reason: text('Samlokaliserade enligt profilen; nära varandra är en bit på väg.', 'Co-located according to the profile; near each other is part of the way.'),
        },
        {
          kind: 'services',
          services: ['bmm', 'bvc', 'openPreschool', 'socialServices'],
          reason: text('En familjecentral samlar minst de fyra basverksamheterna.', 'A family centre brings together at least the four base services.'),
        },
        {
          kind: 'statements',
          goalId: 'goal-3',
          items: ['g3-shared-premises', 'g3-meeting-place', 'g3-private-rooms'],
          reason: text('Mål 3: ”dela lokal”, med en gemensam mötesplats och rum för enskilda samtal.', 'Goal 3: “sharing premises”, with a shared meeting place and rooms for private talks.'),
        },
        {
          kind: 'statements',
          goalId: 'goal-4',
          items: ['g4-parent-views', 'g4-parents-plan', 'g4-child-perspective'],
          reason: text(
            'Vår regel, inte underlagets: en familjecentral är mer än en delad lokal – mål 4 vill att verksamheten är ”relevant, meningsfull, tillgänglig och till hjälp för barn och deras föräldrar”.',
            'Our rule, not the source’s: a family centre is more than shared premises – goal 4 asks that the service be “relevant, meaningful, accessible and helpful for children and their parents”.',
          ),
        },
      ],
    },
  ],
  placementChecks: [
    {
      placement: 'co-located',
      itemId: 'g3-shared-premises',
      below: 2,
      reason: text('Profilen säger samlokaliserade, men gruppen har svarat att delad lokal inte är påbörjad.', 'The profile says co-located, but the group answered that shared premises are not started.'),
    },
    {
      placement: 'near',
      itemId: 'g3-shared-premises',
      atLeast: 3,
      reason: text('Profilen säger nära varandra, men gruppen har svarat att verksamheterna delar lokal.', 'The profile says near each other, but the group answered that the services share premises.'),
    },
    {
      placement: 'separate',
      itemId: 'g3-shared-premises',
      atLeast: 3,
      reason: text('Profilen säger åtskilda, men gruppen har svarat att verksamheterna delar lokal.', 'The profile says apart, but the group answered that the services share premises.'),
    },
    {
      placement: 'separate',
      itemId: 'g3-near-each-other',
      atLeast: 3,
      reason: text('Profilen säger åtskilda, men gruppen har svarat att verksamheterna ligger nära varandra.', 'The profile says apart, but the group answered that the services are near each other.'),
    },
    {
      placement: 'co-located',
      itemId: 'g3-near-each-other',
      below: 2,
      reason: text('Profilen säger samlokaliserade, men gruppen har svarat att verksamheterna inte ligger nära varandra.', 'The profile says co-located, but the group answered that the services are not near each other.'),
    },
  ],
};
