import { francAll } from "franc-min";

// A post's language, told locally from its letters (franc-min: trigrams of 82 languages, no network).
// Microblog posts are short, and short text is where detectors guess wrong: the answer is null unless
// the text is long enough and one language clearly wins.

/** Fewer letters than this tell too little. */
const MIN_LETTERS = 24;
/** The runner-up's score relative to the best (1): above this, the text is ambiguous. */
const MAX_RUNNER_UP = 0.9;

/** ISO 639-3 codes franc-min answers with, as ISO 639-1 (those that have one). */
const ISO_639_1: Readonly<Record<string, string>> = {
  amh: "am", arb: "ar", azj: "az", bel: "be", ben: "bn", bos: "bs", bul: "bg", ces: "cs", ckb: "ku",
  cmn: "zh", deu: "de", ell: "el", eng: "en", fra: "fr", guj: "gu", hau: "ha", hin: "hi", hrv: "hr",
  hun: "hu", ibo: "ig", ind: "id", ita: "it", jav: "jv", jpn: "ja", kan: "kn", kaz: "kk", kin: "rw",
  kor: "ko", lin: "ln", mal: "ml", mar: "mr", mya: "my", nld: "nl", npi: "ne", nya: "ny", pan: "pa",
  pbu: "ps", pes: "fa", plt: "mg", pol: "pl", por: "pt", ron: "ro", run: "rn", rus: "ru", sin: "si",
  som: "so", spa: "es", srp: "sr", sun: "su", swe: "sv", swh: "sw", tam: "ta", tel: "te", tgl: "tl",
  tha: "th", tur: "tr", ukr: "uk", urd: "ur", uzn: "uz", vie: "vi", yor: "yo", zlm: "ms", zul: "zu",
  zyb: "za",
};

const LETTER = /\p{L}/gu;

/** The ISO 639-1 code of the language `text` is written in, or null when it cannot be told with confidence. */
export function detectLanguage(text: string): string | null {
  if ((text.match(LETTER)?.length ?? 0) < MIN_LETTERS) return null;
  const [best, runnerUp] = francAll(text, { minLength: MIN_LETTERS });
  if (!best || best[0] === "und" || (runnerUp && runnerUp[1] > MAX_RUNNER_UP)) return null;
  return ISO_639_1[best[0]] ?? null;
}
