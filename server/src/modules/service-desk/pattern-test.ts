import { Script, createContext } from 'node:vm';
import { PATTERN_FLAGS, type PatternTest } from '@inbox-crm/shared';

/** How long one pattern may run on one text before it counts as not matching. */
export const PATTERN_TIME_LIMIT_MS = 100;
/** How long all of one message's patterns may run together; those after it count as not matching. */
export const MESSAGE_PATTERN_BUDGET_MS = 250;

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

function runBounded(pattern: string, text: string, limitMs: number): boolean | 'timed_out' {
  context.pattern = compile(pattern);
  context.text = text;
  try {
    return test.runInContext(context, { timeout: limitMs }) === true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timed_out';
    throw error;
  } finally {
    context.pattern = null;
    context.text = '';
  }
}

/** Tests a pattern (already checked to compile) under the time limit; 'timed_out' past it. */
export const boundedPatternTest: PatternTest = (pattern, text) =>
  runBounded(pattern, text, PATTERN_TIME_LIMIT_MS);

/**
 * A pattern test for one message: each pattern under the time limit, and all of them together
 * under the message's budget, so fifty slow rules cannot hold a mailbox for seconds a message.
 */
export function messagePatternTest(budgetMs = MESSAGE_PATTERN_BUDGET_MS): PatternTest {
  let left = budgetMs;
  return (pattern, text) => {
    if (left <= 0) return 'timed_out';
    const limit = Math.max(1, Math.min(PATTERN_TIME_LIMIT_MS, Math.ceil(left)));
    const started = performance.now();
    const result = runBounded(pattern, text, limit);
    // A pattern stopped at what was left of the budget has spent it, whatever the clock says:
    // V8's timer may fire a fraction of a millisecond before performance.now() agrees.
    left = result === 'timed_out' && limit < PATTERN_TIME_LIMIT_MS ? 0 : left - (performance.now() - started);
    return result;
  };
}
