import { Script, createContext } from 'node:vm';
import { PATTERN_FLAGS, type PatternTest } from '@inbox-crm/shared';

/** How long one pattern may run on one text before it counts as not matching. */
export const PATTERN_TIME_LIMIT_MS = 100;

// Patterns are admins' input and mail is anyone's: a pattern like (a+)+$ on the wrong text would
// backtrack for hours. V8 offers no limit on a RegExp, but it does on a script run in a context,
// and it stops a regular expression mid-match when that time runs out.
const context = createContext({ pattern: null as RegExp | null, text: '' });
const test = new Script('pattern.test(text)');
const compiled = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    if (compiled.size >= 1000) compiled.clear();
    regex = new RegExp(pattern, PATTERN_FLAGS);
    compiled.set(pattern, regex);
  }
  regex.lastIndex = 0;
  return regex;
}

/** Tests a pattern (already checked to compile) under the time limit; 'timed_out' past it. */
export const boundedPatternTest: PatternTest = (pattern, text) => {
  context.pattern = compile(pattern);
  context.text = text;
  try {
    return test.runInContext(context, { timeout: PATTERN_TIME_LIMIT_MS }) === true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timed_out';
    throw error;
  } finally {
    context.pattern = null;
    context.text = '';
  }
};
