/**
 * The keys under which the settings table keeps what belongs to one centre or one round, in one
 * place: the stores read and write them, and removing a centre or round for good removes them with
 * it (src/db/deletions.ts), so nothing of a removed centre stays behind under a key nobody reads.
 */

/** When the centre's file was last exported (the backup reminder). */
export const lastExportKey = (centreId: string): string => `lastExport:${centreId}`;

/** Whether a round's individual ratings show the participants' names. */
export const showNamesKey = (roundId: string): string => `showNames:${roundId}`;

/** The group finished reviewing the previous round's open actions for this round. */
export const reviewSettingKey = (roundId: string): string => `actionReview:${roundId}`;

/** The network's settings (src/db/network.ts), with each centre's login under `centres[centreId]`. */
export const NETWORK_SETTINGS_KEY = 'network';

/** Every key that belongs to the round. */
export const roundSettingKeys = (roundId: string): string[] => [showNamesKey(roundId), reviewSettingKey(roundId)];
