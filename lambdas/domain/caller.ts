// Who is asking: the roles and directorate a verified token carries (http/auth.ts reads them).

export type Role = 'officer' | 'approver' | 'emt' | 'admin';

export interface Caller {
  sub: string;
  email: string | null;
  /** The token's `name` claim (the People record's name, written at sign-in); absent when it has none. */
  name?: string | null;
  roles: Role[];
  directorate: string | null;
}

export function hasRole(caller: Caller, role: Role): boolean {
  return caller.roles.includes(role);
}
