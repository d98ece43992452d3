import { z } from 'zod';

/** The parts of an incoming Bot Framework activity the bot relies on, parsed at the boundary. */
export const IncomingActivity = z.object({
  type: z.string().max(50),
  id: z.string().max(400).optional(),
  timestamp: z
    .union([z.string().max(64), z.date()])
    .optional()
    .transform((v) => (v instanceof Date ? v.toISOString() : v)),
  name: z.string().max(200).optional(),
  text: z.string().max(100_000).optional(),
  value: z.unknown().optional(),
  locale: z.string().max(20).optional(),
  serviceUrl: z.string().max(500),
  channelId: z.string().max(50),
  replyToId: z.string().max(400).optional(),
  from: z.object({
    id: z.string().max(400),
    name: z.string().max(300).optional(),
    aadObjectId: z.string().max(64).optional(),
  }),
  recipient: z.object({ id: z.string().max(400), name: z.string().max(300).optional() }),
  conversation: z.object({
    id: z.string().max(400),
    conversationType: z.string().max(50).optional(),
    tenantId: z.string().max(64).optional(),
    isGroup: z.boolean().optional(),
  }),
  membersAdded: z
    .array(z.object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() }))
    .optional(),
  entities: z.array(z.record(z.string(), z.unknown())).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivity>;

/** An attachment the bot sends (Adaptive Cards). */
export interface Attachment {
  contentType: string;
  content: unknown;
}

/** A message the bot sends or updates; plain data so any Bot SDK can carry it. */
export interface OutgoingActivity {
  type: 'message' | 'typing';
  id?: string;
  text?: string;
  textFormat?: 'markdown' | 'plain' | 'xml';
  attachments?: Attachment[];
  locale?: string;
}

/** The answer to an invoke activity (e.g. Action.Execute). */
export interface InvokeResponse {
  status: number;
  body?: unknown;
}

/** One turn of conversation as the bot's logic sees it: what came in and how to answer. */
export interface Turn {
  activity: IncomingActivity;
  send(activity: OutgoingActivity): Promise<{ id?: string }>;
  update(activity: OutgoingActivity & { id: string }): Promise<void>;
}

/** The text of a message with @mentions of the bot and markup removed, trimmed and collapsed. */
export function commandText(activity: IncomingActivity): string {
  return (activity.text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
