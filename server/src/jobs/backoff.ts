/**
 * How long to wait before attempt `attempt + 1`, after `attempt` failures: doubling from `baseMs`,
 * capped at `maxMs`, with ±20% jitter so that failures which began together do not retry together.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
