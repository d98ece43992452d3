/**
 * The only place that imports botbuilder (archived upstream): it turns Bot Framework requests into
 * plain `Turn`s for IscBot and sends proactive messages. Replacing it with @microsoft/agents-hosting
 * is a change of this file.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'express';
import { IncomingActivity, type InvokeResponse, type OutgoingActivity, type Turn } from './activity';

/** Credentials of the bot registration; all empty in local mode (the Agents Playground needs none). */
export interface BotCredentials {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/** Sends and receives activities for the bot. */
export interface BotAdapter {
  /** Handles POST /api/messages. */
  process(req: Request, res: Response, onTurn: (turn: Turn) => Promise<InvokeResponse | void>): Promise<void>;
}

function toTurn(context: TurnContext): Omit<Turn, 'activity'> {
  return {
    async send(activity: OutgoingActivity) {
      const response = await context.sendActivity(activity);
      return { id: response?.id };
    },
    async update(activity: OutgoingActivity & { id: string }) {
      await context.updateActivity(activity);
    },
  };
}

/** A CloudAdapter for the bot registration (anonymous in local mode: the Agents Playground needs no credentials). */
export function cloudAdapter(credentials: BotCredentials): CloudAdapter {
  const settings = {
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppTenantId: credentials.tenantId ?? '',
    MicrosoftAppType: credentials.appId ? credentials.appType : 'MultiTenant',
  };
  return new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings)),
  );
}

/** Builds the Bot Framework adapter that answers POST /api/messages. */
export function createBotAdapter(credentials: BotCredentials, onError: (error: unknown) => void): BotAdapter {
  const adapter = cloudAdapter(credentials);
  adapter.onTurnError = async (context, error) => {
    onError(error);
    try {
      await context.sendActivity('Something went wrong on my side. Please try again in a moment.');
    } catch {
      // The conversation may be gone; the error is logged above.
    }
  };
  return {
    async process(req, res, onTurn) {
      const parsed = IncomingActivity.safeParse(req.body);
      if (!parsed.success) {
        res
          .status(400)
          .json({ error: { code: 'request.invalid', message: 'The request is not a valid Bot Framework activity.' } });
        return;
      }
      await adapter.process(req, res, async (context) => {
        const result = await onTurn({ activity: context.activity as Turn['activity'], ...toTurn(context) });
        if (result && context.activity.type === 'invoke') {
          await context.sendActivity({ type: 'invokeResponse', value: result });
        }
      });
    },
  };
}
