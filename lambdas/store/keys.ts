// The single-table key design (README "Storage" lists the access patterns).
//   pk DEF                sk MEASURE#<id> | ACTION#<id> | SETTINGS      definitions and settings
//   pk Q#<quarter>        sk RESULT#<measureId>#<period>                  a result's head: latest version and its number
//                         sk UPDATE#<actionId>                            an action update's head, likewise
//                         sk REMEDIAL#<kind>#<id>                         EMT's remedial action on a critical item
//                                                                         (REMEDIAL#<id>: one recorded before kinds)
//                         sk CLOSING                                      a close has begun (writes re-check it)
//                         sk CLOSE                                        the close commit (revision, email sent; while
//                                                                         its email has no record yet, outboxSeq)
//                         sk REMINDER#<days>#<directorate>                a late-return reminder that was sent
//   pk SNAPSHOT#<quarter> sk <revision>#<writeId>#<chunk>                 frozen report, gzipped in chunks
//   pk V#<head pk>#<head sk> sk <version, 10 digits>                      one version of a result, an action update
//                                                                         or the settings (never in a read path above)
//   pk MAIL#<head pk>#<head sk>#<version> sk RETURNED                     the email a return sends its submitter (outbox)
//   pk MAIL#Q#<quarter>#CLOSE sk <revision, 10 digits>                    the EMT email of a close or reissue (outbox)
//   gsi1: gsi1pk MEASURE#<id> | ACTION#<id>, gsi1sk <period>              one subject's results across quarters
//         gsi1pk OUTBOX, gsi1sk <queued at>#<pk>#<sk>                     an outbox record not yet sent (sparse)
export const definitionsPk = 'DEF';
export const measureSk = (id: string) => `MEASURE#${id}`;
export const actionSk = (id: string) => `ACTION#${id}`;
export const settingsSk = 'SETTINGS';
export const quarterPk = (quarter: string) => `Q#${quarter}`;
export const resultSk = (measureId: string, period: string) => `RESULT#${measureId}#${period}`;
export const updateSk = (actionId: string) => `UPDATE#${actionId}`;
export const remedialSk = (kind: 'measure' | 'action', id: string) => `REMEDIAL#${kind}#${id}`;
export const closeSk = 'CLOSE';
export const closingSk = 'CLOSING';
export const reminderSkPrefix = 'REMINDER#';
export const reminderSk = (daysBeforeClose: number, directorate: string) =>
  `${reminderSkPrefix}${daysBeforeClose}#${directorate}`;
export const snapshotPk = (quarter: string) => `SNAPSHOT#${quarter}`;
/** Each close attempt writes under its own id, so a losing racer never overwrites the winner's chunks. */
export const snapshotPrefix = (revision: number, writeId: string) => `${String(revision).padStart(4, '0')}#${writeId}#`;
export const snapshotSk = (revision: number, writeId: string, chunk: number) =>
  `${snapshotPrefix(revision, writeId)}${String(chunk).padStart(4, '0')}`;
export const measureGsiPk = (id: string) => `MEASURE#${id}`;
export const actionGsiPk = (id: string) => `ACTION#${id}`;
export const gsi1 = 'gsi1';
/** gsi1pk of every outbox record not yet sent (store/outbox.ts), removed once sent. */
export const outboxGsiPk = 'OUTBOX';
export const returnedMailPk = (head: { pk: string; sk: string }, version: number) =>
  `MAIL#${head.pk}#${head.sk}#${version}`;
export const returnedMailSk = 'RETURNED';
/** The outbox record of a close's (revision 1) or reissue's EMT email: one item per revision. */
export const closeMailPk = (quarter: string) => `MAIL#${quarterPk(quarter)}#CLOSE`;
export const closeMailSk = (revision: number) => String(revision).padStart(10, '0');
/** A versioned item's versions live in a partition of their own, keyed by its head's key. */
export const versionPk = (head: { pk: string; sk: string }) => `V#${head.pk}#${head.sk}`;
export const versionSk = (version: number) => String(version).padStart(10, '0');
//   pk PEOPLE             sk PERSON#<email>                               a person's roles (the head, latest version)
//   pk V#PEOPLE#PERSON#<email> sk <version, 10 digits>                    each earlier version (store/versioned.ts)
//   pk PERSONHIST#<email> sk <version, 10 digits>                         versions sealed before that: read only
//   pk PEOPLE             sk ADMINS                                       the admin roster: who may lose admin
export const peoplePk = 'PEOPLE';
export const personSkPrefix = 'PERSON#';
export const personSk = (email: string) => `${personSkPrefix}${email}`;
export const personHistoryPk = (email: string) => `PERSONHIST#${email}`;
/** The admin roster (store/admin-roster.ts): under PEOPLE, outside the PERSON# prefix the listing reads. */
export const adminRosterSk = 'ADMINS';
