// The lexicon: built-in themes and cues as data lists (one file each, no logic), composed for the grouping.
import { COMMENT_TOPICS } from "./comments";
import { OFFICER_TOPICS } from "./officers";
import type { TopicDef } from "./topic";
import { UNION_TOPICS } from "./union";

export { ACTION_CUES } from "./actions";
export { ADDRESSEE_CUES } from "./addressees";
export { REQUEST_CUES } from "./requests";
export { SHARED_PHRASES } from "./shared";
export { STOPWORDS } from "./stopwords";
export type { TopicDef } from "./topic";
export { COMMENT_TOPICS, OFFICER_TOPICS, UNION_TOPICS };

/** Every theme a workshop's proposals may fall in: officer training, then the Union's other topics. */
export const PROPOSAL_TOPICS: readonly TopicDef[] = [...OFFICER_TOPICS, ...UNION_TOPICS];

/** Which list a lexicon is read with: workshop proposals or class comments. */
export type LexiconKind = "proposal" | "comment";

export const topicsOf = (kind: LexiconKind): readonly TopicDef[] =>
  kind === "proposal" ? PROPOSAL_TOPICS : COMMENT_TOPICS;
