import { EXPORT_FORMAT_VERSION } from './format';

/**
 * Upgrades of older export files, one step per format version: `UPGRADES[n]` turns a version-n file
 * into a version n+1 file. When the format changes, add the step here and keep a fixture of the old
 * version in tests/fixtures/exports/.
 */
export const UPGRADES: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  // 1 → 2: action plans and individual ratings did not exist yet.
  1: (data) => ({ ...data, actions: [], ratings: [] }),
  // 2 → 3: own items and network instruments did not exist yet.
  2: (data) => ({ ...data, localItems: [], instrumentDefinitions: [] }),
  // 3 → 4: an action's history is known from its status at its last save (as the device's v7 upgrade
  // does); no documents of the cycle yet; every older file was a full copy, i.e. a backup.
  3: (data) => ({
    ...data,
    actions: Array.isArray(data.actions) ? data.actions.map(withHistory) : data.actions,
    audience: 'backup',
    ratingSpread: [],
    handIns: [],
    projectPlans: [],
    yearlyReports: [],
  }),
};

/** Leaves anything that is not an action as it is, for the schema to word what is wrong with it. */
function withHistory(action: unknown): unknown {
  if (action === null || typeof action !== 'object' || Array.isArray(action) || 'statusHistory' in action) return action;
  const { status, updatedAt, roundId } = action as Record<string, unknown>;
  return { ...action, statusHistory: [{ status, at: updatedAt, roundId }] };
}

export type UpgradeResult = { ok: true; data: Record<string, unknown>; from: number } | { ok: false; version: string };

export function upgradeToCurrent(data: Record<string, unknown>, upgrades = UPGRADES, current = EXPORT_FORMAT_VERSION): UpgradeResult {
  const version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > current) {
    return { ok: false, version: typeof version === 'number' || typeof version === 'string' ? String(version) : typeof version };
  }
  let upgraded = data;
  for (let step = version; step < current; step++) {
    const upgrade = upgrades[step];
    if (!upgrade) return { ok: false, version: String(version) };
    upgraded = { ...upgrade(upgraded), formatVersion: step + 1 };
  }
  return { ok: true, data: upgraded, from: version };
}
