/**
 * The Teams app package: fills the manifest template from settings, validates it offline against the
 * schema shipped with @microsoft/app-manifest, checks the files it names (icons, localization) and
 * zips everything.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { DEFAULT_TEAMS_APP_ID } from '../teams-app/domain/tab-links';
import { createZip, type ZipEntry } from './zip';

/** Where the template, icons and localization files live. */
export const MANIFEST_DIR = __dirname;
/** The localization files (`<lang>.json`, named by `localizationInfo.additionalLanguages[].file`). */
export const LOCALIZATION_DIR = path.join(__dirname, 'localization');
/** The file `npm run package` writes. */
export const PACKAGE_FILE = path.resolve(__dirname, '../dist/isc-coordinator-teams-app.zip');

/** The Teams app id of ISC Coordinator (stable across versions; override with TEAMS_APP_ID); cards link with it too. */
export { DEFAULT_TEAMS_APP_ID };
/** Stands in for the bot and Entra app ids when they are not configured (validates, but Teams would refuse it). */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

/** A manifest as JSON. */
export type ManifestJson = Record<string, unknown>;

/** The values put into the manifest template. */
export interface ManifestSettings {
  TEAMS_APP_ID: string;
  APP_VERSION: string;
  BOT_ID: string;
  AAD_CLIENT_ID: string;
  APP_ID_URI: string;
  PUBLIC_URL: string;
  PUBLIC_HOST: string;
  WEBSITE_URL: string;
  PRIVACY_URL: string;
  TERMS_URL: string;
}

/**
 * Reads the package settings from the environment (MICROSOFT_APP_ID, AAD_CLIENT_ID, AAD_APP_ID_URI, PUBLIC_URL,
 * TEAMS_APP_ID, APP_VERSION, WEBSITE_URL, PRIVACY_URL, TERMS_URL), with local defaults; each default that
 * would not work in Teams gives a warning.
 */
export function manifestSettings(env: NodeJS.ProcessEnv = process.env): {
  settings: ManifestSettings;
  warnings: string[];
} {
  const warnings: string[] = [];
  const publicUrl = (env.PUBLIC_URL || 'http://localhost:3978').replace(/\/+$/, '');
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') {
    warnings.push(`PUBLIC_URL is ${publicUrl}: Teams loads tabs only over https (use a dev tunnel or the real host).`);
  }
  const botId = env.MICROSOFT_APP_ID || PLACEHOLDER_ID;
  if (!env.MICROSOFT_APP_ID) warnings.push('MICROSOFT_APP_ID is not set: the bot id is a placeholder.');
  const clientId = env.AAD_CLIENT_ID || env.MICROSOFT_APP_ID || PLACEHOLDER_ID;
  if (!env.AAD_CLIENT_ID) {
    warnings.push(`AAD_CLIENT_ID is not set: tab SSO uses ${env.MICROSOFT_APP_ID ? 'the bot id' : 'a placeholder'}.`);
  }
  const version = env.APP_VERSION || packageVersion();
  return {
    settings: {
      TEAMS_APP_ID: env.TEAMS_APP_ID || DEFAULT_TEAMS_APP_ID,
      APP_VERSION: version,
      BOT_ID: botId,
      AAD_CLIENT_ID: clientId,
      APP_ID_URI: env.AAD_APP_ID_URI || `api://${url.host}/${clientId}`,
      PUBLIC_URL: publicUrl,
      PUBLIC_HOST: url.host,
      WEBSITE_URL: env.WEBSITE_URL || `${publicUrl}/`,
      PRIVACY_URL: env.PRIVACY_URL || `${publicUrl}/privacy`,
      TERMS_URL: env.TERMS_URL || `${publicUrl}/terms`,
    },
    warnings,
  };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Fills the `${{NAME}}` placeholders of the manifest template; throws on a placeholder without a value. */
