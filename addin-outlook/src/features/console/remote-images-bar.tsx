import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';

/**
 * Says an email's remote images are blocked and offers to show them; once shown, says so. Loading
 * them tells the sender the message was opened, so it stays the reader's choice, one email at a time.
 */
export function RemoteImagesBar({ shown, onShow }: { shown: boolean; onShow: () => void }) {
  return (
    <MessageBar intent="info" politeness="polite">
      <MessageBarBody>
        {shown
          ? 'Remote images are shown for this message.'
          : 'This message has remote images. They are blocked so the sender cannot tell when you read it.'}
      </MessageBarBody>
      {!shown && (
        <MessageBarActions>
          <Button onClick={onShow}>Show images</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
