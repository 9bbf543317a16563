// Kept apart from detect.ts so that pages showing names do not bundle franc.

/** A readable name for a language code (BCP 47 or ISO 639-3), in the UI's language. */
export function languageName(code: string, uiLocale?: string): string {
  if (!code || code === 'und') return '';
  try {
    return new Intl.DisplayNames(uiLocale ? [uiLocale] : undefined, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
