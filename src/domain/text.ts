import { InvalidInput } from "./errors.ts";

// Control characters other than tab and line breaks have no place in what people write (and
// PostgreSQL refuses NUL outright).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface TextRule {
  /** The input field, as the client named it. */
  field: string;
  /** How messages name the text: "A post", "About me". */
  label: string;
  min: number;
  max: number;
}

/** The text trimmed, if it then has `min` to `max` characters (code points) and no control characters. */
export function checkText(text: string, { field, label, min, max }: TextRule): string {
  const trimmed = text.trim();
  const length = [...trimmed].length;
  if (length < min || length > max) {
    const bounds = min > 0 ? `${min} to ${max}` : `at most ${max}`;
    throw new InvalidInput(field, `${label} must be ${bounds} characters.`);
  }
  if (CONTROL_CHARACTERS.test(trimmed)) throw new InvalidInput(field, `${label} cannot contain control characters.`);
  return trimmed;
}
