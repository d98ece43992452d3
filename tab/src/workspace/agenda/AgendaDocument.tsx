/** The agenda as a readable document: title block, numbered items with their content, and the addendum. */
import { Button, Caption1, Tooltip } from '@fluentui/react-components';
import { ArrowDown20Regular } from '@fluentui/react-icons/svg/arrow-down';
import { ArrowUp20Regular } from '@fluentui/react-icons/svg/arrow-up';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import type { Agenda, AgendaItem } from '../../api';
import { useDisplayTitles, useI18n } from '../../i18n';
import { DocumentPage } from '../document/DocumentPage';
import { useWorkspaceStyles } from '../workspace.styles';
import { useAgendaDocumentStyles } from './AgendaDocument.styles';
import { AgendaItemContent } from './AgendaItemContent';

/** The changes a draft's item controls ask for. */
export interface ItemControls {
  /** True while a change is under way: the controls stay focusable but do nothing. */
  busy: boolean;
  onMove(item: AgendaItem, direction: 'up' | 'down'): void;
  onEdit(item: AgendaItem): void;
  onRemove(item: AgendaItem): void;
}

/** The id of an item's move button, so focus can follow the item when it moves. */
export const moveButtonId = (itemId: string, direction: 'up' | 'down') => `agenda-${itemId}-${direction}`;

/** Renders `agenda`; with `controls` (a draft, seen by staff) each item gets Move / Edit / Remove buttons. */
export function AgendaDocument({ agenda, controls }: { agenda: Agenda; controls: ItemControls | null }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const a = t.workspace.agenda;

  return (
    <DocumentPage meeting={agenda.meeting} kind={a.documentKind} documentLabel={a.documentLabel}>
      <ol className={styles.items}>
        {agenda.items.map((item, index) => (
          <AgendaItemBlock
            key={item.id}
            item={item}
            first={index === 0}
            last={index === agenda.items.length - 1}
            controls={controls}
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
              <AgendaItemBlock key={item.id} item={item} first last controls={null} headingLevel={5} />
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
  headingLevel,
}: {
  item: AgendaItem;
  first: boolean;
  last: boolean;
  controls: ItemControls | null;
  headingLevel: 4 | 5;
}) {
  const { t } = useI18n();
  const titles = useDisplayTitles();
  const styles = useAgendaDocumentStyles();
  const a = t.workspace.agenda;
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  const headingId = `agenda-item-${item.id}`;
  const guard = (act: () => void) => () => {
    if (!controls?.busy) act();
  };

  return (
    <li className={styles.item}>
      <div className={styles.itemHeader}>
        <Heading id={headingId} className={styles.itemHeading}>
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
      {item.note && (
        <p className={styles.note} dir="auto">
          {item.note}
        </p>
      )}
      <div className={styles.content}>
        <AgendaItemContent item={item} headingLevel={headingLevel} />
      </div>
    </li>
  );
}
