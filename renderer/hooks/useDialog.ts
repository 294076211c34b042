import { useState } from 'react';

/**
 * Which dialog of a page is open; `done` closes it and refreshes what it changed (the usual end of a
 * successful dialog), `close` just closes it.
 */
export function useDialog<D>(refresh: () => void) {
  const [dialog, setDialog] = useState<D | null>(null);
  return {
    dialog,
    setDialog,
    close: () => setDialog(null),
    done: () => {
      setDialog(null);
      refresh();
    },
  };
}
