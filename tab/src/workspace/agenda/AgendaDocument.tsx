/** The agenda as a readable document: title block, numbered items with their content, and the addendum. */
import { Button, Caption1, Tooltip, mergeClasses } from '@fluentui/react-components';
import { ArrowDown20Regular } from '@fluentui/react-icons/svg/arrow-down';
import { ArrowUp20Regular } from '@fluentui/react-icons/svg/arrow-up';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { ReOrderDotsVertical20Regular } from '@fluentui/react-icons/svg/re-order-dots-vertical';
import type { Agenda, AgendaItem } from '../../api';
import { inLocale } from '../../common/format';
import { useDisplayTitles, useI18n } from '../../i18n';
import { useMeetingText } from '../../i18n/meeting/meeting-text';
import { DocumentPage } from '../document/DocumentPage';
import { useWorkspaceStyles } from '../workspace.styles';
import { useAgendaDocumentStyles } from './AgendaDocument.styles';
import { AgendaItemContent, type SubItemControls } from './AgendaItemContent';
import { useDragReorder, type DragReorder } from './useDragReorder';

/** The changes a draft's item controls ask for. */
export interface ItemControls {
  /** True while a change is under way: the controls stay focusable but do nothing. */
  busy: boolean;
  onMove(item: AgendaItem, direction: 'up' | 'down'): void;
  /** Moves an item to a position (1-based), as a drop does. */
  onMoveTo(item: AgendaItem, to: number): void;
  /** Moves a sub-item of `item` from one position to another (1-based). */
  onMoveSub(item: AgendaItem, from: number, to: number, title: string): void;
  onEdit(item: AgendaItem): void;
  onRemove(item: AgendaItem): void;
  /** The outcome of the last change, shown beside the item it changed. */
  placed: { itemId: string; text: string } | null;
}

/** The id of an item's move button, so focus can follow the item when it moves. */
export const moveButtonId = (itemId: string, direction: 'up' | 'down') => `agenda-${itemId}-${direction}`;

/** The id of a sub-item's move button. */
export const subMoveButtonId = (itemId: string, position: number, direction: 'up' | 'down') =>
  `agenda-${itemId}-sub-${position}-${direction}`;

/** The id of an item's heading (scrolled into view when the item is new). */
export const itemHeadingId = (itemId: string) => `agenda-item-${itemId}`;

/** Renders `agenda`; with `controls` (a draft, seen by staff) each item gets Move / Edit / Remove and a drag handle. */
export function AgendaDocument({ agenda, controls }: { agenda: Agenda; controls: ItemControls | null }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const e = useMeetingText().editor;
  const a = t.workspace.agenda;
  const drag = useDragReorder('agenda', (from, to) => {
    const item = agenda.items[from - 1];
    if (item && controls && !controls.busy) controls.onMoveTo(item, to);
  });

  return (
    <DocumentPage meeting={agenda.meeting} kind={a.documentKind} documentLabel={a.documentLabel}>
      {controls && (
        <Caption1 as="p" className={ws.muted}>
          {e.dragHint}
        </Caption1>
      )}
      <ol className={styles.items}>
        {agenda.items.map((item, index) => (
          <AgendaItemBlock
            key={item.id}
            item={item}
            first={index === 0}
            last={index === agenda.items.length - 1}
            controls={controls}
            drag={controls ? drag : null}
            headingLevel={4}
          />
        ))}
      </ol>

      {agenda.addendum.length > 0 && (
        <section className={styles.addendum} aria-labelledby="agenda-addendum">
          <h4 id="agenda-addendum" className={styles.itemHeading}>
            {a.addendum}
          </h4>
          <Caption1 as="p" className={ws.muted}>
            {a.addendumIntro}
          </Caption1>
          <ol className={styles.items}>
            {agenda.addendum.map((item) => (
              <AgendaItemBlock key={item.id} item={item} first last controls={null} drag={null} headingLevel={5} />
            ))}
          </ol>
        </section>
      )}
    </DocumentPage>
  );
}

