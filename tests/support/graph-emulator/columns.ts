/** SharePoint column definitions: the request schema, built-in columns, and how a value is checked and stored. */
import { z } from 'zod';
import { badRequest } from './errors';
import { guid, isoSeconds } from './ids';

const TextFacet = z.strictObject({
  allowMultipleLines: z.boolean().optional(),
  appendChangesToExistingText: z.boolean().optional(),
  linesForEditing: z.number().int().optional(),
  maxLength: z.number().int().min(1).max(255).optional(),
  textType: z.enum(['plain', 'richText']).optional(),
});
const NumberFacet = z.strictObject({
  decimalPlaces: z.string().optional(),
  displayAs: z.string().optional(),
  maximum: z.number().optional(),
  minimum: z.number().optional(),
});
const DateTimeFacet = z.strictObject({
  displayAs: z.string().optional(),
  format: z.enum(['dateOnly', 'dateTime']).optional(),
});
const ChoiceFacet = z.strictObject({
  allowTextEntry: z.boolean().optional(),
  choices: z.array(z.string()),
  displayAs: z.string().optional(),
});
const PersonFacet = z.strictObject({
  allowMultipleSelection: z.boolean().optional(),
  chooseFromType: z.string().optional(),
  displayAs: z.string().optional(),
});
const LookupFacet = z.strictObject({
  allowMultipleValues: z.boolean().optional(),
  allowUnlimitedLength: z.boolean().optional(),
  columnName: z.string(),
  listId: z.string(),
  primaryLookupColumnId: z.string().optional(),
});

/** The type facets a column definition may carry (exactly one). */
export const COLUMN_TYPES = {
  text: TextFacet,
  number: NumberFacet,
  dateTime: DateTimeFacet,
  boolean: z.strictObject({}),
  choice: ChoiceFacet,
  currency: z.strictObject({ locale: z.string().optional() }),
  personOrGroup: PersonFacet,
  lookup: LookupFacet,
  hyperlinkOrPicture: z.strictObject({ isPicture: z.boolean().optional() }),
} as const;
export type ColumnType = keyof typeof COLUMN_TYPES;

const common = {
  '@odata.type': z.string().optional(),
  description: z.string().optional(),
  displayName: z.string().optional(),
  enforceUniqueValues: z.boolean().optional(),
  hidden: z.boolean().optional(),
  indexed: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  required: z.boolean().optional(),
  columnGroup: z.string().optional(),
  defaultValue: z.strictObject({ formula: z.string().optional(), value: z.string().optional() }).optional(),
};
const typeFacets = Object.fromEntries(
  Object.entries(COLUMN_TYPES).map(([name, schema]) => [name, schema.optional()]),
) as {
  [K in ColumnType]: z.ZodOptional<(typeof COLUMN_TYPES)[K]>;
};

/** `POST .../columns` body: a columnDefinition. */
export const ColumnCreate = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  ...common,
  ...typeFacets,
});
/** `PATCH .../columns/{id}` body: the same without the name; the type may not change. */
export const ColumnUpdate = z.strictObject({ name: z.string().optional(), ...common, ...typeFacets });
export type ColumnCreate = z.infer<typeof ColumnCreate>;

/** A column of a list. */
export interface Column {
  id: string;
  name: string;
  displayName: string;
  description: string;
  type: ColumnType;
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  /** Computed by SharePoint (ID, Created, Modified, ...): never written by a client. */
  system: boolean;
}

/** Largest "Multiple lines of text" value SharePoint keeps, in characters. */
export const NOTE_MAX_LENGTH = 63_999;
/** SharePoint's limit of indexed columns per list. */
export const MAX_INDEXED_COLUMNS = 20;

/** True for a "Multiple lines of text" column (cannot be indexed, filtered, sorted or unique). */
export const isNote = (column: Column): boolean => column.type === 'text' && column.facet.allowMultipleLines === true;

/** The type named by a definition: exactly one facet; text when none. */
export function typeOf(definition: Partial<Record<ColumnType, unknown>>): ColumnType {
  const types = (Object.keys(COLUMN_TYPES) as ColumnType[]).filter((type) => definition[type] !== undefined);
  if (types.length > 1) throw badRequest(`A column has one type; this definition names ${types.join(', ')}.`);
  return types[0] ?? 'text';
}

