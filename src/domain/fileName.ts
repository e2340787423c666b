/**
 * The one rule for a file name the app offers to save (JSON, CSV, PNG): without the characters
 * Windows, macOS or Linux refuse (`\ / : * ? " < > |` and control characters), whitespace collapsed,
 * at most 150 characters before the extension, cut by characters rather than UTF-16 units so an
 * emoji is never split in half. An empty name becomes `fallback`.
 */
export function safeFileName(stem: string, extension: string, fallback = 'familjecentral'): string {
  const safe = stem.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  const cut = Array.from(safe).slice(0, MAX_STEM).join('').trim();
  return `${cut || fallback}.${extension}`;
}

export const MAX_STEM = 150;
