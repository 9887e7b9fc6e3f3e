/**
 * What a visitor typed, quoted back in one of the lab's messages. A value
 * may come from a link written by anyone, so its echo must not take the
 * message over:
 *
 * - it is cut to `ECHO_LENGTH` characters, ending in "…": a value of 100,000
 *   characters in one unbroken word would otherwise widen the page;
 * - what the parser saw but the page would hide is shown: each line break as
 *   ⏎ (an input field drops line breaks from its value, and a message would
 *   show one as a space, so the refused text would look like something
 *   else), each tab as ⇥, and each other invisible character, such as a bidi
 *   control (U+202E turns the rest of a line around) or a zero-width space,
 *   as its code: [U+202E];
 * - text in a right-to-left script is isolated (FSI … PDI, the plain-text
 *   form of `<bdi>`), so that it cannot reorder the message around it.
 */

/** The most characters an echo takes, "…" included. */
export const ECHO_LENGTH = 40;

/** One character as the parser sees it: a line break (CRLF counts as one) or one code point. */
const CHARACTER = /\r\n|[\s\S]/gu;
const LINE_BREAK = /^(?:\r\n|[\r\n\u0085\u2028\u2029])$/u;
/** Controls, bidi controls, the soft hyphen, zero-width space, word joiner and invisible operators, byte-order mark. */
const INVISIBLE = /^[\p{Cc}\p{Bidi_Control}\u00ad\u200b\u2060-\u2064\ufeff]$/u;
/** Letters of the right-to-left scripts: Hebrew to Mandaic, their presentation forms, and those beyond U+FFFF. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

function shown(character: string): string {
  if (LINE_BREAK.test(character)) return '⏎';
  if (character === '\t') return '⇥';
  if (INVISIBLE.test(character)) return `[U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
  return character;
}

/** `text` as a message may quote it: at most `length` characters, nothing hidden, nothing reordering the message. */
export function echo(text: string, length = ECHO_LENGTH): string {
  let out = '';
  /** How much of `out` fits before a closing "…", in whole characters as shown. */
  let fits = 0;
  // Read only as far as the echo reaches: a value may be megabytes long.
  for (const [character] of text.matchAll(CHARACTER)) {
    out += shown(character);
    if (out.length > length) {
      out = `${out.slice(0, fits)}…`;
      break;
    }
    if (out.length < length) fits = out.length;
  }
  return RIGHT_TO_LEFT.test(out) ? `\u2068${out}\u2069` : out;
}
