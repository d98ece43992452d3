/** Gives focus back to the control that opened a dialog or drawer once it has closed. */
import { useCallback, useRef } from 'react';

/** `remember()` when opening (the focused control is kept); `restore()` after closing puts focus back on it. */
export function useFocusReturn(): { remember: () => void; restore: () => void } {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    // After the dialog's own focus handling (and its exit) is done.
    if (target) setTimeout(() => target.isConnected && target.focus(), 0);
  }, []);
  return { remember, restore };
}
