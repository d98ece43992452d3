/**
 * The Teams app package against the real schemas shipped with @microsoft/app-manifest (offline): the
 * manifest, its six languages, its icons, and that the checks do fail on a broken package.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import {
  buildAppPackage,
  checkPackageFiles,
  manifestSettings,
  PLACEHOLDER_ID,
  renderManifest,
  sourceOf,
  validateLocalization,
  validateManifest,
  type ManifestJson,
} from '../../manifest/app-package';
import { COMMANDS } from '../../bot/commands';
import { ACCENT } from '../../manifest/make-icons';
import { readZip } from '../../manifest/zip';
import { t, type MessageKey } from '../../teams-app/i18n';
import type { Locale } from '../../teams-app/domain';

const PRODUCTION_ENV = {
  MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
  AAD_CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  PUBLIC_URL: 'https://isc.example.org/',
};

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  manifestVersion: string;
  id: string;
  version: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: Command[] }[] }[];
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[]; context?: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  validDomains: string[];
  icons: { color: string; outline: string };
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
}

function render(env: NodeJS.ProcessEnv = {}): Manifest & ManifestJson {
  return renderManifest(manifestSettings(env).settings) as Manifest & ManifestJson;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The bot's own words for each command (the registry, which the help card shows), so the command menu says the same. */
const COMMAND_KEYS: Record<string, MessageKey> = Object.fromEntries(COMMANDS.map((c) => [c.id, c.description]));

/** The newest manifest schema version the offline validator ships (its folders are named v1.6 … v1.30, vDevPreview). */
function newestShippedSchema(): string {
  const folder = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build/json-schemas/teams',
  );
  const versions = readdirSync(folder)
    .map((name) => /^v1\.(\d+)$/.exec(name)?.[1])
    .filter((minor): minor is string => minor !== undefined)
    .map(Number);
  return `1.${Math.max(...versions)}`;
}

