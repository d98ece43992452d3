/** The dialog a panel has open, the notice it shows after a change, and focus back on the opener on close. */
import { useState } from 'react';
import { useFocusReturn } from '../common/useFocusReturn';

/** `open(next)` remembers the focused control and clears the notice; `close()` gives focus back;
 *  `done(notice)` closes and tells what changed. */
export function useEditing<E>() {
  const [editing, setEditing] = useState<E | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focus = useFocusReturn();
  const open = (next: E) => {
    focus.remember();
    setNotice(null);
    setEditing(next);
  };
  const close = () => {
    setEditing(null);
    focus.restore();
  };
  const done = (message: string) => {
    close();
    setNotice(message);
  };
  return { editing, notice, open, close, done };
}
