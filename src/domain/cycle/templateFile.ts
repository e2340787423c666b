import { decodeFileBytes } from '../fileText';
import type { Deadline } from './deadlines';
import { checkCheckInTemplate, type CheckInTemplate, type TemplateProblem } from './template';

export type TemplateFileResult =
  | { readonly ok: true; readonly template: CheckInTemplate }
  | { readonly ok: false; readonly reason: 'not-json' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly TemplateProblem[] };

/** A network's template file as picked: bytes decoded strictly (see fileText.ts), parsed and checked. */
export function readTemplateFile(bytes: Uint8Array): TemplateFileResult {
  const decoded = decodeFileBytes(bytes);
  if (!decoded.ok) return { ok: false, reason: 'not-json' };
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const checked = checkCheckInTemplate(data);
  return checked.ok ? { ok: true, template: checked.template } : { ok: false, reason: 'invalid', problems: checked.problems };
}

/**
 * The deadlines with new days, from dates as a date field gives them (YYYY-MM-DD, any year): only
 * the month and day are kept, since a deadline falls on the same day every year. A deadline with
 * no date given keeps its day; returns undefined when a date is not a date.
 */
export function withDays(deadlines: readonly Deadline[], dates: Readonly<Record<string, string>>): Deadline[] | undefined {
  const next: Deadline[] = [];
  for (const deadline of deadlines) {
    const value = dates[deadline.id];
    if (value === undefined) {
      next.push(deadline);
      continue;
    }
    const match = /^\d{4}-(\d{2}-\d{2})$/.exec(value);
    if (!match?.[1]) return undefined;
    next.push({ ...deadline, monthDay: match[1] });
  }
  return next;
}
