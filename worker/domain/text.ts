// Vietnamese-aware text normalisation: one key per syllable whatever the tone placement or missing diacritics.

/** The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

/** Common Union and administrative abbreviations, expanded before tokenising (keys lowercase, folded). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  lhpn: "liên hiệp phụ nữ",
  hlhpn: "hội liên hiệp phụ nữ",
  cb: "cán bộ",
  cbhv: "cán bộ hội viên",
  cntt: "công nghệ thông tin",
  ubnd: "ủy ban nhân dân",
  hdnd: "hội đồng nhân dân",
  mttq: "mặt trận tổ quốc",
  btv: "ban thường vụ",
  bch: "ban chấp hành",
  tw: "trung ương",
  hv: "học viên",
  gv: "giảng viên",
  bcv: "báo cáo viên",
  cht: "chi hội trưởng",
  pn: "phụ nữ",
  hvpn: "hội viên phụ nữ",
  clb: "câu lạc bộ",
  bhxh: "bảo hiểm xã hội",
  bhyt: "bảo hiểm y tế",
  llct: "lý luận chính trị",
  cds: "chuyển đổi số",
  xh: "xã hội",
  ptcs: "phụ trách cơ sở",
  // Shorthand of phone typing and of the Union's papers, from neither the labelled sets nor any sample.
  ko: "không",
  k: "không",
  dc: "được",
  tg: "thời gian",
  nq: "nghị quyết",
  blgd: "bạo lực gia đình",
  bdg: "bình đẳng giới",
  attp: "an toàn thực phẩm",
  atgt: "an toàn giao thông",
  ntm: "nông thôn mới",
  sxkd: "sản xuất kinh doanh",
  htx: "hợp tác xã",
  nhcsxh: "ngân hàng chính sách xã hội",
  thcs: "trung học cơ sở",
  thpt: "trung học phổ thông",
  ctxh: "công tác xã hội",
};

/** Lowercase, NFC, diacritics and đ removed: the key used to match texts typed without diacritics. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(ALL_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/**
 * A syllable with its tone mark taken out and put back as a trailing digit, so that the old and new
 * placements (hoà / hòa, thuỷ / thủy) give the same key.
 */
export function toneKey(syllable: string): string {
  const decomposed = syllable.normalize("NFD").toLowerCase();
  const tone = decomposed.match(TONE_MARKS)?.[0];
  const base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  const digit = tone === undefined ? "" : String("\u0300\u0301\u0303\u0309\u0323".indexOf(tone) + 1);
  return base + digit;
}

export interface Syllable {
  /** Folded form, e.g. "hoa". */
  folded: string;
  /** Tone-placement-independent form, e.g. "hoa2"; equal to folded for texts typed without diacritics. */
  key: string;
  /** As typed (NFC, lowercase), for showing keywords with their diacritics. */
  surface: string;
}

/** Whether a text carries any Vietnamese diacritics at all (about one text in five does not). */
export function hasDiacritics(text: string): boolean {
  return /[^a-z]/i.test(text.normalize("NFC").replace(/[^\p{L}]/gu, ""));
}

/**
 * Syllables already made, by the word as typed: the lexicon repeats the same few hundred
 * (compiling it once per isolate is most of its cost), and so do a workshop's proposals. Never
 * changed once made; bounded so an isolate that lives long does not grow without end.
 */
const SYLLABLES = new Map<string, Syllable>();
const SYLLABLES_MAX = 20_000;

function syllableOf(word: string): Syllable {
  const known = SYLLABLES.get(word);
  if (known) return known;
  const surface = word.toLowerCase();
  const made = { folded: fold(surface), key: toneKey(surface), surface };
  if (SYLLABLES.size >= SYLLABLES_MAX) SYLLABLES.clear();
  SYLLABLES.set(word, made);
  return made;
}

/**
 * Splits a text into phrases (at punctuation) of syllables, with abbreviations expanded.
 * Digits and letters only; everything else is a phrase boundary.
 */
export function phrases(text: string): Syllable[][] {
  const out: Syllable[][] = [];
  for (const chunk of text.normalize("NFC").split(/[.,;:!?()[\]{}"“”'‘’\n\r\t/\\|–—-]+/u)) {
    const words = chunk.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
    const phrase: Syllable[] = [];
    for (const word of words) {
      const expansion = ABBREVIATIONS[syllableOf(word).folded];
      // An abbreviation is expanded only when it is not an ordinary syllable typed in lowercase with
      // tones; its đ is a letter, not a mark ("HĐND", "BLGĐ").
      const shorthand =
        expansion !== undefined &&
        (word === word.toUpperCase() || !hasDiacritics(word.slice(1).replace(/đ/gi, "d")));
      const parts = shorthand ? expansion.split(" ") : [word];
      for (const part of parts) phrase.push(syllableOf(part));
    }
    if (phrase.length > 0) out.push(phrase);
  }
  return out;
}

/**
 * How well a line is written for a projector and a leaders' report: with its diacritics first,
 * then complete (more words, up to a sentence), then without shorthand ("cb", "ubnd").
 */
export function writtenQuality(text: string): number {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const shorthand = words.filter((w) => ABBREVIATIONS[w.toLowerCase()] !== undefined).length;
  const capital = /^\p{Lu}/u.test(text.trim()) ? 1 : 0;
  return (hasDiacritics(text) ? 100 : 0) + Math.min(words.length, 40) - 2 * shorthand + capital;
}

/** The index of the best-written of several lines (the first on a tie). */
export function bestWritten(texts: readonly string[]): number {
  let best = -1;
  let at = 0;
  texts.forEach((t, i) => {
    const q = writtenQuality(t);
    if (q > best) {
      best = q;
      at = i;
    }
  });
  return at;
}
