import type { NetworkDatabase } from '@/domain/network/network';

/** One database a line, optionally followed by its label: "fc-fittja Fittja". */
export function databasesFromText(text: string): NetworkDatabase[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [db = '', ...label] = line.split(/\s+/);
      return label.length > 0 ? { db, label: label.join(' ') } : { db };
    });
}

export function databasesToText(databases: readonly NetworkDatabase[]): string {
  return databases.map((entry) => (entry.label ? `${entry.db} ${entry.label}` : entry.db)).join('\n');
}

/** What the outbox's error codes say to the group. */
export function outboxErrorKey(code: string | undefined): 'offline' | 'unauthorized' | 'forbidden' | 'conflict' | 'server' {
  return code === 'offline' || code === 'unauthorized' || code === 'forbidden' || code === 'conflict' ? code : 'server';
}
