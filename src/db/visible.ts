/**
 * A record marked deleted (`deletedAt`, waiting for its undo window) is not there for any reader:
 * every resource module reads through this, so the rule is one rule.
 */
export function visible<T extends { deletedAt?: string }>(record: T | undefined): T | undefined {
  return record && !record.deletedAt ? record : undefined;
}
