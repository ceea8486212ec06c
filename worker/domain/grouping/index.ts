// The grouping of short Vietnamese texts, one module: reading, vectors, the frame, themes, placement, labels, duplicates, tuning.
export { type DuplicatePair, duplicatePairs } from "./duplicates";
export { Frame, type FrameGroup, frameGroups, type Lesson } from "./frame";
export { groupLabel, isGrounded, keywordsOf, UNSORTED } from "./labels";
export {
  bestGroups,
  hasAgenda,
  isLessonKey,
  lessonKey,
  type Place,
  placeAll,
  placeArrival,
  type Room,
  type RoomGroup,
  type RoomMember,
} from "./place";
export { type Analysis, analyse, type ExtraTerm, Lexicon, type Said } from "./reading";
export { arrivalTheme, assignGroup, type GroupOut, groupComments, groupTexts } from "./themes";
export { DUPLICATE_MIN, NEAREST_AMONG } from "./tuning";
export { cosine, idf, type Vector, vectorOf } from "./vectors";
