// The pure domain core's public API.

export * from './actions';
export * from './critical-items';
export * from './measure-status';
export * from './periods';
export * from './report';
export * from './returns';
export * from './sign-off';
export * from './summary';
export * from './target-changes';
export * from './trend';
export * from './types';
