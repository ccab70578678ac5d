import { InvalidInput } from "./errors.ts";

// All text hygiene: every piece of text a client sends passes through checkText before it is stored,
// compared or hashed. Usernames and email addresses then meet their own ASCII patterns as well.

/** Control characters (C0, DEL and C1): none belongs in a name, an address or a password. */
const CONTROL = /\p{Cc}/u;
/** Control characters but tab and newline: what multi-line text still refuses. */
const CONTROL_BUT_TAB_AND_NEWLINE = /[^\P{Cc}\t\n]/u;
/** More combining marks on one character than any script needs: "Zalgo" text that spills over lines around it. */
const MAX_COMBINING_MARKS = 10;
const TOO_MANY_MARKS = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1}}`, "u");

export interface TextRule {
  /** The input field, as the client named it. */
  field: string;
  /** How messages name the text: "A post", "About me". */
  label: string;
  /** Bounds in characters (code points), after trimming and normalization. */
  min: number;
  max: number;
  /**
   * "shown": trimmed and NFC-normalized, so that the same words are stored the same way whatever
   * keyboard typed them. "multiline": shown, and may hold newlines (CR LF and CR become LF, as a
   * browser's textarea does) and tabs. "verbatim": compared byte for byte (a password, a
   * username), so never altered: text that would need changing is refused instead.
   */
  kind: "shown" | "multiline" | "verbatim";
}

/** The text as it is to be stored, or InvalidInput naming the field and what is wrong with it. */
export function checkText(text: string, { field, label, min, max, kind }: TextRule): string {
  // A lone surrogate is not a character: SQLite would store invalid UTF-8, and a hasher would read
  // every one as U+FFFD, so that two different passwords hashed alike.
  if (!text.isWellFormed()) throw new InvalidInput(field, `${label} is not valid Unicode text.`);
  let value = text;
  if (kind === "multiline") value = value.replace(/\r\n?/g, "\n");
  if ((kind === "multiline" ? CONTROL_BUT_TAB_AND_NEWLINE : CONTROL).test(value)) {
    throw new InvalidInput(field, `${label} cannot contain control characters.`);
  }
  if (TOO_MANY_MARKS.test(value)) {
    throw new InvalidInput(field, `${label} cannot stack more than ${MAX_COMBINING_MARKS} combining marks on one character.`);
  }
  if (kind !== "verbatim") value = value.normalize("NFC").trim();
  const length = [...value].length;
  if (length < min || length > max) {
    const bounds = min > 0 ? `${min} to ${max}` : `at most ${max}`;
    throw new InvalidInput(field, `${label} must be ${bounds} characters.`);
  }
  return value;
}