describe('the Teams app manifest', () => {
  it('validates against its schema with local defaults, every placeholder filled', async () => {
    const manifest = render();

    expect(await validateManifest(manifest)).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.manifestVersion).toBe(newestShippedSchema());
    expect(manifest.bots[0]?.botId).toBe(PLACEHOLDER_ID);
    expect(manifestSettings({}).warnings.join(' ')).toMatch(/MICROSOFT_APP_ID.*AAD_CLIENT_ID/s);
  });

  it('takes the bot id, the SSO app and the public host from the environment', async () => {
    const manifest = render(PRODUCTION_ENV);

    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifestSettings(PRODUCTION_ENV).warnings).toEqual([]);
    expect(manifest.bots[0]?.botId).toBe(PRODUCTION_ENV.MICROSOFT_APP_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: PRODUCTION_ENV.AAD_CLIENT_ID,
      resource: `api://isc.example.org/${PRODUCTION_ENV.AAD_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual(['isc.example.org']);
    expect(manifest.staticTabs[0]?.contentUrl).toMatch(/^https:\/\/isc\.example\.org\//);
    expect(manifest.configurableTabs[0]?.configurationUrl).toMatch(/^https:\/\/isc\.example\.org\//);
  });

  it('offers the bot in personal chats, teams and group chats with its commands', () => {
    const [bot] = render().bots;

    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = new Set(bot?.commandLists.flatMap((list) => list.commands.map((c) => c.title)));
    expect([...titles].sort()).toEqual(Object.keys(COMMAND_KEYS).sort());
    const personal = bot?.commandLists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toContain('my topics');
    const group = bot?.commandLists.find((list) => list.scopes.includes('groupChat'));
    expect(group?.commands.map((c) => c.title)).toContain('minutes');
  });

  it('describes each command with the words of the help card', () => {
    for (const list of render().bots[0]?.commandLists ?? []) {
      for (const command of list.commands) {
        expect(command.description).toBe(t(COMMAND_KEYS[command.title] as MessageKey, 'en'));
      }
    }
  });

  it('has a personal tab and a tab for channels, chats, the meeting side panel and the meeting stage', () => {
    const manifest = render();

    expect(manifest.staticTabs.find((tab) => tab.entityId === 'register')).toMatchObject({
      scopes: ['personal'],
      context: ['personalTab'],
    });
    const [configurable] = manifest.configurableTabs;
    expect(configurable?.scopes.sort()).toEqual(['groupChat', 'team']);
    expect(configurable?.context).toEqual(
      expect.arrayContaining(['meetingSidePanel', 'meetingStage', 'meetingChatTab']),
    );
  });

  it('asks for the meeting chat messages (RSC ChatMessage.Read.Chat, application)', () => {
    expect(render().authorization.permissions.resourceSpecific).toContainEqual({
      name: 'ChatMessage.Read.Chat',
      type: 'Application',
    });
  });

  it('reports a manifest without a bot id', async () => {
    const broken = clone(render());
    delete (broken.bots[0] as Partial<Manifest['bots'][number]>).botId;

    const errors = await validateManifest(broken);

    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/botId/);
  });

  it('reports a bot id that is not a GUID and a name that is too long', async () => {
    const broken = clone(render()) as ManifestJson & Manifest & { name: { short: string } };
    broken.bots[0]!.botId = 'not-a-guid';
    broken.name.short = 'ISC Coordinator for the ITU Inter-Sectoral Coordination Task Force';

    const errors = await validateManifest(broken);

    expect(errors.some((e) => e.startsWith('/bots/0/botId'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/name/short'))).toBe(true);
  });
});

describe('the manifest in the six UN languages', () => {
  const manifest = render();
  const languages = manifest.localizationInfo.additionalLanguages;
  const read = (file: string) => JSON.parse(readFileSync(sourceOf(file), 'utf8')) as ManifestJson;

  it('is English by default with Arabic, Chinese, French, Russian and Spanish files', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('en');
    expect(languages.map((l) => l.languageTag).sort()).toEqual(['ar', 'es', 'fr', 'ru', 'zh']);
    expect(languages.map((l) => l.file).sort()).toEqual(['ar.json', 'es.json', 'fr.json', 'ru.json', 'zh.json']);
  });

  it.each(['ar', 'zh', 'fr', 'ru', 'es'])('%s validates against the localization schema', async (lang) => {
    expect(await validateLocalization(read(`${lang}.json`))).toEqual([]);
  });

  it.each(['ar', 'zh', 'fr', 'ru', 'es'] as Locale[])(
    '%s translates the name, descriptions, the personal tab and every command description',
    (lang) => {
      const strings = read(`${lang}.json`);
      const expected = ['name.short', 'name.full', 'description.short', 'description.full', 'staticTabs[0].name'];
      manifest.bots[0]?.commandLists.forEach((list, i) =>
        list.commands.forEach((command, j) => {
          const key = `bots[0].commandLists[${i}].commands[${j}].description`;
          expected.push(key);
          expect(strings[key]).toBe(t(COMMAND_KEYS[command.title] as MessageKey, lang));
        }),
      );
      expect(
        Object.keys(strings)
          .filter((k) => k !== '$schema')
          .sort(),
      ).toEqual(expected.sort());
      expect(strings.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
    },
  );

  it('reports a localization file with a description that is too long or a key the schema does not know', async () => {
    const strings = { ...read('fr.json'), 'description.short': 'x'.repeat(81), 'icons.color': 'autre.png' };

    const errors = await validateLocalization(strings);

    expect(errors.some((e) => e.startsWith('/description.short'))).toBe(true);
    expect(errors.join('\n')).toMatch(/additional properties/);
  });
});

describe('the app icons', () => {
  const manifest = render();
  /** A committed icon as the manifest names it, decoded to RGBA pixels. */
  const icon = (field: 'color' | 'outline') => PNG.sync.read(readFileSync(sourceOf(manifest.icons[field])));

  it('are a 192×192 colour icon and a 32×32 outline icon', () => {
    expect(icon('color')).toMatchObject({ width: 192, height: 192 });
    expect(icon('outline')).toMatchObject({ width: 32, height: 32 });
  });

  it('put the glyph of the colour icon on the accent colour of the manifest, fully opaque', () => {
    const { data: pixels } = icon('color');
    const corner = `#${[...pixels.subarray(0, 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

    expect(corner.toUpperCase()).toBe(ACCENT);
    expect((manifest as ManifestJson).accentColor).toBe(ACCENT);
    const alphas = new Set<number>();
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4) {
      alphas.add(pixels[i + 3] ?? 0);
      colours.add(pixels.subarray(i, i + 3).join());
    }
    expect([...alphas]).toEqual([255]);
    expect(colours.has('255,255,255')).toBe(true);
  });

  it('draw the outline icon in white on a transparent background', () => {
    const { data: pixels } = icon('outline');
    const alphas = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) {
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      alphas.add(pixels[i + 3] ?? 0);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
  });

  it('pass the package checks, which report an icon of the wrong size and a missing file', async () => {
    expect(await checkPackageFiles(manifest)).toEqual([]);

    const broken = clone(manifest);
    broken.icons.outline = broken.icons.color;
    broken.localizationInfo.additionalLanguages.push({ languageTag: 'de', file: 'de.json' });
    const problems = await checkPackageFiles(broken);

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/icons\.outline: color\.png is 192×192 pixels; Teams needs 32×32/),
        expect.stringMatching(/icons\.outline: color\.png must be white on transparent/),
        expect.stringMatching(/de\.json does not exist/),
      ]),
    );
  });
});

describe('the app package', () => {
  it('zips the manifest, the icons and the five language files at the root', async () => {
    const pkg = await buildAppPackage(PRODUCTION_ENV);

    expect(pkg.errors).toEqual([]);
    const entries = readZip(pkg.zip);
    expect(entries.map((e) => e.name).sort()).toEqual(
      ['manifest.json', 'color.png', 'outline.png', 'ar.json', 'zh.json', 'fr.json', 'ru.json', 'es.json'].sort(),
    );
    const zipped = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as ManifestJson;
    expect(zipped).toEqual(pkg.manifest);
    expect(entries.find((e) => e.name === 'outline.png')?.data).toEqual(readFileSync(sourceOf('outline.png')));
  });

  it('is the same bytes when built twice from the same files', async () => {
    const [a, b] = await Promise.all([buildAppPackage(PRODUCTION_ENV), buildAppPackage(PRODUCTION_ENV)]);
    expect(a.zip.equals(b.zip)).toBe(true);
  });
});
