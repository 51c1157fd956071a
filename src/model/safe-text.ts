/**
 * Untrusted text from data made safe for a terminal or a text report. Shared by the CLI's output
 * and report/'s renderings, so every place that shows a name applies the same rule.
 */

/**
 * What a terminal must not receive from data: C0/C1 controls and DEL (escape sequences, bells,
 * carriage returns that overwrite a line), Unicode line/paragraph separators, and format
 * characters (\p{Cf}: bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069,
 * LRM/RLM, zero-width spaces, BOM, tags), which reorder or hide text so that what is shown is not
 * what the data says. ZWNJ and ZWJ stay: Persian, Indic scripts and emoji need them, and they
 * cannot reorder anything. Letters of any script (CJK, Cyrillic, Arabic…) are untouched.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu;
/** The same, but tabs and newlines stay: for whole lines of output, whose layout is ours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu;
/** Line breaks and tabs inside one field: a space, so that data cannot start a line of its own. */
const BREAKS = /\r\n|[\t\n\u2028\u2029]/g;

/**
 * Untrusted text from data, made safe to print as (part of) one line: line breaks become
 * spaces, and every other control or format character becomes a visible U+FFFD.
 */
export function safeText(s: unknown): string {
  return String(s ?? '')
    .replace(BREAKS, ' ')
    .replace(UNSAFE, '\ufffd');
}

/**
 * Last line of defence for everything printed with `line` and `warn`: controls and format
 * characters become U+FFFD even where a caller forgot `safeText`. Newlines are kept, as
 * callers print multi-line text on purpose, so data in a line still needs `safeText`.
 */
export function terminalText(s: string): string {
  return s.replace(UNSAFE_IN_LINES, '\ufffd');
}
