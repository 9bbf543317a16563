/** User-facing parser messages shared by the caption formats. */
export const EMPTY_FILE_MESSAGE = 'The caption file is empty.';
export const NOT_CAPTIONS_MESSAGE = 'This is not a caption file we can read (expected WebVTT or SRT).';
export const BAD_VTT_SIGNATURE_MESSAGE = 'This is not a WebVTT file: it does not start with "WEBVTT".';
