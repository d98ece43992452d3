/** The domain's response schemas as the tab loads them (lazily, see responses.ts), with zod set up for the CSP first. */
import './zod-jitless';

export * from '../../../teams-app/domain/api';
