import { REGISTER_SHEETS, type RegisterSheet } from '../../domain/records';
import type { MessageKey } from '../../i18n';

/** A column of an import or export sheet: its stable key and the catalogue key of its header in six languages. */
export interface ColumnSpec {
  key: string;
  label: Extract<MessageKey, `records.col.${string}`>;
  /** The import refuses a sheet without this column. */
  required?: boolean;
}

const col = (key: string, label: ColumnSpec['label'], required = false): ColumnSpec => ({ key, label, required });

export { REGISTER_SHEETS, type RegisterSheet };

/** The columns of each register sheet (import, export and template share them). */
export const REGISTER_COLUMNS: Record<RegisterSheet, readonly ColumnSpec[]> = {
  topics: [
    col('id', 'records.col.id', true),
    col('titleEn', 'records.col.titleEn', true),
    col('titleFr', 'records.col.titleFr'),
    col('titleEs', 'records.col.titleEs'),
    col('titleRu', 'records.col.titleRu'),
    col('titleZh', 'records.col.titleZh'),
    col('titleAr', 'records.col.titleAr'),
    col('description', 'records.col.description'),
    col('kind', 'records.col.kind'),
    col('leadSector', 'records.col.leadSector'),
    col('sectors', 'records.col.sectors'),
    col('status', 'records.col.status'),
    col('resolutions', 'records.col.resolutions'),
    col('iscgArea', 'records.col.iscgArea'),
    col('sinceYear', 'records.col.sinceYear'),
  ],
  assignments: [
    col('topicId', 'records.col.topicId', true),
    col('sector', 'records.col.sector', true),
    col('focalPoint', 'records.col.focalPoint'),
    col('alternate', 'records.col.alternate'),
    col('iscgCoordinator', 'records.col.iscgCoordinator'),
  ],
  people: [
    col('email', 'records.col.email', true),
    col('name', 'records.col.name', true),
    col('sector', 'records.col.sector', true),
    col('region', 'records.col.region'),
    col('jobTitle', 'records.col.jobTitle'),
    col('locale', 'records.col.locale'),
    col('timeZone', 'records.col.timeZone'),
    col('roles', 'records.col.roles'),
    col('aadObjectId', 'records.col.aadObjectId'),
    col('outOfOffice', 'records.col.outOfOffice'),
  ],
};

/** The columns of the other exports. */
export const EXPORT_COLUMNS = {
  actions: [
    col('id', 'records.col.id'),
    col('topic', 'records.col.topic'),
    col('text', 'records.col.text'),
    col('owner', 'records.col.owner'),
    col('due', 'records.col.due'),
    col('status', 'records.col.status'),
    col('meeting', 'records.col.meeting'),
    col('createdAt', 'records.col.createdAt'),
  ],
  decisions: [
    col('id', 'records.col.id'),
    col('meeting', 'records.col.meeting'),
    col('item', 'records.col.item'),
    col('topic', 'records.col.topic'),
    col('text', 'records.col.text'),
    col('recordedAt', 'records.col.recordedAt'),
  ],
  audit: [
    col('at', 'records.col.at'),
    col('actor', 'records.col.actor'),
    col('action', 'records.col.action'),
    col('entity', 'records.col.entity'),
    col('entityId', 'records.col.entityId'),
    col('detail', 'records.col.detail'),
  ],
  tracker: [
    col('topic', 'records.col.topic'),
    col('sector', 'records.col.sector'),
    col('status', 'records.col.status'),
    col('person', 'records.col.person'),
    col('answeredBy', 'records.col.answeredBy'),
    col('at', 'records.col.at'),
    col('reason', 'records.col.reason'),
  ],
  history: [
    col('at', 'records.col.at'),
    col('kind', 'records.col.kind'),
    col('event', 'records.col.event'),
    col('meeting', 'records.col.meeting'),
    col('sector', 'records.col.sector'),
    col('actor', 'records.col.actor'),
    col('text', 'records.col.text'),
    col('detail', 'records.col.detail'),
  ],
} as const satisfies Record<string, readonly ColumnSpec[]>;
