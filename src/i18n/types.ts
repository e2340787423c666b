/** A message catalogue: nested groups of strings. `{name}` marks a parameter; `one|other` a plural. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** The shape of a catalogue with every text widened to `string`, so translations must match it key for key. */
export type MessageSchema<T> = { [K in keyof T]: T[K] extends string ? string : MessageSchema<T[K]> };

/** Every dotted path to a text, for example `round.create.title`. */
export type MessagePath<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : MessagePath<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageParams = Readonly<Record<string, string | number>>;
