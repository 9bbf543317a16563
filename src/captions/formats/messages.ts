/** User-facing parser messages shared by the caption formats. */
export const EMPTY_FILE_MESSAGE = 'The caption file is empty.';
export const NOT_CAPTIONS_MESSAGE = 'This is not a caption file we can read (expected WebVTT or SRT).';
export const BAD_VTT_SIGNATURE_MESSAGE = 'This is not a WebVTT file: it does not start with "WEBVTT".';
export const EMPTY_TRANSCRIPT_MESSAGE = 'The transcript is empty.';
export const SJSON_NOT_JSON_MESSAGE = 'This edX transcript is damaged: it is not valid JSON.';
export const NOT_SJSON_MESSAGE = 'This is not an edX transcript (SJSON).';
export const YOUTUBE_NOT_JSON_MESSAGE = 'This YouTube caption file is damaged: it is not valid JSON.';
export const NOT_YOUTUBE_JSON_MESSAGE = 'This is not a YouTube caption file (json3).';
export const NOT_YOUTUBE_XML_MESSAGE = 'This is not a YouTube caption file (timedtext XML).';
