/** What the signed-in person may do in a meeting's workspace, from the roles `GET /me` reports. */
import { useSession } from './ApiContext';

/** Staff (chair or secretariat) prepare agendas and minutes; only the secretariat opens collection. */
export interface Permissions {
  staff: boolean;
  secretariat: boolean;
}

/** The permissions of the signed-in person (none until `/me` has answered). */
export function usePermissions(): Permissions {
  const roles = useSession().me?.roles ?? [];
  const secretariat = roles.includes('secretariat');
  return { staff: secretariat || roles.includes('chair'), secretariat };
}
