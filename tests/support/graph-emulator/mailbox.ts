/** Directory users and their mailbox settings (automatic replies), as `/users/{id | userPrincipalName}` serves them. */
import { z } from 'zod';
import { GraphHttpError, notFound, parseBody } from './errors';
import { json, type ParsedRequest, readJson, type Reply } from './http';
import { graphDateTime, guid } from './ids';
import { path, type Route } from './routes';

/** The account that organises the task force's meetings (and owns their online meetings). */
export const ORGANIZER = {
  id: '4f1c2a6e-5b0d-4e39-9a57-2c8d1b7e6f30',
  userPrincipalName: 'isc.coordinator@contoso.onmicrosoft.com',
  displayName: 'ISC Coordinator',
};

/** A user as a test describes it. */
export interface UserInput {
  id?: string;
  userPrincipalName: string;
  mail?: string;
  displayName?: string;
}

/** A point in time for a test: a Date, an ISO string, or Graph's dateTimeTimeZone in UTC. */
export type TimeInput = Date | string | { dateTime: string; timeZone: string };

/** Mailbox settings as a test sets them (merged into what the user has). */
export interface MailboxSettingsInput {
  automaticRepliesSetting?: {
    status: 'disabled' | 'alwaysEnabled' | 'scheduled';
    scheduledStartDateTime?: TimeInput;
    scheduledEndDateTime?: TimeInput;
    internalReplyMessage?: string;
    externalReplyMessage?: string;
    externalAudience?: 'none' | 'contactsOnly' | 'all';
  };
  timeZone?: string;
  language?: { locale: string; displayName?: string };
}

interface AutomaticReplies {
  status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  externalAudience: string;
  internalReplyMessage: string;
  externalReplyMessage: string;
  scheduledStartDateTime: { dateTime: string; timeZone: string };
  scheduledEndDateTime: { dateTime: string; timeZone: string };
}

interface User {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  timeZone: string;
  language: { locale: string; displayName: string };
  automaticReplies: AutomaticReplies;
}

const DateTimeTimeZone = z.strictObject({ dateTime: z.string(), timeZone: z.string() });
const MailboxPatch = z.strictObject({
  '@odata.context': z.string().optional(),
  automaticRepliesSetting: z
    .strictObject({
      status: z.enum(['disabled', 'alwaysEnabled', 'scheduled']).optional(),
      externalAudience: z.enum(['none', 'contactsOnly', 'all']).optional(),
      internalReplyMessage: z.string().optional(),
      externalReplyMessage: z.string().optional(),
      scheduledStartDateTime: DateTimeTimeZone.optional(),
      scheduledEndDateTime: DateTimeTimeZone.optional(),
    })
    .optional(),
  timeZone: z.string().optional(),
  language: z.strictObject({ locale: z.string(), displayName: z.string().optional() }).optional(),
});

/** Milliseconds of a test's time value (dateTimeTimeZone values are read as UTC). */
export function msOf(value: TimeInput): number {
  if (value instanceof Date) return value.getTime();
  const text = typeof value === 'string' ? value : value.dateTime;
  return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
}

/** The tenant's users. */
export class Directory {
  private readonly users = new Map<string, User>();
  readonly organizer: User;

  constructor() {
    this.organizer = this.upsert(ORGANIZER);
  }

  /** A user by id or userPrincipalName / mail (case-insensitive), or undefined. */
  find(ref: string): User | undefined {
    const lower = ref.toLowerCase();
    return (
      this.users.get(ref) ??
      [...this.users.values()].find(
        (u) => u.userPrincipalName.toLowerCase() === lower || u.mail.toLowerCase() === lower,
      )
    );
  }

