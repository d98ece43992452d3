import packageJson from '../../package.json';

/**
 * The `User-Agent` SharePoint asks registered apps to send (`NONISV|<Company>|<App>/<version>`), so its
 * throttling treats the traffic as an identified app's.
 */
export const DEFAULT_USER_AGENT = `NONISV|ITU|ISCCoordinator/${packageJson.version}`;
