import { describe, expect, it } from 'vitest';
import { acceptedLanguage, problemText } from '../../lambdas/domain/problem-words';
import { problemWordsCy } from '../../lambdas/domain/problem-words-cy';

// The API's problem words in Welsh (docs/cymraeg.md "The API's problem words"): the
// catalogue's entries, the texts composed of others (an upload's line and its mistake),
// and which language an Accept-Language header asks for.

describe('problemText', () => {
  it.each([
    ['Unprocessable Content', 'Cynnwys na ellir ei brosesu'],
    ['The request body does not match the schema.', 'Nid yw corff y cais yn cyfateb i’r sgema.'],
    ['Line 2: the value is missing', 'Llinell 2: mae’r gwerth ar goll'],
    [
      'Line 3: use a full stop for decimals, like 12.5',
      'Llinell 3: defnyddiwch atalnod llawn ar gyfer degolion, fel 12.5',
    ],
    ['Line 4: the measure id is missing', 'Llinell 4: mae id y mesur ar goll'],
    [
      'Line 4: "m 1" is not a measure id: copy the id from the measure\'s page',
      'Llinell 4: nid yw "m 1" yn id mesur: copïwch yr id o dudalen y mesur',
    ],
    [
      'Line 2: the period 2018-19 Q1 is not in 2018-19 Q2, the quarter chosen: correct it, or choose 2018-19 Q1 and upload again',
      'Llinell 2: nid yw’r cyfnod 2018-19 Ch1 yn 2018-19 Ch2, y chwarter a ddewiswyd: cywirwch hyn, neu dewiswch 2018-19 Ch1 a lanlwythwch eto',
    ],
    // A monthly period in words becomes Welsh; a label that is no period stays as it was.
    [
      'Line 2: the period March 2018 is not in 2018-19 Q2, the quarter chosen: correct it, or choose 2017-18 Q4 and upload again',
      'Llinell 2: nid yw’r cyfnod Mawrth 2018 yn 2018-19 Ch2, y chwarter a ddewiswyd: cywirwch hyn, neu dewiswch 2017-18 Ch4 a lanlwythwch eto',
    ],
    [
      'Line 2: the period Someday 2018 is not in 2018-19 Q2, the quarter chosen: correct it, or choose 2017-18 Q4 and upload again',
      'Llinell 2: nid yw’r cyfnod Someday 2018 yn 2018-19 Ch2, y chwarter a ddewiswyd: cywirwch hyn, neu dewiswch 2017-18 Ch4 a lanlwythwch eto',
    ],
    [
      'Line 5: 2017-18-Q1 is not a monthly period: enter a month, like 2018-03',
      'Llinell 5: nid yw 2017-18-Q1 yn gyfnod misol: rhowch fis, fel 2018-03',
    ],
    [
      'Results row 4: the status is red, so the commentary is needed: say what is happening and what is being done about it',
      'Results, rhes 4: y statws yw coch, felly mae angen sylwebaeth: dywedwch beth sy’n digwydd a beth sy’n cael ei wneud yn ei gylch',
    ],
    // Data ends where the message's parts join: "100" is the range's end, not "100: Title …".
    ['Enter a value between 0 and 80', 'Rhowch werth rhwng 0 ac 80'],
    ['Enter a number of days: 0 or more', 'Rhowch nifer o days: 0 neu fwy'],
    [
      'Line 6: the value 120 is outside what the measure can be: enter a percentage between 0% and 100%',
      'Llinell 6: mae’r gwerth 120 y tu allan i’r hyn y gall y mesur fod: rhowch ganran rhwng 0% a 100%',
    ],
    [
      'Enter a value between 0 and 100: Jobs: new (%) cannot be 120.',
      'Rhowch werth rhwng 0 a 100: ni all Jobs: new (%) fod yn 120.',
    ],
    [
      '3 rows have mistakes; nothing was changed. Correct them and upload the file again.',
      'Mae camgymeriadau mewn 3 rhes; ni newidiwyd dim. Cywirwch nhw a lanlwythwch y ffeil eto.',
    ],
    [
      'Measures row 3, polarity: polarity must be higher, lower or within',
      'Measures, rhes 3, polarity: rhaid i polarity fod yn higher, lower neu within',
    ],
    ['Planned work row 2, title: title is missing', 'Planned work, rhes 2, title: mae title ar goll'],
    ['Too big: expected string to have <=4000 characters', 'Rhy fawr: disgwylid i string gael <=4000 characters'],
    ['Version 3 was already approved.', 'Mae fersiwn 3 eisoes wedi’i chymeradwyo.'],
    [
      '2017-18-Q4 ends on 31 March 2018: it has not ended. To close it early, send {"early": true}.',
      'Mae 2017-18-Q4 yn dod i ben ar 31 Mawrth 2018: nid yw wedi dod i ben eto. I’w gau’n gynnar, anfonwch {"early": true}.',
    ],
    [
      '2018-19-Q1 is not closed, so there is nothing to reissue.',
      'Nid yw 2018-19-Q1 wedi cau, felly nid oes dim i’w ailgyhoeddi.',
    ],
    [
      '2018-19-Q1 is not closed, so it has no EMT email.',
      'Nid yw 2018-19-Q1 wedi cau, felly nid oes ganddo e-bost i’r Tîm Rheoli Gweithredol.',
    ],
    [
      'Email may go only to addresses at the allowed recipient domains.',
      'Dim ond i gyfeiriadau yn y parthau derbyn a ganiateir y caiff e-bost fynd.',
    ],
    [
      '1 line has a mistake; nothing was stored. Correct it and upload the file again.',
      'Mae camgymeriad mewn 1 llinell; ni chafodd dim ei gadw. Cywirwch hi a lanlwythwch y ffeil eto.',
    ],
  ])('%s', (english, welsh) => {
    expect(problemText(english, 'cy')).toBe(welsh);
    expect(problemText(english, 'en')).toBe(english);
  });

  it('leaves a text no entry matches as the API wrote it, and the messages the web app words itself', () => {
    expect(problemText('Something nobody wrote Welsh for', 'cy')).toBe('Something nobody wrote Welsh for');
    expect(problemText('required when the status is amber or red', 'cy')).toBe(
      'required when the status is amber or red',
    );
    expect(problemText('x'.repeat(5000), 'cy')).toBe('x'.repeat(5000));
  });

  it('every entry’s Welsh names the same placeholders as its English, and the Welsh is not the English', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]).sort();
    for (const [english, welsh] of problemWordsCy) {
      expect(names(welsh), english).toEqual(names(english));
      expect(welsh, english).not.toBe(english);
    }
  });
});

describe('acceptedLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['cy', 'cy'],
    ['cy-GB', 'cy'],
    ['en', 'en'],
    ['fr, de', 'en'],
    ['en-GB,cy;q=0.5', 'en'],
    ['cy;q=0.9, en;q=0.8', 'cy'],
    ['fr, cy;q=0.2', 'cy'],
    ['cy;q=0, en', 'en'],
    ['en, cy', 'en'],
  ] as const)('%s → %s', (header, language) => {
    expect(acceptedLanguage(header)).toBe(language);
  });
});