function AgendaItemBlock({
  item,
  first,
  last,
  controls,
  drag,
  headingLevel,
}: {
  item: AgendaItem;
  first: boolean;
  last: boolean;
  controls: ItemControls | null;
  drag: DragReorder | null;
  headingLevel: 4 | 5;
}) {
  const { t, locale } = useI18n();
  const titles = useDisplayTitles();
  const styles = useAgendaDocumentStyles();
  const m = useMeetingText();
  const a = t.workspace.agenda;
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  const headingId = itemHeadingId(item.id);
  const guard = (act: () => void) => () => {
    if (!controls?.busy) act();
  };
  const subDrag = useDragReorder(`sub-${item.id}`, (from, to) => {
    const section = item.kind === 'topic-updates' || item.kind === 'jiu' ? item.sections[from - 1] : undefined;
    if (controls && !controls.busy && section) controls.onMoveSub(item, from, to, inLocale(section.topicTitle, locale));
  });
  const subControls: SubItemControls | undefined = controls
    ? {
        drag: subDrag,
        render: (position, count, title) => (
          <div className={styles.itemControls} role="group" aria-label={`${item.number}.${position} ${title}`}>
            <span
              {...subDrag.handle(position)}
              className={styles.handle}
              title={m.editor.subDrag(`${item.number}.${position}`)}
              aria-hidden
            >
              <ReOrderDotsVertical20Regular />
            </span>
            <Tooltip content={m.editor.subMoveUp(`${item.number}.${position}`)} relationship="label">
              <Button
                id={subMoveButtonId(item.id, position, 'up')}
                appearance="subtle"
                size="small"
                icon={<ArrowUp20Regular />}
                disabled={position === 1}
                onClick={guard(() => controls.onMoveSub(item, position, position - 1, title))}
              />
            </Tooltip>
            <Tooltip content={m.editor.subMoveDown(`${item.number}.${position}`)} relationship="label">
              <Button
                id={subMoveButtonId(item.id, position, 'down')}
                appearance="subtle"
                size="small"
                icon={<ArrowDown20Regular />}
                disabled={position === count}
                onClick={guard(() => controls.onMoveSub(item, position, position + 1, title))}
              />
            </Tooltip>
          </div>
        ),
      }
    : undefined;
  const meta = [
    item.plannedMinutes ? m.timer.planned(item.plannedMinutes) : null,
    item.presenter ? m.timer.presenter(item.presenter) : null,
  ].filter(Boolean);

  return (
    <li
      className={mergeClasses(styles.item, drag?.isOver(item.number) && styles.dropTarget)}
      {...drag?.target(item.number)}
    >
      <div className={styles.itemHeader}>
        <Heading id={headingId} className={styles.itemHeading}>
          {drag && (
            <span
              {...drag.handle(item.number)}
              className={styles.handle}
              title={m.editor.drag(item.number)}
              aria-hidden
            >
              <ReOrderDotsVertical20Regular />
            </span>
          )}
          <span className={styles.number}>{`${item.number}.`}</span> <bdi>{titles.item(item)}</bdi>
        </Heading>
        {item.refersTo && <Caption1>{a.refersTo(item.refersTo)}</Caption1>}
        {controls && (
          <div className={styles.itemControls} role="group" aria-label={a.itemControls(item.number)}>
            <Tooltip content={a.moveUp(item.number)} relationship="label">
              <Button
                id={moveButtonId(item.id, 'up')}
                appearance="subtle"
                icon={<ArrowUp20Regular />}
                disabled={first}
                onClick={guard(() => controls.onMove(item, 'up'))}
              />
            </Tooltip>
            <Tooltip content={a.moveDown(item.number)} relationship="label">
              <Button
                id={moveButtonId(item.id, 'down')}
                appearance="subtle"
                icon={<ArrowDown20Regular />}
                disabled={last}
                onClick={guard(() => controls.onMove(item, 'down'))}
              />
            </Tooltip>
            <Tooltip content={a.edit(item.number)} relationship="label">
              <Button appearance="subtle" icon={<Edit20Regular />} onClick={guard(() => controls.onEdit(item))} />
            </Tooltip>
            {item.kind === 'custom' && (
              <Tooltip content={a.remove(item.number)} relationship="label">
                <Button appearance="subtle" icon={<Delete20Regular />} onClick={guard(() => controls.onRemove(item))} />
              </Tooltip>
            )}
          </div>
        )}
      </div>
      {meta.length > 0 && (
        <Caption1 as="p" className={styles.meta}>
          <bdi>{meta.join(' · ')}</bdi>
        </Caption1>
      )}
      {controls?.placed?.itemId === item.id && (
        <p role="status" className={styles.placed}>
          {controls.placed.text}
        </p>
      )}
      {item.note && (
        <p className={styles.note} dir="auto">
          {item.note}
        </p>
      )}
      <div className={styles.content}>
        <AgendaItemContent item={item} headingLevel={headingLevel} subControls={subControls} />
      </div>
    </li>
  );
}
