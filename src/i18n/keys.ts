import type { sv } from './sv';
import type { svMore } from './svMore';
import type { MessageParams, MessagePath } from './types';

/** Every message of the catalogues by its dotted path, such as `undo.roundDeleted`. */
export type MessageKey = MessagePath<typeof sv & typeof svMore>;

export type { MessageParams };

/**
 * A text as a store keeps it: the key and its parameters, never the sentence. It is put into words
 * where it is shown, in the language chosen then, so a language switch changes it too.
 */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}
