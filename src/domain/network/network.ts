import type { HandIn } from '../cycle/handIn';
import { HASH_PREFIX } from '../contentHash';
import type { ExportFile } from '../exchange/format';

/**
 * Hand-ins over a CouchDB server, for networks that outgrow e-mailed files. The server is reached
 * through a path of the app's own origin (a reverse proxy), so the CSP stays `connect-src 'self'`.
 * One database per centre: CouchDB's `_security` gives each centre's role read and write on its own
 * database only, and the coordinator's role reads every one of them (see the README).
 */

/** A login on the server: a CouchDB user of the `_users` database. */
export interface NetworkLogin {
  readonly name: string;
  readonly password: string;
}

/**
 * The coordinator's login as the device keeps it: the name only. The coordinator reads every
 * centre, and reads only while the page is open, so the server's session cookie suffices and the
 * password is never stored; when the session ends, the page asks for it again.
 */
export interface CoordinatorLogin {
  readonly name: string;
}

/** A centre of the network: the database its hand-ins go to. */
export interface NetworkDatabase {
  readonly db: string;
  readonly label?: string;
}

/** A centre of this device on the network: its database and login. */
export interface NetworkCentre {
  readonly db: string;
  readonly login: NetworkLogin;
  /**
   * When the login was first set (ISO). Hand-ins sealed from then on go by themselves; those sealed
   * before were handed in another way (a file, or not at all yet) and go only when the group says so
   * ("Skicka tidigare inlämningar"). Absent in settings stored before this rule: then all go, as they did.
   */
  readonly since?: string;
}

/**
 * What the device knows of its network, set once. `centres` links a centre on this device to its
 * database and login; `coordinator` is the coordinator's login and reads every database of the list.
 */
export interface NetworkSettings {
  /** A path of this origin, e.g. `/couchdb`, never another host. */
  readonly address: string;
  readonly databases: readonly NetworkDatabase[];
  readonly centres: Readonly<Record<string, NetworkCentre>>;
  readonly coordinator?: CoordinatorLogin;
}

export const EMPTY_NETWORK: NetworkSettings = { address: '', databases: [], centres: {} };

/** CouchDB's rule for database names (lower case, a letter first). */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;
/** A same-origin path: starts with one slash, no scheme, no `..`, no query. */
const ADDRESS = /^\/(?!\/)[A-Za-z0-9._~\-/]*$/;

export type NetworkProblem = 'address' | 'databases' | 'notJson';

export function isNetworkAddress(value: string): boolean {
  return ADDRESS.test(value) && !value.split('/').includes('..');
}

export function isDatabaseName(value: string): boolean {
  return DB_NAME.test(value);
}

/** The address without its trailing slash, so that `${address}/${db}` is one path. */
export function normaliseAddress(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/**
 * Reads the `network.json` a municipality serves beside the app:
 * `{ "address": "/couchdb", "databases": [{ "db": "fc-fittja", "label": "Fittja" }] }`.
 * Only the address and the list are taken; logins are never in that file.
 */
export function parseNetworkJson(text: string): { ok: true; address: string; databases: NetworkDatabase[] } | { ok: false; problem: NetworkProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (data === null || typeof data !== 'object') return { ok: false, problem: 'notJson' };
  const { address, databases } = data as { address?: unknown; databases?: unknown };
  if (typeof address !== 'string' || !isNetworkAddress(normaliseAddress(address) || '/')) return { ok: false, problem: 'address' };
  if (!Array.isArray(databases)) return { ok: false, problem: 'databases' };
  const list: NetworkDatabase[] = [];
  for (const entry of databases as unknown[]) {
    if (entry === null || typeof entry !== 'object') return { ok: false, problem: 'databases' };
    const { db, label } = entry as { db?: unknown; label?: unknown };
    if (typeof db !== 'string' || !isDatabaseName(db)) return { ok: false, problem: 'databases' };
    if (label !== undefined && typeof label !== 'string') return { ok: false, problem: 'databases' };
    list.push(typeof label === 'string' ? { db, label: label.slice(0, 200) } : { db });
  }
  return { ok: true, address: normaliseAddress(address), databases: list };
}

/** Whether anything is set up: without an address nothing is sent or fetched. */
export function networkIsSet(settings: NetworkSettings | undefined): settings is NetworkSettings {
  return settings !== undefined && settings.address !== '';
}

export const HAND_IN_DOC_TYPE = 'familjecentral-hand-in';

/**
 * The document of one hand-in on the server. Its id is the hand-in's id and hash, so sending it
 * again names the same document and creates nothing new, and a changed round (a new hand-in with
 * its own id) is a new document, never an overwrite. `file` is the centre's file "Till
 * samordnaren" as it was when the hand-in was sent: the coordinator's workspace reads it like an
 * imported file, with the same validation.
 */
export interface HandInDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly type: typeof HAND_IN_DOC_TYPE;
  readonly handInId: string;
  readonly centreId: string;
  readonly hash: string;
  readonly sealedAt: string;
  readonly file: ExportFile;
}

export function handInDocId(handIn: Pick<HandIn, 'id' | 'hash'>): string {
  const hex = handIn.hash.startsWith(HASH_PREFIX) ? handIn.hash.slice(HASH_PREFIX.length) : handIn.hash;
  return `hand-in:${handIn.id}:${hex.slice(0, 16)}`;
}

export function buildHandInDoc(handIn: HandIn, file: ExportFile): HandInDoc {
  return { _id: handInDocId(handIn), type: HAND_IN_DOC_TYPE, handInId: handIn.id, centreId: handIn.centreId, hash: handIn.hash, sealedAt: handIn.sealedAt, file };
}

/** Whether a hand-in goes by itself once the centre has a login: sealed at or after the login was set. */
export function goesByItself(handIn: Pick<HandIn, 'sealedAt'>, centre: Pick<NetworkCentre, 'since'>): boolean {
  return centre.since === undefined || handIn.sealedAt >= centre.since;
}

/** Seconds before the next try after `attempts` failures: 2, 4, 8 … capped at 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}
