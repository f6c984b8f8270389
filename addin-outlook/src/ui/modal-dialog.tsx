import { Dialog, DialogSurface } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * A modal dialog that stays mounted and opens by `open`, its content mounted only while open: a
 * Fluent dialog removed while open leaves the rest of the page hidden from assistive technology.
 */
export function ModalDialog(props: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>{props.open && props.children}</DialogSurface>
    </Dialog>
  );
}
