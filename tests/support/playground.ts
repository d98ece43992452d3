/**
 * The Microsoft 365 Agents Playground (Teams client emulator) for end-to-end tests: starts it against a
 * bot endpoint, optionally as another demo person, and drives its UI with playwright-core by roles.
 * See /work/shared/PLATFORM.md for what the Playground supports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_MEETING_CHAT, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../teams-app/store/demo/seed';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');

/** The project's Playground configuration (bot, tenant, the demo people, Alex Wilber as current user). */
export const DEFAULT_PLAYGROUND_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');

/** The bot as the Playground knows it (same as `.m365agentsplayground.yml`). */
export const PLAYGROUND_BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'ISC Coordinator' } as const;

/** The Playground's tenant (same as `.m365agentsplayground.yml`). */
export const PLAYGROUND_TENANT_ID = DEMO_TENANT_ID;

/** The one group chat of the Playground; it stands in for a meeting chat. */
export const PLAYGROUND_GROUP_CHAT = { id: DEMO_MEETING_CHAT, name: 'ISC-TF meeting chat' } as const;

/** The team of the Playground; its General channel is created by the Playground itself. */
export const PLAYGROUND_TEAM = {
  id: 'team-isc-tf',
  name: 'ISC-TF',
  aadGroupId: '00000000-0000-0000-0000-000000000031',
} as const;

/** A user in the Playground's configuration file. */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The first six demo people are the Playground's users, with the same AAD object ids as the demo register. */
const PLAYGROUND_PEOPLE = DEMO_PEOPLE.slice(0, 6);

/** The Playground user of a demo person (by person id, e.g. `patti-fernandez`), as `from` of its activities. */
export function playgroundUser(personId: string): PlaygroundUser {
  const index = PLAYGROUND_PEOPLE.findIndex((p) => p.id === personId);
  const person = PLAYGROUND_PEOPLE[index];
  if (!person) {
    throw new Error(
      `${personId} is not a Playground user; use one of ${PLAYGROUND_PEOPLE.map((p) => p.id).join(', ')}.`,
    );
  }
  const [givenName = '', surname = ''] = person.name.split(' ');
  return {
    id: `user-id-${index}`,
    name: person.name,
    userPrincipleName: person.email,
    aadObjectId: person.aadObjectId,
    givenName,
    surname,
    email: person.email,
  };
}

/**
 * The Playground configuration with `currentUserId` (a demo person id) as the current user and the
 * other five Playground people as the other users; otherwise the same as `.m365agentsplayground.yml`.
 */
export function playgroundConfig(currentUserId = 'alex-wilber'): Record<string, unknown> {
  const currentUser = playgroundUser(currentUserId);
  return {
    version: '0.1.1',
    tenantId: PLAYGROUND_TENANT_ID,
    bot: { ...PLAYGROUND_BOT },
    currentUser,
    users: PLAYGROUND_PEOPLE.filter((p) => p.id !== currentUserId).map((p) => playgroundUser(p.id)),
    personalChat: { id: `personal-chat-${currentUserId}` },
    groupChat: { ...PLAYGROUND_GROUP_CHAT },
    team: { ...PLAYGROUND_TEAM, channels: [] },
  };
}

/** Options of {@link startPlayground}. */
export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `${server.url}/api/messages`. */
  botEndpoint: string;
  /** A Playground configuration file; defaults to the project's `.m365agentsplayground.yml`. */
  configPath?: string;
  /** Act as this demo person (e.g. `patti-fernandez`, the chair): writes a temporary configuration. */
  currentUser?: string;
  /** How long to wait for the Playground to answer; 30 s by default. */
  startTimeoutMs?: number;
}

/** A running Playground. */
export interface RunningPlayground {
  /** The page to open, e.g. `http://localhost:41234/`. */
  url: string;
  port: number;
  /** The configuration file it loaded. */
  configPath: string;
  /** Its console output so far (for failure messages). */
  output(): string;
  /** Stops the process (and anything it started) and removes its temporary files. */
  close(): Promise<void>;
}

/** Finds a free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the Agents Playground (Teams channel, telemetry off, no browser) against a bot endpoint on a free
 * port, and resolves when its page answers. Always `close()` it (e.g. in `afterAll`).
 */
