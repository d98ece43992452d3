/** What the signed-in person may do: the domain's permission table, asked with the roles `GET /me` reports. */
import { useCallback } from 'react';
import { permits, type Operation } from '../../../teams-app/domain/permissions';
import { useSession } from './ApiContext';

const NO_ROLES: readonly never[] = [];

/** Whether the signed-in person may do an operation (nothing until `/me` has answered), as the server decides it. */
export function usePermission(): (operation: Operation) => boolean {
  const roles = useSession().me?.roles ?? NO_ROLES;
  return useCallback((operation: Operation) => permits(roles, operation), [roles]);
}
