import { describe, expect, it } from 'vitest';
import { handInDocId, isDatabaseName, isNetworkAddress, networkIsSet, parseNetworkJson, retryDelayMs, EMPTY_NETWORK } from '@/domain/network/network';

describe('the network settings', () => {
  it('takes only a path of the app’s own origin as the address, so the CSP stays connect-src self', () => {
    expect(isNetworkAddress('/couchdb')).toBe(true);
    expect(isNetworkAddress('/region/couchdb/')).toBe(true);
    expect(isNetworkAddress('https://couch.example.se')).toBe(false);
    expect(isNetworkAddress('//couch.example.se')).toBe(false);
    expect(isNetworkAddress('couchdb')).toBe(false);
    expect(isNetworkAddress('/couchdb/../admin')).toBe(false);
    expect(isNetworkAddress('/couchdb?x=1')).toBe(false);
  });

  it('takes CouchDB’s database names: lower case, a letter first', () => {
    expect(isDatabaseName('fc-fittja')).toBe(true);
    expect(isDatabaseName('Fittja')).toBe(false);
    expect(isDatabaseName('_users')).toBe(false);
    expect(isDatabaseName('1fc')).toBe(false);
  });

  it('reads network.json: the address (without its trailing slash) and the databases, and refuses anything else', () => {
    expect(parseNetworkJson('{"address":"/couchdb/","databases":[{"db":"fc-fittja","label":"Fittja"},{"db":"fc-alby"}]}')).toEqual({
      ok: true,
      address: '/couchdb',
      databases: [{ db: 'fc-fittja', label: 'Fittja' }, { db: 'fc-alby' }],
    });
    expect(parseNetworkJson('{"address":"https://evil.example","databases":[]}')).toEqual({ ok: false, problem: 'address' });
    expect(parseNetworkJson('{"address":"/couchdb","databases":[{"db":"Fittja"}]}')).toEqual({ ok: false, problem: 'databases' });
    expect(parseNetworkJson('{"address":"/couchdb"}')).toEqual({ ok: false, problem: 'databases' });
    expect(parseNetworkJson('<html>')).toEqual({ ok: false, problem: 'notJson' });
  });

  it('is not set without an address: then nothing is sent', () => {
    expect(networkIsSet(undefined)).toBe(false);
    expect(networkIsSet(EMPTY_NETWORK)).toBe(false);
    expect(networkIsSet({ ...EMPTY_NETWORK, address: '/couchdb' })).toBe(true);
  });
});

describe('a hand-in’s document id', () => {
  const handIn = { id: '0b7d3c1e-0000-4000-8000-000000000001', hash: `sha256:${'ab'.repeat(32)}` };

  it('is the same every time for the same hand-in, so sending twice names one document', () => {
    expect(handInDocId(handIn)).toBe(handInDocId({ ...handIn }));
    expect(handInDocId(handIn)).toBe(`hand-in:${handIn.id}:${'ab'.repeat(8)}`);
  });

  it('differs for another hand-in (a changed round is handed in anew) and for another hash', () => {
    expect(handInDocId({ ...handIn, id: '0b7d3c1e-0000-4000-8000-000000000002' })).not.toBe(handInDocId(handIn));
    expect(handInDocId({ ...handIn, hash: `sha256:${'cd'.repeat(32)}` })).not.toBe(handInDocId(handIn));
  });
});

describe('the retry delay', () => {
  it('doubles from 2 s and stops at 5 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(0)).toBe(2_000);
    expect(retryDelayMs(30)).toBe(300_000);
  });
});
