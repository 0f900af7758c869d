import { fuzzSuite } from './fuzz/run';

// Fuzzing through real HTTP, part 2: submissions (results, action updates, CSV import, remedial actions) and reissue.
// (Part 1, fuzz-definitions, runs in the other worker.)
fuzzSuite([
  'putResult',
  'putActionUpdate',
  'importResults',
  'putRemedialAction',
  'reissueReport',
  'putPerson',
  'putMyLanguage',
  'deletePerson',
]);
