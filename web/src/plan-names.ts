// Plans by their names from the settings (SPEC §12 "Words, not data"), never their ids
// ("cip"): GET /me answers `planNames`, which main.tsx hands here once signed in, so every
// page names a plan without a request of its own.
let names: Record<string, string> = {};

export function setPlanNames(next: Record<string, string> | undefined): void {
  names = { ...(next ?? {}) };
}

/** The plan's name; its id only when the settings name no such plan. */
export const planName = (id: string): string => (Object.hasOwn(names, id) && names[id]) || id;
