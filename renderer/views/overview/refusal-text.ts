import type { ApiError } from '../../../shared/contract/errors';
import { translateError, type Translate } from '../../i18n/i18n';

/** A refusal in words: for bad input, the server's message, which names the field (`id: "Salle C" must be …`). */
export const refusalText = (t: Translate, error: ApiError): string => (error.code === 'invalid' ? error.message : translateError(t, error));
