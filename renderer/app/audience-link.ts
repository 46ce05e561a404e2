import { AUDIENCE_PATH } from '../../shared/contract/http';

/** The webinar audience's read-only page (docs/remote.md), served at `/audience` from the speaker bundle. */
export const isAudiencePage = (): boolean => window.location.pathname.replace(/\/$/, '') === AUDIENCE_PATH;
