import { describe, expect, it } from 'vitest';
import {
  newProgramme,
  newProgrammeProblem,
  planChoices,
  programmeChoices,
  programmeOf,
} from '../../web/src/definition-choices';

// The editors' Plan and Programme choices (web/src/definition-choices.ts).
const inUse = [
  { plan: 'cip', programme: 'Learning' },
  { plan: 'cip', programme: 'Developing the economy' },
  { plan: 'cip', programme: 'Learning' },
  { plan: 'well-being', programme: 'Healthy lives' },
];

describe('planChoices', () => {
  it('offers the plans the settings name by their names, then those only in use (or the own) by id, sorted as shown', () => {
    expect(planChoices([{ id: 'cip', name: 'Corporate Improvement Plan' }], inUse, 'old-plan')).toEqual([
      { value: 'cip', label: 'Corporate Improvement Plan' },
      { value: 'old-plan', label: 'old-plan' },
      { value: 'well-being', label: 'well-being' },
    ]);
  });
});

describe('programmeChoices', () => {
  it("offers each programme the plan's definitions use once, sorted, with the definition's own", () => {
    expect(programmeChoices(inUse, 'cip', '')).toEqual(['Developing the economy', 'Learning']);
    expect(programmeChoices(inUse, 'cip', 'Moved here')).toEqual(['Developing the economy', 'Learning', 'Moved here']);
    expect(programmeChoices(inUse, '', '')).toEqual(['Developing the economy', 'Healthy lives', 'Learning']);
    expect(programmeChoices(inUse, 'new-plan', '')).toEqual([]);
  });
});

describe('a new programme', () => {
  it('is saved by its name, trimmed, only when chosen', () => {
    expect(programmeOf({ programme: 'Learning', newProgramme: 'ignored' })).toBe('Learning');
    expect(programmeOf({ programme: newProgramme, newProgramme: '  Climate  ' })).toBe('Climate');
    expect(programmeOf({ programme: '', newProgramme: '' })).toBe('');
  });

  it('is refused when empty, or when it is an existing one typed again in another case or spacing', () => {
    const existing = programmeChoices(inUse, '', '');
    expect(newProgrammeProblem({ programme: newProgramme, newProgramme: ' ' }, existing)).toBe(
      'Enter the name of the new programme',
    );
    expect(newProgrammeProblem({ programme: newProgramme, newProgramme: ' developing  THE economy' }, existing)).toBe(
      'The programme “Developing the economy” already exists: choose it from the list',
    );
    expect(newProgrammeProblem({ programme: newProgramme, newProgramme: 'Climate' }, existing)).toBeNull();
    expect(newProgrammeProblem({ programme: 'Learning', newProgramme: 'Learning' }, existing)).toBeNull();
  });
});
