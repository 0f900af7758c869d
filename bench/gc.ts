// A full garbage collection outside the timing, before each timed part: garbage the
// previous part left in this one bench process (the mailer's render of the last email,
// the seeding, the last load run) would otherwise be collected inside the next part's
// timing, by whichever side ran next, which no function in AWS, a process of its own, pays.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
export const collectGarbage = runInNewContext('gc') as () => void;
