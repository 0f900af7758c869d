// Small builders shared by the domain tests.

import type { ActionDefinition, MeasureDefinition, ResultValue, StatusSettings } from '../../lambdas/domain/types';
import { defaultStatusSettings } from '../../lambdas/domain/types';

export function aMeasure(overrides: Partial<MeasureDefinition> = {}): MeasureDefinition {
  return {
    id: 'm',
    plan: 'cip',
    programme: 'Learning',
    title: 'A measure',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    directorates: ['People'],
    ownerDirectorate: 'People',
    targets: { '2017-18': 100 },
    ...overrides,
  };
}

export function anAction(overrides: Partial<ActionDefinition> = {}): ActionDefinition {
  return { id: 'a', plan: 'cip', programme: 'Learning', title: 'An action', ownerDirectorate: 'People', ...overrides };
}

export function aResult(period: string, value: number, overrides: Partial<ResultValue> = {}): ResultValue {
  return { measureId: 'm', period, value, version: 1, ...overrides };
}

export function settingsWith(overrides: Partial<StatusSettings> = {}): StatusSettings {
  return {
    ...defaultStatusSettings,
    ...overrides,
    criticalRules: { ...defaultStatusSettings.criticalRules, ...overrides.criticalRules },
  };
}
