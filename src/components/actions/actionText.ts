/** An action's text on one line, cut for labels such as "Redigera …" and screen-reader descriptions. */
export function shortAction(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
