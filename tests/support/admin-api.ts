/** What the administration and records API tests share: a register person of one role, and calls as a dev user. */
import type { Person, Role } from '../../teams-app/domain';

/** A register person holding exactly one role (`only-<role>`); `index` keeps their Entra object ids apart. */
export function personWithRole(role: Role, index: number): Person {
  return {
    id: `only-${role}`,
    aadObjectId: `00000000-0000-0000-0000-2000000000${String(index).padStart(2, '0')}`,
    name: `Only ${role}`,
    email: `only-${role}@example.com`,
    sector: 'TSB',
    region: 'Europe',
    jobTitle: '',
    locale: 'en',
    timeZone: 'Europe/Zurich',
    outOfOffice: [],
    roles: [role],
  };
}

/** Calls `/api/v1` of the server at `baseUrl()` as a dev user (the secretariat's Megan Bowen unless told). */
export function devApiCaller(baseUrl: () => string) {
  return async (method: string, path: string, body?: unknown, user = 'megan-bowen', headers = {}) => {
    const res = await fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-dev-user': user, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as any };
  };
}
