import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Keyboard moves for a board: Right and Left carry the picked-up card to the next or previous
 * column (rather than 25 pixels at a time); Up and Down are left to the page.
 */
export const columnByColumn: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  // currentCoordinates: where the card is now, its top left in the window (after the last move).
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const columns = [...context.droppableRects.values()].sort((a, b) => a.left - b.left);
  const here = currentCoordinates.x;
  const target =
    event.code === 'ArrowRight'
      ? columns.find((column) => column.left > here + 1)
      : columns.reverse().find((column) => column.left < here - 1);
  return target ? { x: target.left + 8, y: currentCoordinates.y } : currentCoordinates;
};
