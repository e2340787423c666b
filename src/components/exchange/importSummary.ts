import type { ImportPlan, IdCollision, MergeAction, RecordKind } from '@/domain/exchange/merge';
import { RECORD_KINDS } from '@/domain/exchange/merge';
import type { MessageKey } from '@/i18n';
import type { Locale } from '@/domain/types';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type TranslatePlural = (key: MessageKey, count: number, params?: Record<string, string | number>) => string;

/** "1 omgång, 105 svar och 12 åtgärder": what one action of a plan does, per kind, with plural forms. */
export function kindList(plan: ImportPlan, action: MergeAction, locale: Locale, tn: TranslatePlural): string {
  const parts = RECORD_KINDS.filter((kind) => plan.countsByKind[kind][action] > 0).map((kind: RecordKind) =>
    tn(`importProblems.counts.${kind}`, plan.countsByKind[kind][action]),
  );
  return new Intl.ListFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { type: 'conjunction' }).format(parts);
}

/** One sentence per collision, naming the place in the file, the kind of record and whose it is. */
export function collisionText(collision: IdCollision, t: Translate): string {
  const params = {
    path: collision.path,
    what: t(`importProblems.what.${collision.kind}`),
    id: collision.id,
    owner: collision.ownerName ?? t('importProblems.unknownOwner'),
  };
  const key = collision.owner === 'otherRound' ? 'importProblems.collisionRound' : collision.owner === 'sealed' ? 'importProblems.collisionSealed' : 'importProblems.collision';
  return t(key, params);
}