export async function startPlayground(options: StartPlaygroundOptions): Promise<RunningPlayground> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'isc-playground-'));
  let configPath = options.configPath ?? DEFAULT_PLAYGROUND_CONFIG;
  if (options.currentUser && !options.configPath) {
    configPath = path.join(workDir, '.m365agentsplayground.yml');
    // JSON is YAML: the Playground's parser reads it as is.
    await writeFile(configPath, JSON.stringify(playgroundConfig(options.currentUser), null, 2));
  }
  const requestedPort = await freePort();
  const logFile = path.join(workDir, 'playground.log');
  const child = spawn(
    process.execPath,
    [CLI, '-e', options.botEndpoint, '-c', 'msteams', '--dt', '-p', String(requestedPort)],
    {
      cwd: workDir,
      detached: true, // its own process group, so close() ends everything it starts
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let printed = '';
  const collect = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Start-up errors (e.g. an invalid configuration file) only go to its log file.
  const output = () => {
    let log = '';
    try {
      log = readFileSync(logFile, 'utf8').slice(-20_000);
    } catch {
      // not written yet
    }
    return `${printed}${log ? `\n--- ${logFile}\n${log}` : ''}`;
  };

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      await stopProcessGroup(child, exited);
      await rm(workDir, { recursive: true, force: true });
    })();
    return closed;
  };

  try {
    // It moves to a random port when the requested one was taken meanwhile, and says so.
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const port = await waitForListening(child, output, timeoutMs);
    const url = `http://localhost:${port}/`;
    await waitForHttp(child, url, output, timeoutMs);
    return { url, port, configPath, output, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const match = /Listening on (\d+)/.exec(output());
    if (match) return Number(match[1]);
    failIfExited(child, output);
    await delay(100);
  }
  throw new Error(`The Agents Playground did not start within ${timeoutMs} ms:\n${output()}`);
}

async function waitForHttp(child: ChildProcess, url: string, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    failIfExited(child, output);
    try {
      if ((await request('GET', url)).status === 200) return;
    } catch {
      // not up yet
    }
    await delay(100);
  }
  throw new Error(`The Agents Playground did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

function failIfExited(child: ChildProcess, output: () => string): void {
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(`The Agents Playground stopped (${child.exitCode ?? child.signalCode}):\n${output()}`);
  }
}

async function stopProcessGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5000))),
  ]);
  clearTimeout(timer);
  if (!stopped) {
    signalGroup('SIGKILL');
    await exited;
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
}

/** One HTTP request on its own connection (fetch would keep idle sockets open and hold jest for seconds). */
function request(method: string, url: string | URL, json?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const req = http.request(
      url,
      {
        method,
        agent: false,
        timeout: 5000,
        headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The answer of {@link apiRequest}. */
export interface ApiResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON (throws when it is not JSON). */
  json<T = any>(): T;
}

/**
 * One request to the app's server as a demo person (`x-dev-user`, local mode), on its own connection so
 * no idle socket holds jest; e.g. `apiRequest('POST', `${server.url}/api/v1/meetings/x/agenda/compile`, { user })`.
 */
export function apiRequest(
  method: string,
  url: string | URL,
  options: { user?: string; json?: unknown; timeoutMs?: number } = {},
): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: http.OutgoingHttpHeaders = {};
    if (options.user) headers['x-dev-user'] = options.user;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = http.request(url, { method, agent: false, timeout: options.timeoutMs ?? 15_000, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const buffer = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: buffer,
          json: <T = any>() => JSON.parse(buffer.toString('utf8')) as T,
        });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------------
// Custom activities: what the UI cannot do (e.g. a meeting-chat message, which carries channelData.meeting).

/** An activity posted to the bot through the Playground, as the Bot Framework connector would send it. */
export type CustomActivity = Record<string, unknown> & { type: string };

/**
 * Sends a raw activity to the bot through the Playground (`POST /_internal/v1/customActivities`); replies
 * go to the conversation named in the activity and show in the UI. Resolves once the Playground accepted it
 * (the bot's turn runs after that).
 */
export async function sendCustomActivity(playground: RunningPlayground, activity: CustomActivity): Promise<void> {
  const res = await request('POST', new URL('/_internal/v1/customActivities', playground.url), activity);
  if (res.status !== 200) throw new Error(`The Playground refused the custom activity: ${res.status} ${res.body}`);
}

/** Options of {@link meetingChatMessage}. */
export interface MeetingChatMessageOptions {
  /** The Teams meeting id (`channelData.meeting.id`). */
  meetingId: string;
  text: string;
  /** Who writes it (a demo person id); Alex Wilber by default. */
  from?: string;
  /** Mention the bot (`<at>ISC Coordinator</at> …`), as Teams does when someone @mentions it. */
  mentionBot?: boolean;
  /** The Playground's connector, where the bot replies: `${playground.url}_connector`. */
  serviceUrl: string;
  locale?: string;
}

/**
 * A message in the Playground's group chat shaped like a message in a Teams meeting chat (groupChat
 * conversation with `channelData.meeting.id`), for {@link sendCustomActivity}.
 */
export function meetingChatMessage(options: MeetingChatMessageOptions): CustomActivity {
  const user = playgroundUser(options.from ?? 'alex-wilber');
  const mention = `<at>${PLAYGROUND_BOT.name}</at>`;
  return {
    type: 'message',
    id: `custom-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    locale: options.locale ?? 'en-US',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: PLAYGROUND_BOT.id, name: PLAYGROUND_BOT.name },
    conversation: {
      id: PLAYGROUND_GROUP_CHAT.id,
      isGroup: true,
      conversationType: 'groupChat',
      tenantId: PLAYGROUND_TENANT_ID,
    },
    text: options.mentionBot ? `${mention} ${options.text}` : options.text,
    textFormat: 'plain',
    entities: options.mentionBot
      ? [{ type: 'mention', text: mention, mentioned: { id: PLAYGROUND_BOT.id, name: PLAYGROUND_BOT.name } }]
      : [],
    channelData: {
      tenant: { id: PLAYGROUND_TENANT_ID },
      meeting: { id: options.meetingId },
    },
  };
}

