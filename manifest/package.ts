/**
 * `npm run package`: builds the Teams app package (dist/isc-coordinator-teams-app.zip) from the manifest
 * template and the environment (MICROSOFT_APP_ID, AAD_CLIENT_ID, PUBLIC_URL, …), after validating it offline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppPackage, PACKAGE_FILE } from './app-package';

async function main(): Promise<number> {
  const pkg = await buildAppPackage(process.env);
  for (const warning of pkg.warnings) console.warn(`warning: ${warning}`);
  if (pkg.errors.length > 0) {
    console.error(`The app package is not valid (${pkg.errors.length} problems):`);
    for (const error of pkg.errors) console.error(`  - ${error}`);
    return 1;
  }
  mkdirSync(path.dirname(PACKAGE_FILE), { recursive: true });
  writeFileSync(PACKAGE_FILE, pkg.zip);
  const manifest = pkg.manifest as { version: string; manifestVersion: string; validDomains: string[] };
  console.log(
    `Wrote ${path.relative(process.cwd(), PACKAGE_FILE)} (app ${manifest.version}, manifest v${manifest.manifestVersion}, ` +
      `${manifest.validDomains.join(', ')}; ${pkg.zip.length} bytes). Upload it in Teams: Apps > Manage your apps > Upload an app.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Packaging failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
