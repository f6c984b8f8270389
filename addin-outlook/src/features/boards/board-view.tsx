import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Button, Card, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatMoney, type ListCount } from '@inbox-crm/shared/client';
import { columnByColumn } from './column-keyboard.js';

const useStyles = makeStyles({
  board: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    overflowX: 'auto',
    paddingBottom: tokens.spacingVerticalM,
    alignItems: 'flex-start',
    minWidth: 0,
  },
  column: {
    flex: '1 0 13.5rem',
    maxWidth: '20rem',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: '8rem',
  },
  over: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  header: { display: 'flex', flexDirection: 'column' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  cards: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  card: { display: 'flex', flexDirection: 'row', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  cardBody: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, overflowWrap: 'anywhere' },
  dragging: { opacity: 0.85, boxShadow: tokens.shadow16, zIndex: 1, position: 'relative' },
  handle: { cursor: 'grab', flexShrink: 0, minWidth: 'auto', touchAction: 'none' },
});

export interface BoardColumnView<Item> {
  id: string;
  name: string;
  total: ListCount;
  amounts: { currency: string; amountMinor: number }[];
  items: Item[];
  hasMore: boolean;
}

interface Props<Item extends { id: string }> {
  label: string;
  /** What one item is called in counts: "deal", "case". */
  noun: string;
  columns: BoardColumnView<Item>[];
  nameOf: (item: Item) => string;
  renderCard: (item: Item) => ReactNode;
  onMove: (item: Item, from: string, to: string) => void;
  onMore: (columnId: string) => void;
  disabled?: boolean;
}

const countText = (total: ListCount, noun: string) =>
  `${total.capped ? 'More than ' : ''}${total.value.toLocaleString()} ${total.value === 1 && !total.capped ? noun : `${noun}s`}`;

function DraggableCard(props: {
  id: string;
  column: string;
  name: string;
  disabled: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: props.id,
    data: { column: props.column },
    disabled: props.disabled,
  });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <li ref={setNodeRef} style={style}>
      <Card size="small" className={mergeClasses(styles.card, isDragging && styles.dragging)}>
        <Button
          ref={setActivatorNodeRef}
          appearance="subtle"
          size="small"
          className={styles.handle}
          aria-label={`Move ${props.name}`}
          {...attributes}
          {...listeners}
        >
          ⠿
        </Button>
        <div className={styles.cardBody}>{props.children}</div>
      </Card>
    </li>
  );
}

function DroppableColumn(props: { id: string; label: string; children: ReactNode }) {
  const styles = useStyles();
  const { setNodeRef, isOver } = useDroppable({ id: props.id });
  return (
    <section
      ref={setNodeRef}
      className={mergeClasses(styles.column, isOver && styles.over)}
      aria-label={props.label}
    >
      {props.children}
    </section>
  );
}

/**
 * Items in columns, moved between them by dragging a card's handle, or from the keyboard: focus
 * the handle, Space to pick the card up, Right or Left to the column, Space to drop, Escape to
 * put it back. Screen readers are told each step in the columns' names.
 */
export function BoardView<Item extends { id: string }>(props: Props<Item>) {
  const styles = useStyles();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }),
  );
  const columnName = (id: unknown) => props.columns.find((column) => column.id === id)?.name ?? '';
  const itemName = (id: unknown) => {
    for (const column of props.columns) {
      const item = column.items.find((candidate) => candidate.id === id);
      if (item) return props.nameOf(item);
    }
    return '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${itemName(active.id)}. Right and Left move it to another column; Space drops it, Escape puts it back.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${itemName(active.id)} is over ${columnName(over.id)}.`
        : `${itemName(active.id)} is over no column.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${itemName(active.id)} moved to ${columnName(over.id)}.`
        : `${itemName(active.id)} was put back.`,
    onDragCancel: ({ active }) => `${itemName(active.id)} was put back.`,
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    const from = (active.data.current as { column: string } | undefined)?.column;
    if (!over || !from || over.id === from) return;
    for (const column of props.columns) {
      const item = column.items.find((candidate) => candidate.id === active.id);
      if (item) return props.onMove(item, from, String(over.id));
    }
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move this card to another column, press Space, then Right or Left, then Space again.',
        },
      }}
    >
      <div className={styles.board} role="group" aria-label={props.label}>
        {props.columns.map((column) => (
          <DroppableColumn key={column.id} id={column.id} label={column.name}>
            <div className={styles.header}>
              <Text as="h2" weight="semibold" size={300}>
                {column.name}
              </Text>
              <Text size={200} className={styles.meta}>
                {[
                  countText(column.total, props.noun),
                  ...column.amounts.map((amount) => formatMoney(amount.amountMinor, amount.currency)),
                ].join(' · ')}
              </Text>
            </div>
            <ul
              className={styles.cards}
              aria-label={`${column.name}: ${countText(column.total, props.noun)}`}
            >
              {column.items.map((item) => (
                <DraggableCard
                  key={item.id}
                  id={item.id}
                  column={column.id}
                  name={props.nameOf(item)}
                  disabled={props.disabled ?? false}
                >
                  {props.renderCard(item)}
                </DraggableCard>
              ))}
            </ul>
            {column.hasMore && (
              <Button size="small" appearance="subtle" onClick={() => props.onMore(column.id)}>
                Show more
              </Button>
            )}
          </DroppableColumn>
        ))}
      </div>
    </DndContext>
  );
}