/** The Playground's mock Bot Framework connector (the `serviceUrl` of its activities). */
export function connectorUrl(playground: RunningPlayground): string {
  return new URL('/_connector', playground.url).toString();
}

// ---------------------------------------------------------------------------------------------------------
// Driving the UI (class names are hashed: roles and aria labels only).

const COMPOSE_BOX = '[data-lexical-editor="true"]';
const MESSAGE_HEADER = '[aria-label="Message header"]';
const MESSAGE_AUTHOR = '[aria-label="Message author"]';
// Playwright's selector engine (unlike the browser's) allows :has inside :has.
const BOT_MESSAGE = `div:has(> ${MESSAGE_HEADER}:has(${MESSAGE_AUTHOR}))`;
const USER_MESSAGE = `div:has(> ${MESSAGE_HEADER}:not(:has(${MESSAGE_AUTHOR})))`;

/**
 * A chat in the Playground's side bar, by its accessible name: `Personal Chat`, the group chat's configured
 * name (`PLAYGROUND_GROUP_CHAT.name`) or `<team> - General` (e.g. `ISC-TF - General`).
 */
export type PlaygroundChat = string;

/**
 * Opens the Playground page (which starts a fresh session: the UI keeps no history across loads) and a
 * chat in it; resolves when the compose box is ready (first load ~5 s).
 */
export async function openPlayground(
  page: Page,
  playground: RunningPlayground,
  chat: PlaygroundChat = 'Personal Chat',
): Promise<void> {
  // A 9 MB bundle: ~5 s on an idle machine, much more when other browsers share the CPU.
  await page.goto(playground.url, { waitUntil: 'commit', timeout: 60_000 });
  await page.locator(COMPOSE_BOX).waitFor({ state: 'visible', timeout: 90_000 });
  await openChat(page, chat);
}

/** Switches to a chat in the side bar and waits until it is selected. */
export async function openChat(page: Page, chat: PlaygroundChat): Promise<void> {
  const item = page.getByRole('treeitem', { name: chat, exact: true }).first();
  await item.click();
  await page.locator(COMPOSE_BOX).waitFor({ state: 'visible' });
}

/** Every message of the bot in the open chat, oldest first. */
export function botMessages(page: Page): Locator {
  return page.locator(BOT_MESSAGE);
}

/** Every message the current user sent in the open chat, oldest first. */
export function userMessages(page: Page): Locator {
  return page.locator(USER_MESSAGE);
}

/** The bot's latest message in the open chat. */
export function lastBotMessage(page: Page): Locator {
  return botMessages(page).last();
}

/** Options of {@link sendMessage}. */
export interface SendOptions {
  /** In a group chat or channel the Playground forwards only messages that @mention the bot. */
  mentionBot?: boolean;
  timeout?: number;
}

