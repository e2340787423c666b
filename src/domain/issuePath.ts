/** A validation issue's location as a readable path: `goals[2].items[0].statement.sv`. */
export function issuePath(path: readonly { readonly key: unknown }[] | undefined): string {
  let out = '';
  for (const step of path ?? []) {
    const key = step.key;
    if (typeof key === 'number') out += `[${String(key)}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
