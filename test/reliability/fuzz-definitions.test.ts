import { fuzzSuite } from './fuzz/run';

// Fuzzing through real HTTP, part 1: the admin's definition routes and the close.
// (Part 2, fuzz-submissions, runs in the other worker.)
fuzzSuite([
  'putMeasure',
  'retireMeasure',
  'putAction',
  'retireAction',
  'putSettings',
  'closeReport',
  'rollForward',
  'importDefinitions',
]);
