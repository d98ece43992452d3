/**
 * The only place that imports botbuilder (archived upstream): it turns Bot Framework requests into
 * plain `Turn`s for IscBot and sends proactive messages. Replacing it with @microsoft/agents-hosting
 * is a change of this file.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  DeliveryModes,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { decodeJwt } from 'jose';
import { AppError } from '../teams-app/domain';
import { IncomingActivity, type InvokeResponse, type OutgoingActivity, type Turn } from './activity';

/** Credentials of the bot registration; all empty in local mode (the Agents Playground needs none). */
export interface BotCredentials {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Where the Bot Framework channel's signing keys are described (default: the public cloud's document). */
  openIdMetadataUrl?: string;
}

/** What the bot endpoint is given of a POST /api/messages: the JSON body, not yet checked, and its Authorization. */
export interface BotRequest {
  body: unknown;
  authorization: string;
}

/** What the bot endpoint answers: a status and, for an invoke, a JSON body. */
export interface BotReply {
  status: number;
  body?: unknown;
}

/** Sends and receives activities for the bot. */
export interface BotAdapter {
  /**
   * Handles POST /api/messages. Refusals are thrown as coded errors for the HTTP layer: `request.invalid`,
   * `auth.required` / `auth.invalid-token` (401), `bot.signing-keys-unavailable` (503).
   */
  process(request: BotRequest, onTurn: (turn: Turn) => Promise<InvokeResponse | void>): Promise<BotReply>;
}

/** How far a token's expiry may lie in the past (the Bot Framework's own clock tolerance). */
const CLOCK_TOLERANCE_SECONDS = 300;

/** Error codes of failed network calls: the signing keys could not be fetched, the token was not judged. */
const NETWORK_ERROR = /^(E[A-Z]+|EAI_[A-Z]+|UND_ERR_[A-Z_]+)$/;

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

/**
 * The public cloud's Bot Framework endpoints (the SDK's defaults). The SDK uses its defaults only when none of
 * them is given, so replacing the OpenID metadata document means giving all of them.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
};

function settingsOf(credentials: BotCredentials) {
  return {
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppTenantId: credentials.tenantId ?? '',
    MicrosoftAppType: credentials.appId ? credentials.appType : 'MultiTenant',
    ...(credentials.openIdMetadataUrl
      ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: credentials.openIdMetadataUrl }
      : {}),
  };
}

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>[0];

/** The bot an activity was sent to, from its claims (the two claims botbuilder itself reads, audience first). */
function botAppIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/** Up to how many clients a memo keeps (one per bot × service URL × audience: a handful in practice). */
const MEMO_LIMIT = 100;

/** Memoises promises by key; a rejected one is forgotten, so the next call tries again. */
function memo<T>(): (key: string, make: () => Promise<T>) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  return (key, make) => {
    let value = made.get(key);
    if (!value) {
      if (made.size >= MEMO_LIMIT) made.clear();
      value = make();
      made.set(key, value);
      value.catch(() => made.delete(key));
    }
    return value;
  };
}

/**
 * The SDK's authentication, keeping one UserTokenClient per bot: the SDK makes one per turn (with its HTTP
 * pipeline, ~0.1 ms of CPU), though the bot never signs users in through it.
 */
class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly tokenClients =
    memo<Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>>();

  override createUserTokenClient(claimsIdentity: ClaimsIdentity) {
    return this.tokenClients(botAppIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

function botAuthentication(credentials: BotCredentials): ConfigurationBotFrameworkAuthentication {
  const settings = settingsOf(credentials);
  return new ReusingAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

/** A CloudAdapter for the bot registration (anonymous in local mode: the Agents Playground needs no credentials). */
export function cloudAdapter(credentials: BotCredentials): CloudAdapter {
  return new CloudAdapter(botAuthentication(credentials));
}

/**
 * Refuses, before the SDK sees it, a bearer token that is not a JWT or has expired or never expires: the SDK
 * would print a stack trace for an expired token.
 */
function precheckToken(authorization: string): void {
  const token = authorization.match(/^Bearer\s+(\S+)$/)?.[1];
  if (!token) throw new AppError('auth.required', 'Bot Framework activities need a bearer token.');
  let exp: number | undefined;
  try {
    ({ exp } = decodeJwt(token));
  } catch {
    throw new AppError('auth.invalid-token', 'The bearer token is not valid.', { reason: 'malformed' });
  }
  if (exp === undefined) throw new AppError('auth.invalid-token', 'The bearer token has no expiry.', { reason: 'exp' });
  if (exp < Date.now() / 1000 - CLOCK_TOLERANCE_SECONDS) {
    throw new AppError('auth.invalid-token', 'The bearer token has expired.', { reason: 'expired' });
  }
}

/** True when an error means the signing keys (OpenID metadata or JWKS) could not be fetched. */
function isKeyFetchFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, statusCode } = error as { name?: unknown; code?: unknown; statusCode?: unknown };
  if (name === 'FetchError' || name === 'AbortError') return true;
  if (typeof code === 'string' && NETWORK_ERROR.test(code)) return true;
  // The SDK's "Failed to load openID config / Keys: <status>" carries a 5xx status code.
  return typeof statusCode === 'number' && statusCode >= 500;
}

/** A short, non-sensitive name for a failure (its error code or class), for the log. */
function failureReason(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : 'unknown';
}

/** Maps a failure of the Bot Framework authentication to a coded error; the cause goes to the log only. */
function authenticationFailure(error: unknown): AppError {
  if (isKeyFetchFailure(error)) {
    return new AppError(
      'bot.signing-keys-unavailable',
      'The Bot Framework signing keys could not be fetched, so the sender cannot be checked. Try again later.',
      { reason: failureReason(error) },
    );
  }
  return new AppError('auth.invalid-token', 'The Bot Framework token is not valid.', { reason: 'rejected' });
}

/**
 * The activity as the SDK expects it (what CloudAdapter.process makes of the body): a copy of the received JSON,
 * which IncomingActivity has checked, with timestamps as dates and the raw strings kept.
 */
function sdkActivity(body: object): Activity {
  const activity = { ...body } as Activity;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value: unknown = Reflect.get(activity, field);
    if (typeof value === 'string') Object.assign(activity, { [field]: new Date(value), [raw]: value });
  }
  return activity;
}

