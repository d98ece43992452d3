/** Gives components the API client and who is signed in. */
import { createContext, useContext } from 'react';
import type { ApiClient, Me } from '../api';

/** The API client of the session and the signed-in person (null until known). */
export interface Session {
  api: ApiClient;
  me: Me | null;
}

/** The session context; App provides it. */
export const SessionContext = createContext<Session | null>(null);

/** The API client and the signed-in person; throws outside the provider (a wiring mistake). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside SessionContext');
  return session;
}
