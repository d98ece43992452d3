/** Letters of right-to-left scripts (Hebrew, Arabic and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * A left-to-right run inside right-to-left text: from a Latin, Greek, Cyrillic or CJK letter up to the next
 * right-to-left letter, isolate mark or line break.
 */
const LTR_RUN =
  /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u3400-\u9FFF][^\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u2066-\u2069\n]*/g;

/**
 * What a run may end with that belongs to the surrounding sentence: spaces, punctuation, opening brackets, and
 * Markdown marks (`**`, a backslash escape) of card text. Not ";", which ends an HTML entity ("&amp;").
 */
const TRAILING = /[\s.,:!?،؛([{«"'*_`~\\-]+$/;

/** Splits a run into what to isolate and what belongs outside (a closing bracket opened before the run). */
function splitRun(run: string): [string, string] {
  let core = run;
  let tail = '';
  for (;;) {
    const trailing = TRAILING.exec(core)?.[0] ?? '';
    core = core.slice(0, core.length - trailing.length);
    tail = trailing + tail;
    const last = core.at(-1);
    const open = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : last === '»' ? '«' : null;
    if (!open || core.includes(open)) return [core, tail];
    core = core.slice(0, -1);
    tail = `${last}${tail}`;
  }
}

/** First strong isolate and pop directional isolate (Unicode bidi isolation). */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * Holds each left-to-right run of a right-to-left text (a file name, an English note, a Latin name) in a first
 * strong isolate (U+2068 … U+2069), so its own order stays intact and it cannot reorder the Arabic around it.
 * Text without right-to-left letters, or already isolated, is returned as it is.
 */
export function isolateLtrRuns(text: string): string {
  if (!RTL_LETTER.test(text) || text.includes(FSI)) return text;
  return text.replace(LTR_RUN, (run) => {
    const [core, tail] = splitRun(run);
    return core === '' ? run : `${FSI}${core}${PDI}${tail}`;
  });
}
