/** The local-mode "Viewing as" person, remembered across visits. */
import { useCallback, useState } from 'react';
import { readPreference, writePreference } from '../common/storage';

/** The chosen person id (null: the server's default dev user) and its setter. */
export function useDevUser(): [string | null, (personId: string | null) => void] {
  const [devUser, setDevUserState] = useState<string | null>(() => readPreference('devUser'));
  const setDevUser = useCallback((personId: string | null) => {
    setDevUserState(personId);
    writePreference('devUser', personId);
  }, []);
  return [devUser, setDevUser];
}
