import { liveQuery } from '@/db';
import { networkRepository } from '@/db/network';
import { networkIsSet } from '@/domain/network/network';
import { createOutbox } from './outbox';

/**
 * The network's code, loaded lazily (after the first screen, and only to look whether a network is
 * set). One outbox per tab; it sends when the settings, the hand-ins or the connection change.
 */
export const outbox = createOutbox();

let watching: { unsubscribe: () => void } | undefined;

/** Starts the outbox if a network is set; a device without one makes no request at all. */
export function startNetwork(): void {
  if (watching) return;
  void networkRepository.forgetCoordinatorPassword();
  // Every change of the hand-ins or the settings (in this tab or another) is a reason to look.
  watching = liveQuery(async () => {
    const settings = await networkRepository.getSettings();
    return networkIsSet(settings) && Object.keys(settings.centres).length > 0 ? `${String(await networkRepository.handInCount())}|${JSON.stringify(settings)}` : '';
  }).subscribe({
    next: (key) => {
      if (key === '') outbox.stop();
      else {
        outbox.start();
        void outbox.run();
      }
    },
  });
}
