import type { SearchQuery, SearchTerm } from "../db/contract.ts";
import { InvalidInput } from "./errors.ts";

// The search box's syntax, the one people type into web search engines, read the same way for both
// engines: each engine only spells the result in its own query language (src/db/dialects/*/search.ts).
//
//   words        every word must match, in any order
//   "a phrase"   those words, in that order (an unclosed quote runs to the end)
//   -word        must not match; -"a phrase" too
//   a or b       either (any case: OR, Or)
//
// Nothing else is syntax: `*`, `(`, `:`, `NEAR`, `^` and the like are text, and punctuation separates
// words as it does in the posts (so `e-mail` is the phrase "e mail"). Never an error but for a query
// with no word to look for, or one too long.

export const MAX_QUERY_LENGTH = 256;

/** What a word is made of, as in FTS5's tokenizer (src/db): letters, digits, marks and private-use characters. */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** A chunk of the query: a quoted phrase (closed or not), or a run of anything but spaces and quotes. */
const CHUNK = /(-?)"([^"]*)"?|(-?)([^\s"]+)/gu;

interface Chunk {
  negated: boolean;
  quoted: boolean;
  words: string[];
}

function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const match of text.matchAll(CHUNK)) {
    const quoted = match[2] !== undefined;
    const raw = quoted ? match[2]! : match[4]!;
    const negated = (quoted ? match[1] : match[3]) === "-";
    chunks.push({ negated, quoted, words: raw.match(WORD) ?? [] });
  }
  return chunks;
}

const isOr = (chunk: Chunk | undefined) =>
  chunk !== undefined && !chunk.quoted && !chunk.negated && chunk.words.length === 1 && chunk.words[0]!.toLowerCase() === "or";

/**
 * The query as clauses that must all match, each a choice of terms, and terms that must not match.
 * Throws InvalidInput on `field` for a query too long or with nothing to look for.
 */
export function parseSearchQuery(text: string, field = "query"): SearchQuery {
  // Lone surrogates and control characters (NUL among them) are nothing one searches for: spaces.
  const cleaned = text.toWellFormed().normalize("NFC").replace(/[\p{Cc}\p{Cs}\uFFFD]/gu, " ");
  if ([...cleaned].length > MAX_QUERY_LENGTH) {
    throw new InvalidInput(field, `A search query must be at most ${MAX_QUERY_LENGTH} characters.`);
  }
  // Chunks without a word (lone punctuation) are dropped first, so that `a - or b` still reads as `a or b`.
  const chunks = chunksOf(cleaned).filter((chunk) => chunk.words.length > 0);
  const all: SearchTerm[][] = [];
  const none: SearchTerm[] = [];
  for (let index = 0; index < chunks.length; index += 1) {
    const chunk = chunks[index]!;
    if (chunk.negated) {
      none.push(chunk.words);
      continue;
    }
    // `or` joins the terms on either side of it; at the start or the end, or next to an excluded
    // term, it is a word like any other.
    const previous = all.at(-1);
    if (isOr(chunk) && previous && index > 0 && !chunks[index - 1]!.negated && chunks[index + 1] && !chunks[index + 1]!.negated) {
      previous.push(chunks[index + 1]!.words);
      index += 1;
      continue;
    }
    all.push([chunk.words]);
  }
  if (all.length === 0) {
    throw new InvalidInput(field, "A search query needs at least one word to look for (not only excluded ones).");
  }
  return { all, none };
}
