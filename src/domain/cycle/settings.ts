import { checkDeadlines, DEFAULT_DEADLINES, type Deadline } from './deadlines';
import { checkCheckInTemplate, DEFAULT_CHECK_IN_TEMPLATE, type CheckInTemplate } from './template';

/**
 * The network's own deadlines and check-in template as they are kept on the device: JSON text in
 * the settings table under these keys, '' (or nothing) for the default. One rule for reading them,
 * used by the settings store (what the pages show) and by sealing, which reads them in its own
 * transaction so that a hand-in never falls back to the defaults because a page had not loaded them.
 */
export const DEADLINES_SETTING = 'cycle.deadlines';
export const TEMPLATE_SETTING = 'cycle.template';

function parse<T>(stored: string | undefined, check: (data: unknown) => T | undefined): T | undefined {
  if (!stored) return undefined;
  try {
    return check(JSON.parse(stored));
  } catch {
    // A stored value that no longer parses (written by a newer app, say) falls back to the default.
    return undefined;
  }
}

/** The network's own deadlines, or undefined when none are stored (or what is stored does not pass). */
export function ownDeadlines(stored: string | undefined): Deadline[] | undefined {
  return parse(stored, (data) => {
    const result = checkDeadlines(data);
    return result.ok ? result.deadlines : undefined;
  });
}

/** The network's own check-in template, or undefined when none is stored (or what is stored does not pass). */
export function ownTemplate(stored: string | undefined): CheckInTemplate | undefined {
  return parse(stored, (data) => {
    const result = checkCheckInTemplate(data);
    return result.ok ? result.template : undefined;
  });
}

/** The deadlines in force: the network's when it set its own, else the seed's four. */
export function deadlinesInForce(stored: string | undefined): readonly Deadline[] {
  return ownDeadlines(stored) ?? DEFAULT_DEADLINES;
}

/** The check-in template in force: the network's when it set its own, else ours. */
export function templateInForce(stored: string | undefined): CheckInTemplate {
  return ownTemplate(stored) ?? DEFAULT_CHECK_IN_TEMPLATE;
}
