import { parseExportText, type ImportProblem } from '../exchange/schema';
import type { ExportFile } from '../exchange/format';
import type { Instrument } from '../types';
import { HAND_IN_DOC_TYPE, type HandInDoc } from './network';

// Apart from network.ts because the import validation brings valibot: only the coordinator's feed needs it.

export type ReadDocResult = { ok: true; file: ExportFile; handInId: string } | { ok: false; problems: ImportProblem[] };

/**
 * Checks a document from the server as strictly as a file picked by hand: the file inside goes
 * through the import validation (schema, references, every hand-in's hash against its document),
 * and the document must name a hand-in that the file holds, of its own centre. A document edited
 * on the server – a field of the wrong type, markup slipped into a sealed text – is refused.
 */
export function readHandInDoc(doc: unknown, instruments: readonly Instrument[]): ReadDocResult {
  if (doc === null || typeof doc !== 'object') return { ok: false, problems: [{ code: 'notExport', path: '' }] };
  const { type, handInId, centreId, hash, file } = doc as Partial<Record<keyof HandInDoc, unknown>>;
  if (type !== HAND_IN_DOC_TYPE || typeof handInId !== 'string' || typeof centreId !== 'string' || typeof hash !== 'string') {
    return { ok: false, problems: [{ code: 'notExport', path: '' }] };
  }
  // Through the text, as a file would come, so that the size limit and the JSON rules apply too.
  const parsed = parseExportText(JSON.stringify(file ?? null), instruments);
  if (!parsed.ok) return parsed;
  if (parsed.file.centre.id !== centreId) return { ok: false, problems: [{ code: 'unknownReference', path: 'centre.id', detail: centreId }] };
  const index = parsed.file.handIns.findIndex((h) => h.id === handInId);
  const handIn = parsed.file.handIns[index];
  if (!handIn) return { ok: false, problems: [{ code: 'unknownReference', path: 'handIns', detail: handInId }] };
  if (handIn.hash !== hash) return { ok: false, problems: [{ code: 'tamperedHandIn', path: `handIns[${String(index)}]`, detail: handInId }] };
  return { ok: true, file: parsed.file, handInId };
}


/**
 * A document with conflicting revisions on the server (CouchDB's `_conflicts`: two servers took the
 * same document id, as a region's replication can bring about). Resolved by the rules of the import
 * merge: a sealed hand-in never changes, so revisions that carry the same hand-in (the same id and
 * hash, of the same centre) are the same hand-in, and of their files the newest wins, as in the
 * workspace; a revision refused by the validation does not count against a valid one. Revisions that
 * carry different hand-ins under one id cannot be resolved (nobody may pick a sealed document for
 * the centre), so none is taken and the document is shown as a conflict.
 */
export function resolveRevisions(revisions: readonly unknown[], instruments: readonly Instrument[]): ReadDocResult {
  const read = revisions.map((doc) => readHandInDoc(doc, instruments));
  const valid = read.filter((result): result is Extract<ReadDocResult, { ok: true }> => result.ok);
  const first = read[0];
  if (valid.length === 0) return first ?? { ok: false, problems: [{ code: 'notExport', path: '' }] };
  const sealed = (result: (typeof valid)[number]) => {
    const handIn = result.file.handIns.find((h) => h.id === result.handInId);
    return `${result.file.centre.id}\n${result.handInId}\n${handIn?.hash ?? ''}`;
  };
  if (new Set(valid.map(sealed)).size > 1) {
    return { ok: false, problems: [{ code: 'revisionConflict', path: '_conflicts', detail: String(revisions.length) }] };
  }
  return valid.reduce((newest, result) => (Date.parse(result.file.exportedAt) > Date.parse(newest.file.exportedAt) ? result : newest));
}
