// The grouping's tuning constants, in one place, each with why it has its value.

/** A theme phrase said after "đề nghị…" is what is asked for: it counts this much more. */
export const REQUEST_BOOST = 1.5;

/** Each syllable a theme phrase has beyond the first adds this share: a longer phrase is a more specific request. */
export const SPECIFICITY = 0.25;

/** Analyses never change once made: callers read them, never write. */
export const ANALYSED_MAX = 5000;

/** Officers named ("mỗi cán bộ", "tự học") outweigh another name said in passing (1.5): they are asked to act themselves. */
export const OFFICER_CUE_WEIGHT = 2;

/** Every further thing asked to be done, for whoever does it. */
export const ACTION_WEIGHT = 0.5;

/** The first thing asked to be done: above the theme's usual actor (1) and a name said in passing (1.5). */
export const VERB_WEIGHT = 2;

/** A name this near the start (after the request's opener) is the sentence's subject: it acts. */
export const LEAD_AT = 1;

/** Below this a text without a theme is not attached to a theme's group. */
export const ATTACH_MIN = 0.12;

/** Texts without a theme join each other above this similarity. */
export const CLUSTER_MIN = 0.3;

/** How many recent texts a new one without a theme is compared with (bounds the CPU per arrival). */
export const NEAREST_AMONG = 100;

/** A theme scoring at least this share of a text's best is as good a reading of it. */
export const NEAR_BEST = 0.75;

/** A theme fewer texts than this take as their best is a stray reading in this workshop. */
export const ESTABLISHED = 2;

/** A theme scored below this rests on leaning words only ("chi hội", "hỗ trợ"), no phrase that says it. */
export const STRONG = 2;

/** How much closer another group's wording must be to take a text away from the theme it leans to. */
export const REHOME_MARGIN = 0.1;

/** The longest run of words looked for in the members' texts when choosing keywords. */
export const RUN_MAX = 4;

/** What writing a concept with its marks adds to how many members named it, when labels are chosen. */
export const MARKED_BONUS = 0.5;

/** Near-duplicate suggestions: wording and concepts shared, in the same theme. */
export const DUPLICATE_MIN = 0.55;

/** Paraphrases share few words, so the concepts they name weigh more than the wording. */
export const WORDING_SHARE = 0.4;

/**
 * Yet two requests sharing no wording at all are rarely the same one: sharing one broad concept
 * ("học hỏi kinh nghiệm", "xếp loại") made most wrong suggestions. Below this, no suggestion.
 */
export const WORDING_MIN = 0.2;

/** A request reworded entirely still names two of the same concepts ("phụ cấp" and "nâng mức"). */
export const REWORDED_CONCEPTS = 2;

/** Or the shorter one's words are at least this share of the longer one's. */
export const CONTAINED = 0.5;

/** How much a group's name counts in its profile, in examples placed by hand. */
export const FRAME_NAME = 1.5;

/** A lexicon concept named, against a word: paraphrases share concepts more than words. */
export const FRAME_CONCEPT = 0.8;

/** How much sharing the lexicon's reading of a text counts beside sharing its words (0 to 1 each). */
export const FRAME_THEMES = 0.5;

/** Below this likeness to every group of the frame, a text relates to none ("Chưa xếp nhóm"). */
export const FRAME_MIN = 0.05;

/** Placing, letting what was placed surely teach the groups, and placing again: this many times. */
export const FRAME_PASSES = 3;

/** Placed surely: at least this likeness... */
export const SURE_MIN = 0.1;

/** ...and this much ahead of the next group. */
export const SURE_MARGIN = 0.02;

/** A proposal a person placed in this room teaches its group fully. */
export const WEIGHT_BY_HAND = 1;

/** One placed by hand at an earlier workshop of the unit teaches below what this room says. */
export const WEIGHT_LESSON = 0.6;

/** One the frame placed surely teaches least. */
export const WEIGHT_SURE = 0.4;

/** With no frame, a group this small is a fragment: it joins a bigger one it reads like, or is unsorted. */
export const FRAGMENT_MAX = 2;

/** A text alone joins a bigger group this alike (its words against the group's). */
export const JOIN_ALONE = 0.1;

/** Two texts together join a bigger group only when clearly alike. */
export const JOIN_SMALL = 0.2;

/** With more groups than this, a pair that reads like no bigger group goes to "Chưa xếp nhóm" too. */
export const FRAGMENTS_KEPT = 8;
