import { DEMO_TENANT_ID } from '../../teams-app/store/demo/seed';

let counter = 0;

/** The AAD object ids of the demo people (the same as the Agents Playground users). */
export const AAD = {
  alex: '00000000-0000-0000-0000-0000000000020',
  megan: '00000000-0000-0000-0000-0000000000021',
  adele: '00000000-0000-0000-0000-0000000000022',
  patti: '00000000-0000-0000-0000-0000000000024',
  lynne: '00000000-0000-0000-0000-0000000000025',
} as const;

/** Builds a Teams message activity from a person to the bot, as the Bot Connector would post it. */
export function messageActivity(
  serviceUrl: string,
  text: string,
  options: {
    aad?: string;
    name?: string;
    conversationId?: string;
    conversationType?: string;
    value?: unknown;
    replyToId?: string;
    locale?: string;
    /** The sender's tenant; default the demo (Agents Playground) tenant, which local mode allows. */
    tenantId?: string;
    /** Teams `channelData`, e.g. `{ meeting: { id } }` in a meeting chat. */
    channelData?: Record<string, unknown>;
  } = {},
) {
  const tenantId = options.tenantId ?? DEMO_TENANT_ID;
  counter += 1;
  return {
    type: 'message',
    id: `act-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: options.locale ?? 'en-US',
    text,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    from: {
      id: `29:user-${options.aad ?? AAD.alex}`,
      name: options.name ?? 'Alex Wilber',
      aadObjectId: options.aad ?? AAD.alex,
    },
    recipient: { id: '28:bot', name: 'ISC Coordinator' },
    conversation: {
      id: options.conversationId ?? `a:personal-${options.aad ?? AAD.alex}`,
      conversationType: options.conversationType ?? 'personal',
      tenantId,
    },
    channelData: { tenant: { id: tenantId }, ...options.channelData },
  };
}

/** Posts an activity to the bot endpoint the way the Bot Connector does. */
export async function postActivity(serverUrl: string, activity: unknown): Promise<Response> {
  return fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

/** Builds the invoke Teams sends when someone clicks an Action.Execute button on a card. */
export function cardActionActivity(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  options: { aad?: string; name?: string; tenantId?: string } = {},
) {
  const base = messageActivity(serviceUrl, '', options);
  const { text: _text, ...rest } = base;
  return {
    ...rest,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
