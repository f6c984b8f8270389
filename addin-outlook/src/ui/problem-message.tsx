import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ApiError } from '@inbox-crm/shared/client';

/** A title a person understands for each kind of failure; the server's own sentence goes under it. */
export function problemTitle(error: ApiError): string {
  if (error.status === 0 && error.code === 'server_unreachable') return "Can't reach the CRM server";
  if (error.status === 0) return 'Something went wrong';
  if (error.code === 'invalid_credentials' || error.code === 'user_inactive') return "Couldn't sign in";
  if (error.status === 401) return 'Your session has ended';
  if (error.status === 403) return 'No access';
  if (error.status === 404) return 'Not found';
  if (error.status === 409) return 'Changed by someone else';
  if (error.status === 429) return 'Too many requests';
  if (error.status >= 500) return 'The CRM server had a problem';
  return "That didn't work";
}

/** A failure in plain words, with a retry where trying again can help. */
export function ProblemMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <MessageBar intent={error.status === 403 ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{problemTitle(error)}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