  /** A user by reference or 404 as Graph answers for an unknown user. */
  get(ref: string): User {
    const user = this.find(ref);
    if (!user) {
      throw new GraphHttpError(
        404,
        'Request_ResourceNotFound',
        `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    return user;
  }

  /** Adds a user or updates the one with the same id or userPrincipalName. */
  upsert(input: UserInput): User {
    const existing = (input.id && this.users.get(input.id)) || this.find(input.userPrincipalName);
    if (existing) {
      existing.displayName = input.displayName ?? existing.displayName;
      existing.mail = input.mail ?? existing.mail;
      return existing;
    }
    const user: User = {
      id: input.id ?? guid(),
      userPrincipalName: input.userPrincipalName,
      mail: input.mail ?? input.userPrincipalName,
      displayName: input.displayName ?? input.userPrincipalName.split('@')[0] ?? input.userPrincipalName,
      timeZone: 'UTC',
      language: { locale: 'en-US', displayName: 'English (United States)' },
      automaticReplies: {
        status: 'disabled',
        externalAudience: 'all',
        internalReplyMessage: '',
        externalReplyMessage: '',
        scheduledStartDateTime: graphDateTime(Date.UTC(2026, 0, 1)),
        scheduledEndDateTime: graphDateTime(Date.UTC(2026, 0, 2)),
      },
    };
    this.users.set(user.id, user);
    return user;
  }

  /** Merges mailbox settings into a user (created when unknown); returns the user's id. */
  setMailboxSettings(ref: string | UserInput, settings: MailboxSettingsInput): string {
    const user =
      typeof ref === 'string' ? (this.find(ref) ?? this.upsert({ userPrincipalName: ref })) : this.upsert(ref);
    const replies = settings.automaticRepliesSetting;
    if (replies) {
      user.automaticReplies = {
        ...user.automaticReplies,
        status: replies.status,
        externalAudience: replies.externalAudience ?? user.automaticReplies.externalAudience,
        internalReplyMessage: replies.internalReplyMessage ?? user.automaticReplies.internalReplyMessage,
        externalReplyMessage: replies.externalReplyMessage ?? user.automaticReplies.externalReplyMessage,
        scheduledStartDateTime: replies.scheduledStartDateTime
          ? graphDateTime(msOf(replies.scheduledStartDateTime))
          : user.automaticReplies.scheduledStartDateTime,
        scheduledEndDateTime: replies.scheduledEndDateTime
          ? graphDateTime(msOf(replies.scheduledEndDateTime))
          : user.automaticReplies.scheduledEndDateTime,
      };
    }
    if (settings.timeZone) user.timeZone = settings.timeZone;
    if (settings.language)
      user.language = {
        locale: settings.language.locale,
        displayName: settings.language.displayName ?? settings.language.locale,
      };
    return user.id;
  }

  /** The Graph routes of users and mailbox settings. */
  routes(): Route[] {
    return [
      {
        method: 'GET',
        pattern: path('/users/{user}'),
        cost: 'free',
        handle: (req, p) => json(200, userJson(req, this.get(p.user ?? ''))),
      },
      {
        method: 'GET',
        pattern: path('/users/{user}/mailboxSettings'),
        cost: 'free',
        handle: (req, p) => this.mailboxSettings(req, p),
      },
      {
        method: 'PATCH',
        pattern: path('/users/{user}/mailboxSettings'),
        cost: 'free',
        handle: (req, p) => this.updateMailboxSettings(req, p),
      },
      {
        method: 'GET',
        pattern: path('/users/{user}/mailboxSettings/automaticRepliesSetting'),
        cost: 'free',
        handle: (req, p) => {
          const user = this.get(p.user ?? '');
          return json(200, {
            '@odata.context': `${req.base}/$metadata#users('${user.id}')/mailboxSettings/automaticRepliesSetting`,
            ...user.automaticReplies,
          });
        },
      },
    ];
  }

  private mailboxSettings(req: ParsedRequest, params: Record<string, string>): Reply {
    const user = this.get(params.user ?? '');
    return json(200, {
      '@odata.context': `${req.base}/$metadata#users('${user.id}')/mailboxSettings`,
      archiveFolder: 'AAMkAGI2TGuLAAA=',
      timeZone: user.timeZone,
      delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
      dateFormat: 'yyyy-MM-dd',
      timeFormat: 'HH:mm',
      userPurpose: 'user',
      automaticRepliesSetting: user.automaticReplies,
      language: user.language,
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: user.timeZone },
      },
    });
  }

  private updateMailboxSettings(req: ParsedRequest, params: Record<string, string>): Reply {
    const user = this.get(params.user ?? '');
    const body = parseBody(MailboxPatch, readJson(req), 'microsoft.graph.mailboxSettings');
    const replies = body.automaticRepliesSetting;
    if (replies) {
      this.setMailboxSettings(user.id, {
        automaticRepliesSetting: {
          ...user.automaticReplies,
          ...replies,
          status: replies.status ?? user.automaticReplies.status,
        } as MailboxSettingsInput['automaticRepliesSetting'],
      });
    }
    this.setMailboxSettings(user.id, { timeZone: body.timeZone, language: body.language });
    return json(200, { '@odata.context': `${req.base}/$metadata#users('${user.id}')/mailboxSettings`, ...body });
  }
}

function userJson(req: ParsedRequest, user: User): Record<string, unknown> {
  return {
    '@odata.context': `${req.base}/$metadata#users/$entity`,
    id: user.id,
    displayName: user.displayName,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
  };
}

/** 404 for a user other than the organiser, where only the organiser's resources exist. */
export function notTheOrganizer(): GraphHttpError {
  return notFound('The online meeting was not found for this user.', 'itemNotFound');
}
