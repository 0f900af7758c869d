// The pure domain core's public API.

export * from './types';
export * from './periods';
export * from './measure-status';
export * from './trend';
export * from './actions';
export * from './summary';
export * from './critical-items';
export * from './report';
