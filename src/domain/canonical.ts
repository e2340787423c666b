/**
 * One spelling of a value as JSON, so that equal content gives equal text on every device and in
 * every browser: object keys sorted by UTF-16 code unit (not by locale, which differs between
 * engines), array order kept, properties whose value is undefined left out, no whitespace. What
 * JSON cannot say faithfully (NaN, Infinity, BigInt) is refused rather than silently changed,
 * because a hash over a changed value would vouch for something nobody wrote.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, '$');
  if (text === undefined) throw new TypeError('canonicalJson: nothing to write at $');
  return text;
}

function write(value: unknown, path: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} at ${path} has no JSON form`);
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError(`canonicalJson: a BigInt at ${path} has no JSON form`);
    default:
      break;
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON(), path);
  if (Array.isArray(value)) {
    // As JSON.stringify does: an array keeps its length, so a hole is written as null.
    return `[${value.map((item: unknown, index) => write(item, `${path}[${String(index)}]`) ?? 'null').join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  // The default sort compares UTF-16 code units, which is what we want here.
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key], `${path}.${key}`);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

// contentHash lives in ./contentHash: merge needs canonicalJson on the first screen, and a bundler
// keeps a module's imports with it, so SHA-256 in this file would ship in the first download.
