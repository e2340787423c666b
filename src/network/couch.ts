import type { NetworkLogin } from '@/domain/network/network';

/**
 * The part of CouchDB's HTTP API the app uses, and that CouchDB 3 and the pouchdb-server stand-in
 * both implement: `_session` (cookie login), `_bulk_docs`, `_all_docs`, `_changes` (normal and
 * longpoll) and a document's GET. Nothing else: no replication protocol, no attachments, no views.
 */

export type CouchErrorCode = 'offline' | 'unauthorized' | 'forbidden' | 'conflict' | 'server';

export class CouchError extends Error {
  constructor(
    readonly code: CouchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

export interface BulkResult {
  readonly id: string;
  readonly ok?: boolean;
  readonly rev?: string;
  readonly error?: string;
  readonly reason?: string;
}

export interface ChangesResult {
  readonly results: readonly { id: string; seq: string | number; deleted?: boolean; doc?: { _conflicts?: readonly string[] } & Record<string, unknown> }[];
  readonly last_seq: string | number;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function codeOf(status: number): CouchErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  return 'server';
}

/**
 * One client per login. The login is a cookie session (`AuthSession`, HttpOnly, set by the server):
 * the password is sent once per session, and again when the server says the session ended (401).
 * Without a password (the coordinator's, never stored) the client relies on the cookie alone and a
 * 401 is the caller's to answer, by asking for the password.
 */
export function createCouchClient(address: string, login: NetworkLogin | { readonly name: string }, fetchImpl: Fetch = (input, init) => fetch(input, init)) {
  const password = 'password' in login ? login.password : undefined;
  let loggedIn = password === undefined;

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetchImpl(`${address}/${path}`, {
        ...init,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      });
    } catch (error) {
      // fetch rejects only when no answer came: offline, the server down, the connection cut.
      throw new CouchError('offline', error instanceof Error ? error.message : String(error));
    }
  }

  async function logIn(): Promise<void> {
    if (password === undefined) throw new CouchError('unauthorized', 'the session has ended');
    const response = await call('_session', { method: 'POST', body: JSON.stringify({ name: login.name, password }) });
    // A proxy with the server behind it gone answers 502/503/504: for the outbox that is "offline".
    if (response.status >= 502 && response.status <= 504) throw new CouchError('offline', `HTTP ${String(response.status)}`);
    if (!response.ok) throw new CouchError(codeOf(response.status), `login: HTTP ${String(response.status)}`);
    loggedIn = true;
  }

  /** A request as the login; logs in first, and once more if the session has ended. */
  async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
    if (!loggedIn) await logIn();
    let response = await call(path, init);
    if (response.status === 401) {
      loggedIn = false;
      await logIn();
      response = await call(path, init);
    }
    if (response.status >= 502 && response.status <= 504) throw new CouchError('offline', `HTTP ${String(response.status)}`);
    if (!response.ok) throw new CouchError(codeOf(response.status), `${path}: HTTP ${String(response.status)}`);
    return (await response.json()) as T;
  }

  const dbPath = (db: string) => encodeURIComponent(db);

  return {
    logIn,

    bulkDocs(db: string, docs: readonly object[]): Promise<BulkResult[]> {
      return request<BulkResult[]>(`${dbPath(db)}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs }) });
    },

    async allDocs(db: string, keys: readonly string[]): Promise<{ rows: readonly { key: string; doc?: unknown; error?: string }[] }> {
      return request(`${dbPath(db)}/_all_docs?include_docs=true`, { method: 'POST', body: JSON.stringify({ keys }) });
    },

    /** One revision of a document (a losing one of a conflict: CouchDB's `_conflicts` names them). */
    revision(db: string, id: string, rev: string): Promise<unknown> {
      return request(`${dbPath(db)}/${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`);
    },

    /**
     * Changes since `since`, each with its document and the revisions it conflicts with
     * (`conflicts=true`); with `waitMs` a longpoll that answers as soon as there is one.
     */
    changes(db: string, since: string, options: { waitMs?: number; limit?: number; signal?: AbortSignal } = {}): Promise<ChangesResult> {
      const query = new URLSearchParams({ since, include_docs: 'true', conflicts: 'true', limit: String(options.limit ?? 200) });
      if (options.waitMs !== undefined) {
        query.set('feed', 'longpoll');
        query.set('timeout', String(options.waitMs));
      }
      return request<ChangesResult>(`${dbPath(db)}/_changes?${query.toString()}`, options.signal ? { signal: options.signal } : {});
    },
  };
}

export type CouchClient = ReturnType<typeof createCouchClient>;
