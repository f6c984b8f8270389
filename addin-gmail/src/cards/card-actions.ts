import { createSigner, createVerifier } from 'fast-jwt';
import type { OnClick } from './card-model.js';

/** Every action a card can call, by explicit name: a handler is found here, never by a function's name. */
export const ACTION_NAMES = [
  'search',
  'open-filing',
  'show-person',
  'file',
  'file-with-thread',
  'undo-filing',
  'unfile',
  'open-form',
  'add-note',
  'log-call',
  'create-task',
  'create-contact',
  'move-stage',
  'search-correspondence',
  'open-link',
  'find-link',
  'link-address',
  'log-meeting',
  'mark-notifications-read',
  'mark-notification-read',
  'update-case',
  'take-case',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export const isActionName = (name: string): name is ActionName =>
  (ACTION_NAMES as readonly string[]).includes(name);

/** How long a card's buttons keep working after the card was drawn. */
const STATE_LIFETIME_MS = 30 * 60 * 1000;

export type ActionState = Record<string, string | number | boolean | null>;

export interface CardActions {
  /** A click that calls the named action with this state, signed so that it comes back unchanged. */
  call(name: ActionName, state?: ActionState): OnClick;
  /** The state a click carried, if its signature holds, it is for this action and not too old. */
  read(name: ActionName, token: string | undefined): ActionState | null;
}

/**
 * Card state travels through Google in action parameters; it is an HS256 JWT naming its action,
 * signed with a secret that survives restarts, so a tampered, stale or misdirected click is refused.
 */
export function cardActions(addOnUrl: string, secret: string): CardActions {
  const sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: STATE_LIFETIME_MS });
  const verify = createVerifier({ key: secret, algorithms: ['HS256'] });
  return {
    call: (name, state = {}) => ({
      action: {
        function: `${addOnUrl}/action/${name}`,
        parameters: [{ key: 'state', value: sign({ act: name, st: state }) as string }],
        loadIndicator: 'SPINNER',
      },
    }),
    read(name, token) {
      if (!token) return null;
      try {
        const claims = verify(token) as { act?: unknown; st?: unknown };
        return claims.act === name && typeof claims.st === 'object' && claims.st !== null
          ? (claims.st as ActionState)
          : null;
      } catch {
        return null;
      }
    },
  };
}
