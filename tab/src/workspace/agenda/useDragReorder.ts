/**
 * Reordering a list by drag and drop (native HTML5 drag and drop, no library): a handle starts the drag, each
 * entry is a drop target. Positions are 1-based, as printed. Nested lists (sub-items inside items) each use their
 * own instance; a target ignores drags its list did not start, so they reach the enclosing list.
 */
import { useState, type DragEvent, type HTMLAttributes } from 'react';

/** The drag and drop props of one list. */
export interface DragReorder {
  /** Props of an entry's drag handle. */
  handle(position: number): HTMLAttributes<HTMLElement> & { draggable: boolean };
  /** Props of an entry as a drop target. */
  target(position: number): HTMLAttributes<HTMLElement>;
  /** True while a dragged entry of this list is over the entry at `position` (not its own). */
  isOver(position: number): boolean;
}

/** Drag and drop for one list; `onMove(from, to)` runs on a drop that moves an entry. */
export function useDragReorder(scope: string, onMove: (from: number, to: number) => void): DragReorder {
  const [from, setFrom] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const reset = () => {
    setFrom(null);
    setOver(null);
  };
  return {
    handle: (position) => ({
      draggable: true,
      onDragStart: (event: DragEvent<HTMLElement>) => {
        event.stopPropagation();
        event.dataTransfer.setData('text/plain', `${scope}:${position}`);
        event.dataTransfer.effectAllowed = 'move';
        setFrom(position);
      },
      onDragEnd: reset,
    }),
    target: (position) => ({
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (from === null) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'move';
        if (over !== position) setOver(position);
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        if (from === null) return;
        event.preventDefault();
        event.stopPropagation();
        const moved = from;
        reset();
        if (moved !== position) onMove(moved, position);
      },
    }),
    isOver: (position) => from !== null && over === position && from !== position,
  };
}
