import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { meetingActions, type MeetingActions } from '@/domain/meeting';
import { useActionsStore } from '@/stores/actions';

const none: MeetingActions = { open: [], decided: [] };

/** The actions a presentation opens and closes with, live from the database. */
export function useMeetingActions(
  centreId: MaybeRefOrGetter<string>,
  previousRoundId: MaybeRefOrGetter<string | undefined>,
  newestRoundId: MaybeRefOrGetter<string | undefined>,
) {
  const all = useActionsStore().watchCentreActions(centreId);
  return computed<MeetingActions>(() => (all.data.value ? meetingActions(all.data.value, toValue(previousRoundId), toValue(newestRoundId)) : none));
}
