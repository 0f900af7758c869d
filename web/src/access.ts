import type { Me, Role } from './api';

// Which roles may use which pages: the same roles the API's route table grants (it
// still answers 403 whatever the app offers). A page a role may not use is not in the
// navigation and, typed in, says "You do not have access".
export type Access = 'returns' | 'upload' | 'critical-items' | 'sign-off' | 'settings' | 'close' | 'admin-definitions';

const roles: Record<Access, Role[]> = {
  returns: ['officer', 'approver', 'admin'],
  upload: ['officer', 'admin'],
  'critical-items': ['emt', 'admin'],
  'sign-off': ['approver', 'admin'],
  settings: ['admin'],
  close: ['admin'],
  // The measure and planned-work editors (PUT/DELETE /measures/{id}, PUT /actions/{id}).
  'admin-definitions': ['admin'],
};

export const canUse = (me: Me, access: Access): boolean => me.roles.some((r) => roles[access].includes(r));