/** A CloudAdapter whose authentication and turn are two steps, so a failed authentication can be told apart. */
class TwoStepAdapter extends CloudAdapter {
  /** Checks the sender's token (fetching the channel's signing keys when needed). */
  authenticate(activity: Activity, authorization: string) {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** ConnectorClients by bot, service URL and audience; they hold no state of a turn, so turns share them. */
  private readonly connectors = memo<ConnectorClient>();

  /**
   * Runs the turn of an authenticated activity; returns the invoke response, if any. The turn gets a connector
   * made earlier for the same bot, service URL and audience: the SDK would make one per turn (~0.2 ms of CPU for
   * its HTTP pipeline and credentials), though an invoke answered in the HTTP response never uses it.
   */
  run(
    authenticated: Awaited<ReturnType<TwoStepAdapter['authenticate']>>,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    const factory = authenticated.connectorFactory;
    if (!factory) return this.processActivity(authenticated, activity, logic);
    const bot = botAppIdOf(authenticated.claimsIdentity);
    const connectorFactory: typeof factory = {
      create: (serviceUrl: string, audience?: string) =>
        this.connectors(`${bot}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
    return this.processActivity({ ...authenticated, connectorFactory }, activity, logic);
  }
}

type ConnectorClient = Awaited<ReturnType<NonNullable<AuthenticateRequestResult['connectorFactory']>['create']>>;
type AuthenticateRequestResult = Awaited<ReturnType<TwoStepAdapter['authenticate']>>;

/** Builds the Bot Framework adapter that answers POST /api/messages. */
export function createBotAdapter(credentials: BotCredentials, onError: (error: unknown) => void): BotAdapter {
  const adapter = new TwoStepAdapter(botAuthentication(credentials));
  adapter.onTurnError = async (context, error) => {
    onError(error);
    try {
      await context.sendActivity('Something went wrong on my side. Please try again in a moment.');
    } catch {
      // The conversation may be gone; the error is logged above.
    }
  };
  return {
    async process({ body, authorization }, onTurn) {
      // Checked once, here: the turn gets the activity as parsed (timestamps as ISO strings of the SDK's dates).
      const activity = typeof body === 'object' && body !== null ? sdkActivity(body) : null;
      const checked = activity && IncomingActivity.safeParse(activity);
      if (!activity || !checked?.success) {
        throw new AppError('request.invalid', 'The request is not a valid Bot Framework activity.');
      }
      if (credentials.appId) precheckToken(authorization);
      let authenticated;
      try {
        authenticated = await adapter.authenticate(activity, authorization);
      } catch (error) {
        throw authenticationFailure(error);
      }
      const answersItself = activity.type === 'invoke' && activity.deliveryMode !== DeliveryModes.ExpectReplies;
      let answer: InvokeResponse | undefined;
      const result = await adapter.run(authenticated, activity, async (context) => {
        const turnAnswer = await onTurn({ activity: checked.data, ...toTurn(context) });
        if (!turnAnswer || context.activity.type !== 'invoke') return;
        // An invoke's answer is the HTTP response itself; only with expectReplies does the SDK bundle it with
        // the replies, so only then does it go through the SDK's send pipeline as an invokeResponse activity.
        if (answersItself) answer = turnAnswer;
        else await context.sendActivity({ type: 'invokeResponse', value: turnAnswer });
      });
      if (answer) return { status: answer.status, body: answer.body };
      return { status: result?.status ?? 200, body: result?.body ?? undefined };
    },
  };
}
