// Lexicon list: words that open a request.

/** Words that open a request; the addressee named right after one is the one asked to act. */
export const REQUEST_CUES: readonly string[] = ["đề nghị", "kiến nghị", "mong", "yêu cầu", "đề xuất", "xin"];
