import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown as a modal while `open`; `onDismiss` when the user closes it (Escape). The
 * browser fires a dialog's close event a task after `close()`: a dialog opened again before that
 * (a file dropped right after the last import's summary was closed) must not take the late event
 * for the user closing it, so only a close event that finds the dialog shut counts.
 */
export function useModalDialog(open: boolean, onDismiss: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const onClose = () => {
    if (!ref.current?.open) onDismiss();
  };
  return { ref, onClose };
}
