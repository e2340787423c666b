import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { repository } from '@/db';
import { meetingActions, type MeetingActions } from '@/domain/meeting';
import { useLiveQuery } from './useLiveQuery';

const none: MeetingActions = { open: [], decided: [] };

/** The actions a presentation opens and closes with, live from the database. */
export function useMeetingActions(
  centreId: MaybeRefOrGetter<string>,
  previousRoundId: MaybeRefOrGetter<string | undefined>,
  newestRoundId: MaybeRefOrGetter<string | undefined>,
) {
  const all = useLiveQuery((id) => repository.listCentreActions(id), () => toValue(centreId));
  return computed<MeetingActions>(() => (all.data.value ? meetingActions(all.data.value, toValue(previousRoundId), toValue(newestRoundId)) : none));
}
