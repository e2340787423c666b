import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical';

/**
 * Apart from canonical.ts on purpose: import this only from code that loads lazily (sealing,
 * checking a hand-in), so SHA-256 stays out of the first download; `npm run size -- --check` fails
 * when it is found there.
 */

export const HASH_PREFIX = 'sha256:';

/**
 * `sha256:<hex>` of the canonical JSON's UTF-8 bytes. Synchronous on purpose: SubtleCrypto is
 * async and missing on plain-http origins, where a tablet on a local network may reach the app.
 */
export function contentHash(value: unknown): string {
  return HASH_PREFIX + bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