/**
 * Types a message in the compose box and sends it; resolves when it shows in the chat, with its position
 * among the user's messages (for {@link waitForReply}).
 */
export async function sendMessage(page: Page, text: string, options: SendOptions = {}): Promise<number> {
  const timeout = options.timeout ?? 15_000;
  const sent = userMessages(page);
  const before = await sent.count();
  const compose = page.locator(COMPOSE_BOX);
  await compose.click();
  if (options.mentionBot) {
    await page.keyboard.type('@');
    await page
      .getByRole('listbox', { name: 'Typeahead menu' })
      .getByRole('menuitem', { name: PLAYGROUND_BOT.name })
      .first()
      .click({ timeout });
    await page.keyboard.type(' ');
  }
  await page.keyboard.insertText(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
  await sent.nth(before).waitFor({ state: 'visible', timeout });
  return before;
}

/** Options of {@link waitForReply}. */
export interface ReplyOptions {
  /** Wait for a reply containing this text (earlier replies without it are skipped). */
  hasText?: string | RegExp;
  timeout?: number;
}

/**
 * Waits for the bot's first message (or the first one containing `hasText`) after the user's message at
 * `userMessageIndex` (what {@link sendMessage} returned) and returns it.
 */
export async function waitForReply(page: Page, userMessageIndex: number, options: ReplyOptions = {}): Promise<Locator> {
  const hasText = options.hasText;
  const pattern =
    hasText === undefined
      ? null
      : typeof hasText === 'string'
        ? { source: escapeRegExp(hasText), flags: 'i' }
        : { source: hasText.source, flags: hasText.flags };
  const handle = await page.waitForFunction(
    ({ header, author, index, pattern }) => {
      // Each message is the parent of its header; the bot's messages name their author, the user's do not.
      const messages = Array.from(document.querySelectorAll(header), (h) => ({
        element: h.parentElement as HTMLElement,
        fromBot: h.querySelector(author) !== null,
      }));
      const mine = messages.filter((m) => !m.fromBot)[index];
      if (!mine) return null;
      const regex = pattern ? new RegExp(pattern.source, pattern.flags) : null;
      const bots = messages.filter((m) => m.fromBot);
      const found = bots.findIndex(
        (m) => messages.indexOf(m) > messages.indexOf(mine) && (!regex || regex.test(m.element.innerText)),
      );
      return found >= 0 ? found : null;
    },
    { header: MESSAGE_HEADER, author: MESSAGE_AUTHOR, index: userMessageIndex, pattern },
    { timeout: options.timeout ?? 20_000, polling: 100 },
  );
  const botIndex = (await handle.jsonValue()) as number;
  await handle.dispose();
  return botMessages(page).nth(botIndex);
}

/** Sends a message and returns the bot's reply to it (see {@link sendMessage} and {@link waitForReply}). */
export async function ask(page: Page, text: string, options: SendOptions & ReplyOptions = {}): Promise<Locator> {
  const index = await sendMessage(page, text, options);
  return waitForReply(page, index, options);
}

/** The Adaptive Card inside a message. */
export function cardIn(message: Locator): Locator {
  return message.locator('.ac-adaptiveCard');
}

/**
 * Waits for a bot message in the open chat containing `text` (e.g. a proactive message or a card posted
 * after a custom activity) and returns the latest such message.
 */
export async function waitForBotMessage(page: Page, text: string | RegExp, timeout = 20_000): Promise<Locator> {
  const message = botMessages(page).filter({ hasText: text }).last();
  await message.waitFor({ state: 'visible', timeout });
  return message;
}

/**
 * Fills an Adaptive Card's inputs by their labels (text → textbox, boolean → toggle) and clicks one of its
 * buttons (Action.Submit or Action.Execute). The Playground then posts the submit to the bot; wait for the
 * card to change or for a reply.
 */
export async function submitCard(
  card: Locator,
  button: string,
  fields: Record<string, string | boolean> = {},
): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    if (typeof value === 'boolean') await card.getByRole('checkbox', { name: label }).setChecked(value);
    else await card.getByRole('textbox', { name: label }).fill(value);
  }
  await card.getByRole('button', { name: button }).click();
}

/** Waits until an element is visible, failing after `timeout` ms (jest has no Playwright matchers). */
export async function expectVisible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
