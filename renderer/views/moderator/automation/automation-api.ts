import type { AutomationRule, AutomationsBody } from '../../../../shared/contract/automation';
import { api } from '../../../app/api-client';

/** The automation dialog's calls, through the one typed client (shared/contract/http-client.ts). */
export const fetchAutomations = () => api('automations');
export const saveAutomations = (body: AutomationsBody) => api('automationsReplace', { body });
export const fireRule = (rule: AutomationRule) => api('automationsTest', { body: { rule } });
/** The event's rooms (`GET /api/v1/rooms`): a rule may follow any of them. */
export const fetchRooms = () => api('rooms');
