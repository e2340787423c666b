import type * as v from 'valibot';

/**
 * Why a field of a file (an export or an instrument) is invalid, as data the UI words in the user's
 * language. Validators put a format code as the message of their format checks.
 */

export type FieldFormat = 'uuid' | 'timestamp' | 'date' | 'id' | 'version' | 'integer';

/** Why a field is invalid, in words the UI can translate. */
export type FieldReason =
  | { readonly kind: 'type'; readonly expected: string; readonly received: string }
  | { readonly kind: 'notAllowed'; readonly received: string }
  | { readonly kind: 'tooLong'; readonly max: number }
  | { readonly kind: 'tooMany'; readonly max: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'format'; readonly format: FieldFormat }
  | { readonly kind: 'unknownField' }
  | { readonly kind: 'missing' };

const FORMATS = new Set<string>(['uuid', 'timestamp', 'date', 'id', 'version', 'integer']);

/** Turns a valibot issue into a reason the UI can put in the user's language. */
export function reasonOf(issue: v.BaseIssue<unknown>): FieldReason {
  if (FORMATS.has(issue.message)) return { kind: 'format', format: issue.message as FieldFormat };
  const requirement: unknown = (issue as { requirement?: unknown }).requirement;
  if (issue.type === 'max_length') {
    const max = typeof requirement === 'number' ? requirement : 0;
    return Array.isArray(issue.input) ? { kind: 'tooMany', max } : { kind: 'tooLong', max };
  }
  if (issue.type === 'min_length') return { kind: 'empty' };
  if (issue.type === 'strict_object' && issue.expected === 'never') return { kind: 'unknownField' };
  // A required field that is not there: said as such, not as "expected string, received undefined".
  if (issue.received === 'undefined') return { kind: 'missing' };
  if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'union') {
    return { kind: 'notAllowed', received: issue.received };
  }
  return { kind: 'type', expected: issue.expected ?? '', received: issue.received };
}