/** Builds a column from a validated definition. */
export function columnFrom(definition: ColumnCreate): Column {
  const type = typeOf(definition);
  const column: Column = {
    id: guid(),
    name: definition.name,
    displayName: definition.displayName ?? definition.name,
    description: definition.description ?? '',
    type,
    facet: { ...((definition[type] as Record<string, unknown> | undefined) ?? {}) },
    indexed: definition.indexed ?? false,
    enforceUniqueValues: definition.enforceUniqueValues ?? false,
    required: definition.required ?? false,
    hidden: definition.hidden ?? false,
    readOnly: definition.readOnly ?? false,
    system: false,
  };
  checkColumnRules(column);
  return column;
}

/** SharePoint's rules on a column's settings: notes are never indexed or unique; unique values need an index. */
export function checkColumnRules(column: Column): void {
  if (isNote(column) && (column.indexed || column.enforceUniqueValues)) {
    throw badRequest(
      `Column '${column.name}' has multiple lines of text: it cannot be indexed or enforce unique values.`,
    );
  }
  // SharePoint indexes a column when it starts enforcing unique values.
  if (column.enforceUniqueValues) column.indexed = true;
}

const system = (name: string, type: ColumnType, indexed = false, facet: Record<string, unknown> = {}): Column => ({
  id: guid(),
  name,
  displayName: name,
  description: '',
  type,
  facet,
  indexed,
  enforceUniqueValues: false,
  required: false,
  hidden: false,
  readOnly: true,
  system: true,
});

/** The columns every list starts with. Title is the only writable one; ID is always indexed. */
export function builtInColumns(library: boolean): Column[] {
  const title: Column = { ...system('Title', 'text'), readOnly: false, system: false, facet: { maxLength: 255 } };
  const columns = [
    system('ID', 'number', true),
    title,
    system('ContentType', 'text'),
    system('Created', 'dateTime'),
    system('Modified', 'dateTime'),
    system('AuthorLookupId', 'text'),
    system('EditorLookupId', 'text'),
    system('_UIVersionString', 'text'),
  ];
  if (library)
    columns.push(system('FileLeafRef', 'text'), system('FileRef', 'text'), system('FileSizeDisplay', 'text'));
  return columns;
}

/** A column as Graph renders a columnDefinition. */
export function columnJson(column: Column): Record<string, unknown> {
  return {
    columnGroup: column.system ? '_Hidden' : 'Custom Columns',
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
    [column.type]: column.facet,
  };
}

/**
 * The value stored for a write to `column`: type-checked, dates normalised to SharePoint's "…Z" form,
 * null to clear. 400 with SharePoint's wording when the value does not fit.
 */
export function storedValue(column: Column, value: unknown): unknown {
  if (value === null) return null;
  const wrong = (): never => {
    throw badRequest(`The value of field '${column.name}' is not valid for its type (${column.type}).`);
  };
  switch (column.type) {
    case 'text': {
      if (typeof value !== 'string') return wrong();
      const max = isNote(column) ? NOTE_MAX_LENGTH : Number(column.facet.maxLength ?? 255);
      if (value.length > max) {
        throw badRequest(
          `The length of field '${column.name}' (${value.length}) exceeds the maximum of ${max} characters.`,
        );
      }
      return value;
    }
    case 'number':
    case 'currency': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong();
      const { minimum, maximum } = column.facet as { minimum?: number; maximum?: number };
      if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) return wrong();
      return value;
    }
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return wrong();
      const ms = Date.parse(value);
      return column.facet.format === 'dateOnly'
        ? `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`
        : isoSeconds(ms);
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong();
    case 'choice': {
      if (typeof value !== 'string') return wrong();
      const { choices = [], allowTextEntry } = column.facet as { choices?: string[]; allowTextEntry?: boolean };
      if (!allowTextEntry && !choices.includes(value)) {
        throw badRequest(`Value '${value}' is not one of the choices of field '${column.name}'.`);
      }
      return value;
    }
    default:
      return value;
  }
}