export function renderManifest(settings: ManifestSettings, template = readTemplate()): ManifestJson {
  const values = settings as unknown as Record<string, string>;
  const text = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest.template.json uses \${{${name}}}, which has no value.`);
    return JSON.stringify(value).slice(1, -1); // escaped for the JSON string it sits in
  });
  return JSON.parse(text) as ManifestJson;
}

function readTemplate(): string {
  return readFileSync(path.join(MANIFEST_DIR, 'manifest.template.json'), 'utf8');
}

/** Validates a manifest against the schema its `$schema` names (offline); returns the errors. */
export async function validateManifest(manifest: ManifestJson): Promise<string[]> {
  if (typeof manifest.$schema !== 'string') return ['$schema is missing: the schema version cannot be known.'];
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
}

/**
 * Validates a localization file against the localization schema its `$schema` names (offline); returns the
 * errors. Some key patterns of the shipped schemas are not valid Unicode regular expressions (a lone `]`),
 * which the validator refuses to compile, so they are repaired first.
 */
export async function validateLocalization(strings: ManifestJson): Promise<string[]> {
  if (typeof strings.$schema !== 'string') return ['$schema is missing: the schema version cannot be known.'];
  const schema = (await AppManifestUtils.fetchSchema(strings.$schema)) as unknown as {
    patternProperties?: Record<string, unknown>;
  };
  const patterns: Record<string, unknown> = {};
  for (const [pattern, rule] of Object.entries(schema.patternProperties ?? {})) {
    const repaired = pattern.replace(/\\b\]/g, '\\b\\]');
    try {
      new RegExp(repaired, 'u');
      patterns[repaired] = rule;
    } catch {
      // a key pattern that cannot be repaired: such keys are then refused as unknown
    }
  }
  const repairedSchema = { ...schema, patternProperties: patterns };
  return AppManifestUtils.validateAgainstSchema(
    strings as unknown as AppManifest,
    repairedSchema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
}

/** The schema version a manifest or localization file declares, e.g. `v1.22`. */
function schemaVersion(json: ManifestJson): string | undefined {
  return typeof json.$schema === 'string' ? /\/teams\/(v[\w.]+)\//.exec(json.$schema)?.[1] : undefined;
}

/** Where the source of a file named in the manifest is: icons beside the template, languages in localization/. */
export function sourceOf(file: string): string {
  const beside = path.join(MANIFEST_DIR, file);
  return existsSync(beside) ? beside : path.join(LOCALIZATION_DIR, file);
}

/** Whether a localization key (e.g. `bots[0].commandLists[1].commands[2].description`) names a manifest field. */
function resolvesIn(manifest: ManifestJson, key: string): boolean {
  let node: unknown = manifest;
  for (const part of key.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter(Boolean))) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** The localization files a manifest names (default language file first). */
function localizationFiles(manifest: ManifestJson): string[] {
  const info = (manifest.localizationInfo ?? {}) as {
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  return [
    ...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info.additionalLanguages ?? []).map((l) => l.file),
  ];
}

/** An icon the manifest names, with the size Teams requires. */
const ICONS = [
  { field: 'color', size: 192 },
  { field: 'outline', size: 32 },
] as const;

/**
 * Checks the files the manifest names: the icons exist, are PNGs of the right size and the outline icon is
 * white on transparent; each localization file exists, validates against the schema version of the manifest
 * and only translates fields the manifest has. Returns the problems found.
 */
export async function checkPackageFiles(manifest: ManifestJson): Promise<string[]> {
  const problems: string[] = [];
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  for (const { field, size } of ICONS) {
    const file = icons[field];
    if (!file) continue; // the schema reports a missing icon
    const source = sourceOf(file);
    if (!existsSync(source)) {
      problems.push(`icons.${field}: ${file} does not exist (${path.relative(process.cwd(), source)}).`);
      continue;
    }
    try {
      const { width, height, data: pixels } = PNG.sync.read(readFileSync(source));
      if (width !== size || height !== size) {
        problems.push(`icons.${field}: ${file} is ${width}×${height} pixels; Teams needs ${size}×${size}.`);
      }
      if (field === 'outline') {
        for (let i = 0; i < pixels.length; i += 4) {
          const visible = (pixels[i + 3] ?? 0) > 0;
          if (visible && (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255)) {
            problems.push(`icons.outline: ${file} must be white on transparent; pixel ${i / 4} is not.`);
            break;
          }
        }
      }
    } catch (error) {
      problems.push(`icons.${field}: ${file} is not a readable PNG (${(error as Error).message}).`);
    }
  }

  for (const file of localizationFiles(manifest)) {
    const source = sourceOf(file);
    if (!existsSync(source)) {
      problems.push(`localizationInfo: ${file} does not exist (${path.relative(process.cwd(), source)}).`);
      continue;
    }
    let strings: ManifestJson;
    try {
      strings = JSON.parse(readFileSync(source, 'utf8')) as ManifestJson;
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message}).`);
      continue;
    }
    if (schemaVersion(strings) !== schemaVersion(manifest)) {
      problems.push(`${file}: $schema must be the localization schema of the manifest's version.`);
    }
    problems.push(...(await validateLocalization(strings)).map((e) => `${file}: ${e}`));
    for (const key of Object.keys(strings)) {
      if (key !== '$schema' && key !== 'localizationKeys' && !resolvesIn(manifest, key)) {
        problems.push(`${file}: "${key}" translates nothing in the manifest.`);
      }
    }
  }
  return problems;
}

/** The result of building the package. */
export interface AppPackage {
  manifest: ManifestJson;
  /** Schema errors and file problems; the package is only written when there are none. */
  errors: string[];
  warnings: string[];
  /** The zip (manifest.json, icons, localization files at its root). */
  zip: Buffer;
}

/** Builds and checks the app package from the environment's settings. */
export async function buildAppPackage(env: NodeJS.ProcessEnv = process.env): Promise<AppPackage> {
  const { settings, warnings } = manifestSettings(env);
  const manifest = renderManifest(settings);
  const errors = [
    ...(await validateManifest(manifest)).map((e) => `manifest.json: ${e}`),
    ...(await checkPackageFiles(manifest)),
  ];
  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) }];
  if (errors.length === 0) {
    const icons = Object.values(manifest.icons as Record<string, string>);
    for (const file of new Set([...icons, ...localizationFiles(manifest)])) {
      entries.push({ name: file, data: readFileSync(sourceOf(file)) });
    }
  }
  return { manifest, errors, warnings, zip: createZip(entries) };
}
