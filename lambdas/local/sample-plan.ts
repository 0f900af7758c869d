// SAMPLE DATA — ILLUSTRATIVE VALUES ONLY.
//
// The sample plan loaded into an empty local store: the Corporate Improvement Plan (plan
// `cip`) of the seed Cabinet report (shared/seed/cip-2017-18-q4-cabinet-report.txt), with
// the report's programmes, directorates and named measures and planned work. The report
// publishes no figures for most of them: every target, result and update below is an
// invented, illustrative value, chosen so that 2017-18 Q4 reproduces the report's summary
// (75% of 40 items of planned work blue or green; of 35 measures, 11 met target, 8 amber,
// 12 red, 4 with no data; overall amber) and its critical items. Every definition carries
// `sample: true` and every result and update says so in its commentary.
//
// Pure data: no I/O.

import { quarterMonths } from '../domain/periods';
import type { ActionDefinition, ActionStatus, MeasureDefinition } from '../domain/types';

export interface SampleResult {
  measureId: string;
  period: string;
  value: number;
  commentary?: string;
  breakdown?: Record<string, number>;
}

export interface SampleActionUpdate {
  actionId: string;
  quarter: string;
  status: ActionStatus;
  commentary?: string;
}

export interface SamplePlan {
  measures: MeasureDefinition[];
  actions: ActionDefinition[];
  results: SampleResult[];
  actionUpdates: SampleActionUpdate[];
}

const PLAN = 'cip';
const NOTE = 'Illustrative sample value, not a published figure.';
const UPDATE_NOTE = 'Illustrative sample update.';

const ECONOMY = 'Developing the economy';
const LEARNING = 'Learning';
const FOR_LESS = 'Services delivered for less';
const SOCIAL = 'Social Services Improvement';
const CORPORATE = 'Corporate Measures';

const YEARS = ['2016-17', '2017-18'];
const QUARTERS = YEARS.flatMap((y) => [1, 2, 3, 4].map((n) => `${y}-Q${n}`));
const MONTHS = QUARTERS.flatMap(quarterMonths);
const Q4 = '2017-18-Q4';

/** The same target for each year (rates and percentages). */
const yearly = (first: number, second: number) => ({ '2016-17': first, '2017-18': second });
/** Quarter totals: four targets for each year. */
const quarterly = (first: number[], second: number[]) =>
  Object.fromEntries([...first, ...second].map((t, i) => [QUARTERS[i]!, t]));

const measures: MeasureDefinition[] = [];
const results: SampleResult[] = [];

type Definition = Omit<MeasureDefinition, 'plan' | 'programme' | 'ownerDirectorate' | 'directorates' | 'sample'> &
  Partial<Pick<MeasureDefinition, 'directorates'>>;

/**
 * One measure and its results: `values` runs over the periods of its frequency from
 * 2016-17 to 2017-18 (8 quarters, 24 months or 2 years); null is a missing return.
 */
function measure(
  programme: string,
  ownerDirectorate: string,
  definition: Definition,
  values: Array<number | null>,
  extras: { breakdowns?: Record<string, Record<string, number>>; notes?: Record<string, string> } = {},
): void {
  measures.push({
    plan: PLAN,
    programme,
    ownerDirectorate,
    directorates: [ownerDirectorate],
    ...definition,
    sample: true,
  });
  const periods = definition.frequency === 'monthly' ? MONTHS : definition.frequency === 'annual' ? YEARS : QUARTERS;
  if (values.length !== periods.length) throw new Error(`sample measure ${definition.id}: ${values.length} values`);
  values.forEach((value, i) => {
    const period = periods[i]!;
    if (value === null) return;
    const note = extras.notes?.[period];
    const breakdown = extras.breakdowns?.[period];
    results.push({
      measureId: definition.id,
      period,
      value,
      commentary: note ? `${NOTE} ${note}` : NOTE,
      ...(breakdown && { breakdown }),
    });
  });
}

// ---- Corporate Measures (Resources) ----

measure(
  CORPORATE,
  'Resources',
  {
    id: 'sickness-absence',
    title: 'Sickness absence (days lost per FTE)',
    unit: 'days per FTE',
    polarity: 'lower',
    frequency: 'quarterly',
    directorates: ['People', 'Place', 'Resources'],
    targets: yearly(2.4, 2.4),
    directorateTargets: { People: { '2017-18': 2.3 } },
  },
  [2.3, 2.4, 2.8, 2.7, 2.2, 2.3, 2.5, 2.6],
  {
    breakdowns: {
      '2017-18-Q3': { People: 2.5, Place: 2.4, Resources: 2.5 },
      [Q4]: { People: 2.7, Place: 2.5, Resources: 2.6 },
    },
    notes: { [Q4]: 'Targets were not met for the People, Place and Resources directorates.' },
  },
);
measure(
  CORPORATE,
  'Resources',
  {
    id: 'ipr-undertaken',
    title: '% of IPRs undertaken',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    directorates: ['People', 'Place', 'Resources'],
    targets: yearly(90, 90),
  },
  [85, 84, 83, 86, 88, 87, 80, 82],
  {
    breakdowns: {
      '2017-18-Q3': { People: 77, Place: 82, Resources: 83 },
      [Q4]: { People: 79, Place: 84, Resources: 85 },
    },
    notes: { [Q4]: 'Missed for the whole organisation and all directorates.' },
  },
);
measure(
  CORPORATE,
  'Resources',
  {
    id: 'foi-within-20-days',
    title: '% of FOI requests responded to within 20 working days',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(90, 90),
  },
  [88, 89, 90, 91, 90, 92, 91, 93],
);
measure(
  CORPORATE,
  'Resources',
  {
    id: 'invoices-paid-30-days',
    title: '% of undisputed invoices paid within 30 days',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(95, 95),
  },
  [94, 95, 95.5, 96, 95.2, 95.8, 96.1, null],
);
measure(
  CORPORATE,
  'Resources',
  {
    id: 'council-tax-collected',
    title: '% of council tax collected in year (cumulative)',
    unit: '%',
    polarity: 'higher',
    frequency: 'monthly',
    aggregation: 'latest',
    targets: quarterly([29, 57, 85, 97.5], [29, 57, 85, 97.5]),
  },
  [
    10.2, 19.6, 29.1, 38.5, 47.9, 57.2, 66.6, 75.9, 85.1, 90.0, 94.2, 97.4, 10.3, 19.8, 29.3, 38.7, 48.1, 57.4, 66.8,
    76.1, 85.3, 90.1, 94.3, 97.6,
  ],
);
measure(
  CORPORATE,
  'Resources',
  {
    id: 'stage-2-complaints',
    title: 'Number of Stage 2 complaints received',
    unit: 'complaints',
    polarity: 'lower',
    frequency: 'monthly',
    aggregation: 'sum',
    targets: quarterly([30, 30, 30, 30], [30, 30, 30, 30]),
  },
  [11, 10, 12, 9, 11, 10, 12, 11, 10, 12, 10, 9, 10, 9, 11, 10, 8, 9, 11, 10, 9, 8, 11, 9],
);

// ---- Developing the economy (Place) ----

measure(
  ECONOMY,
  'Place',
  {
    id: 'planning-applications-8-weeks',
    title: 'Percentage of planning applications determined within 8 weeks or within agreed time',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    tolerancePercent: 5,
    targets: yearly(80, 80),
  },
  [86, 87, 85, 88, 93, 91, 86, 82],
  { notes: { [Q4]: 'Target met, but below the same quarter last year and the first half of the year.' } },
);
measure(
  ECONOMY,
  'Place',
  {
    id: 'whqs-elemental-improvements',
    title: 'Achieve WHQS, no of elemental improvements carried out',
    unit: 'improvements',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: quarterly([1000, 1000, 1000, 1000], [1000, 1100, 1150, 1200]),
  },
  [950, 980, 940, 1010, 980, 1060, 1080, 560],
  { notes: { [Q4]: 'Missed by more than 50%; the WHQS completion date has been extended to December 2018.' } },
);
measure(
  ECONOMY,
  'Place',
  {
    id: 'affordable-homes-delivered',
    title: 'Number of additional affordable homes delivered',
    unit: 'homes',
    polarity: 'higher',
    frequency: 'annual',
    targets: yearly(220, 250),
  },
  [212, 231],
);
measure(
  ECONOMY,
  'Place',
  {
    id: 'business-start-ups-supported',
    title: 'Number of new business start-ups supported',
    unit: 'businesses',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: quarterly([40, 40, 40, 40], [40, 40, 40, 40]),
  },
  [38, 41, 39, 44, 42, 45, 40, 46],
);
measure(
  ECONOMY,
  'Place',
  {
    id: 'waste-recycled',
    title: '% of municipal waste reused, recycled or composted',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(62, 64),
  },
  [60.1, 61.5, 59.8, 62.3, 63.0, 64.2, 63.5, 62.1],
);
measure(
  ECONOMY,
  'Place',
  {
    id: 'highways-inspections-in-time',
    title: '% of highway safety inspections carried out within timescale',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(95, 95),
  },
  [93, 94, 96, 95, 96, 97, 95, null],
);
measure(
  ECONOMY,
  'Place',
  {
    id: 'dfg-average-days',
    title: 'Average number of calendar days taken to deliver a Disabled Facilities Grant',
    unit: 'days',
    polarity: 'lower',
    frequency: 'quarterly',
    targets: yearly(220, 220),
  },
  [240, 235, 232, 230, 225, 218, 212, 205],
);

// ---- Learning (People) ----

measure(
  LEARNING,
  'People',
  {
    id: 'permanent-exclusions-secondary',
    title: 'The number of permanent exclusions in secondary schools (per 1,000 pupils)',
    unit: 'per 1,000 pupils',
    polarity: 'lower',
    frequency: 'quarterly',
    targets: yearly(0.6, 0.5),
  },
  [0.5, 0.6, 0.7, 0.8, 0.4, 0.5, 0.55, 0.9],
);
measure(
  LEARNING,
  'People',
  {
    id: 'fifteen-year-olds-no-qualification',
    title: 'The percentage of 15 year olds leaving full time education without a recognised qualification',
    unit: '%',
    polarity: 'lower',
    frequency: 'annual',
    targets: yearly(0.3, 0.2),
  },
  [0.4, 0.5],
);
measure(
  LEARNING,
  'People',
  {
    id: 'estyn-good-prospects',
    title:
      "The percentage of schools inspected that were categorised as 'good' or better by Estyn for prospects for improvement",
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(80, 80),
  },
  [70, 72, 75, 74, 76, 77, 75, 50],
);
measure(
  LEARNING,
  'People',
  {
    id: 'estyn-good-current',
    title:
      "The percentage of schools inspected that were categorised as 'good' or better by Estyn for current performance",
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(80, 80),
  },
  [72, 74, 76, 75, 77, 79, 78, 60],
);
measure(
  LEARNING,
  'People',
  {
    id: 'schools-deficit-budgets',
    title: 'Reduce the number of schools with deficit budgets',
    unit: 'schools',
    polarity: 'lower',
    frequency: 'quarterly',
    targets: quarterly([16, 15, 15, 14], [14, 13, 12, 11]),
  },
  [17, 16, 15, 15, 15, 14, 16, 15],
);
measure(
  LEARNING,
  'People',
  {
    id: 'attendance-secondary',
    title: '% pupil attendance in secondary schools',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(94.5, 94.5),
  },
  [93.8, 94.1, 93.9, 94.0, 94.3, 94.6, 94.4, 94.2],
);
measure(
  LEARNING,
  'People',
  {
    id: 'attendance-primary',
    title: '% pupil attendance in primary schools',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(95, 95),
  },
  [94.6, 94.8, 94.7, 94.9, 95.0, 95.2, 95.0, 95.1],
);
measure(
  LEARNING,
  'People',
  {
    id: 'neet-year-11',
    title: '% of Year 11 leavers not in education, employment or training (NEET)',
    unit: '%',
    polarity: 'lower',
    frequency: 'quarterly',
    targets: yearly(2.2, 2.0),
  },
  [2.4, 2.3, 2.2, 2.1, 2.0, 1.9, 1.9, 1.8],
);
measure(
  LEARNING,
  'People',
  {
    id: 'sen-statements-26-weeks',
    title: '% of final statements of special educational needs issued within 26 weeks',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(70, 70),
  },
  [65, 66, 68, 71, 70, 72, 73, 74],
);

// ---- Services delivered for less (Resources) ----

measure(
  FOR_LESS,
  'Resources',
  {
    id: 'savings-delivered',
    title: '% of planned savings delivered',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(100, 100),
  },
  [82, 85, 88, 90, 86, 89, 92, 94],
);
measure(
  FOR_LESS,
  'Resources',
  {
    id: 'first-contact-resolution',
    title: '% of customer contacts resolved at the first point of contact',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(80, 80),
  },
  [76, 78, 79, 80, 81, 82, 82, 83],
);
measure(
  FOR_LESS,
  'Resources',
  {
    id: 'online-transactions',
    title: 'Number of transactions completed online',
    unit: 'transactions',
    polarity: 'higher',
    frequency: 'monthly',
    aggregation: 'sum',
    targets: quarterly([24000, 24000, 24000, 24000], [30000, 30000, 30000, 30000]),
  },
  [
    7600, 7900, 8100, 8000, 8200, 8300, 8400, 8600, 8500, 8500, 8700, 8800, 9500, 9700, 9900, 9800, 10000, 10100, 10000,
    10200, 9900, 9800, 10400, 10900,
  ],
);
measure(
  FOR_LESS,
  'Resources',
  {
    id: 'budget-forecast-variance',
    title: 'Revenue budget forecast variance (% of net budget)',
    unit: '%',
    polarity: 'within',
    frequency: 'quarterly',
    targets: { '2016-17': { min: -2, max: 2 }, '2017-18': { min: -2, max: 2 } },
  },
  [1.2, 1.8, 2.4, 1.5, 0.8, 1.4, 1.9, 2.1],
);
measure(
  FOR_LESS,
  'Resources',
  {
    id: 'calls-answered-20-seconds',
    title: '% of calls to the customer services centre answered within 20 seconds',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(80, 80),
  },
  [75, 77, 78, 79, 80, 81, 82, null],
);
measure(
  FOR_LESS,
  'Resources',
  {
    id: 'core-ict-availability',
    title: '% availability of core ICT systems',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(99.5, 99.5),
  },
  [99.6, 99.7, 99.5, 99.8, 99.7, 99.6, 99.8, 99.2],
);

// ---- Social Services Improvement (People) ----

measure(
  SOCIAL,
  'People',
  {
    id: 'lac-statutory-visits',
    title: '% of LAC Statutory Visits carried out within timescale',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(95, 95),
  },
  [80, 82, 85, 86, 87, 89, 88, 84],
);
measure(
  SOCIAL,
  'People',
  {
    id: 'cp-statutory-visits',
    title: '% of CP Statutory Visits carried out within timescale',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(95, 95),
  },
  [78, 80, 83, 85, 86, 88, 86, 80],
);
measure(
  SOCIAL,
  'People',
  {
    id: 'children-assessments-in-time',
    title: 'The percentage of assessments completed for children within statutory timescales',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(90, 90),
  },
  [75, 78, 80, 82, 84, 85, 82, 78],
);
measure(
  SOCIAL,
  'People',
  {
    id: 'case-supervision-monthly',
    title: '% of operational staff who have had Case Supervision on a monthly basis',
    unit: '%',
    polarity: 'higher',
    frequency: 'monthly',
    aggregation: 'mean',
    targets: yearly(90, 90),
  },
  [60, 62, 64, 65, 66, 68, 70, 71, 72, 70, 69, 71, 74, 75, 76, 78, 79, 80, 80, 82, 84, 68, 70, 72],
);
measure(
  SOCIAL,
  'People',
  {
    id: 'delayed-transfers-75-plus',
    title:
      'The number of persons (per 1000 population) aged 75 and over who experience a delay in returning to their own home or social care setting following hospital treatment',
    unit: 'per 1,000 population',
    polarity: 'lower',
    frequency: 'quarterly',
    targets: yearly(4, 4),
  },
  [5.0, 4.8, 4.6, 4.5, 4.2, 4.1, 4.3, 5.6],
);
measure(
  SOCIAL,
  'People',
  {
    id: 'carers-offered-assessment',
    title: 'The Percentage of Carers identified offered an assessment',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(90, 90),
  },
  [60, 65, 70, 72, 78, 80, 83, 75],
);
measure(
  SOCIAL,
  'People',
  {
    id: 'adult-protection-enquiries-7-days',
    title: '% of adult protection enquiries completed within 7 working days',
    unit: '%',
    polarity: 'higher',
    frequency: 'quarterly',
    targets: yearly(90, 90),
  },
  [85, 86, 88, 89, 90, 91, 92, null],
);

// ---- Planned work ----

const actions: ActionDefinition[] = [];
const actionUpdates: SampleActionUpdate[] = [];
const CODES: Record<string, ActionStatus> = { B: 'blue', G: 'green', A: 'amber', R: 'red' };

/**
 * One action and its 2017-18 updates: `statuses` is one letter per quarter (B, G, A, R);
 * `why` explains its amber or red quarters.
 */
function action(
  programme: string,
  ownerDirectorate: string,
  id: string,
  title: string,
  statuses: string,
  why = '',
  dueQuarter = Q4,
): void {
  actions.push({
    id,
    plan: PLAN,
    programme,
    title,
    ownerDirectorate,
    startQuarter: '2017-18-Q1',
    dueQuarter,
    sample: true,
  });
  [...statuses].forEach((code, i) => {
    const status = CODES[code]!;
    const offTrack = status === 'amber' || status === 'red';
    actionUpdates.push({
      actionId: id,
      quarter: QUARTERS[4 + i]!,
      status,
      commentary: offTrack && why ? `${UPDATE_NOTE} ${why}` : UPDATE_NOTE,
    });
  });
}

action(
  ECONOMY,
  'Place',
  'adopt-ldp',
  'Adopt the Local Development Plan',
  'GGAA',
  'Adoption delayed; higher than normal numbers of planning applications meanwhile.',
  '2018-19-Q2',
);
action(ECONOMY, 'Place', 'growing-mid-wales', 'Deliver the Growing Mid Wales economic strategy', 'GGGG');
action(ECONOMY, 'Place', 'rural-broadband', 'Roll out superfast broadband to rural communities', 'GGGG');
action(ECONOMY, 'Place', 'town-centre-regeneration', 'Complete the town centre regeneration programme', 'GGGB');
action(ECONOMY, 'Place', 'whqs-windows-doors', 'Deliver the WHQS windows and doors replacement programme', 'AGGG');
action(
  ECONOMY,
  'Place',
  'reroofing-retender',
  'Re-tender the re-roofing contract in the south of the county',
  'GAAA',
  'Delayed by a legal challenge.',
);
action(ECONOMY, 'Place', 'local-transport-plan', 'Deliver the Local Transport Plan highway improvements', 'GGGG');
action(ECONOMY, 'Place', 'destination-management', 'Develop the tourism destination management plan', 'GGGB');

action(LEARNING, 'People', 'secondary-schools-strategy', 'Implement the Secondary Schools Strategy', 'GGGG');
action(
  LEARNING,
  'People',
  'aln-transformation',
  'Launch the Additional Learning Needs (ALN) and Inclusion Transformation Programme',
  'GGGG',
);
action(
  LEARNING,
  'People',
  'besd-provision',
  'Improve provision for Behaviour, Emotional and Social Difficulties (BESD)',
  'GAAA',
  'Workforce skills and provision still being developed.',
);
action(
  LEARNING,
  'People',
  'schools-causing-concern',
  'Support schools causing concern',
  'GGGA',
  'Estyn improvement conference actions outstanding.',
);
action(
  LEARNING,
  'People',
  'twenty-first-century-schools',
  'Deliver the 21st Century Schools Band A programme',
  'GGGG',
  '',
  '2018-19-Q4',
);
action(
  LEARNING,
  'People',
  'education-self-evaluation',
  'Complete the self-evaluation (SER) of education services',
  'GGGB',
);
action(
  LEARNING,
  'People',
  'school-deficit-support',
  'Support schools to reduce deficit budgets',
  'AAAA',
  'Schools are being supported to reduce staffing.',
);
action(LEARNING, 'People', 'welsh-in-education', 'Implement the Welsh in Education Strategic Plan', 'GGGG');

action(FOR_LESS, 'Resources', 'pia-a-governance', 'Priority Improvement Area A: Governance', 'GGGG');
action(FOR_LESS, 'Resources', 'pia-b-financial-planning', 'Priority Improvement Area B: Financial Planning', 'GGGG');
action(
  FOR_LESS,
  'Resources',
  'pia-c-workforce-planning',
  'Priority Improvement Area C: Workforce Planning',
  'GGAA',
  'Workforce plan awaiting the service reviews.',
);
action(FOR_LESS, 'Resources', 'pia-d-asset-management', 'Priority Improvement Area D: Asset Management', 'GGGG');
action(FOR_LESS, 'Resources', 'pia-e-procurement', 'Priority Improvement Area E: Procurement', 'GGGB');
action(
  FOR_LESS,
  'Resources',
  'pia-f-ict-digital',
  'Priority Improvement Area F: ICT and Digital Transformation',
  'GGGG',
);
action(
  FOR_LESS,
  'Resources',
  'pia-g-communications',
  'Priority Improvement Area G: Communications Strategy/Engagement',
  'GGAR',
  'Action G1 (Comms review) was not completed in its initial timescale due to inclement weather in March.',
);
action(
  FOR_LESS,
  'Resources',
  'pia-h-performance-management',
  'Priority Improvement Area H: Performance Management',
  'GGGG',
);
action(FOR_LESS, 'Resources', 'customer-services-strategy', 'Deliver the Customer Services Strategy', 'GGGG');
action(FOR_LESS, 'Resources', 'digital-by-default', 'Move transactional services online (digital by default)', 'GGGG');
action(
  FOR_LESS,
  'Resources',
  'property-rationalisation',
  'Implement the corporate property rationalisation programme',
  'GGAG',
  'Two disposals slipped into Q4.',
);
action(FOR_LESS, 'Resources', 'income-generation', 'Deliver the income generation and charging policy', 'GGGG');

action(
  SOCIAL,
  'People',
  'children-recruit-social-workers',
  "Children's Improvement Plan: recruit permanent social workers",
  'AAAA',
  'Agency reliance remains high.',
);
action(
  SOCIAL,
  'People',
  'children-case-supervision',
  "Children's Improvement Plan: strengthen case supervision",
  'GAAG',
  'Supervision rates fell in the autumn.',
);
action(
  SOCIAL,
  'People',
  'children-statutory-visits',
  "Children's Improvement Plan: improve the timeliness of statutory visits",
  'GGGG',
);
action(
  SOCIAL,
  'People',
  'adults-domiciliary-care',
  'Adults Improvement Plan: develop the in-house domiciliary care service',
  'GAAA',
  'Domiciliary care capacity in the north of the county is short.',
);
action(SOCIAL, 'People', 'adults-reablement-review', 'Adults Improvement Plan: review the reablement service', 'GGGG');
action(
  SOCIAL,
  'People',
  'adults-home-from-hospital',
  'Adults Improvement Plan: commission a home from hospital service',
  'GGGG',
);
action(
  SOCIAL,
  'People',
  'carers-awareness-training',
  'Commission carers awareness training from Credu (Powys Carers)',
  'GGGB',
);
action(
  SOCIAL,
  'People',
  'dynamic-purchasing-system',
  'Develop the Dynamic Purchasing System for domiciliary care',
  'GGGG',
);
action(SOCIAL, 'People', 'care-home-fees', 'Complete the review of residential care home fees', 'GGGB');

action(
  CORPORATE,
  'Resources',
  'trent-sickness-recording',
  'Improve the recording of sickness absence on Trent',
  'GAAA',
  'Low recording of sickness in schools may mask the true level.',
);
action(CORPORATE, 'Resources', 'ipr-policy-review', 'Revise the Corporate IPR Policy', 'GGGG');
action(CORPORATE, 'Resources', 'wellbeing-at-work', 'Launch the wellbeing at work programme', 'GGGG');

/** The sample plan: illustrative values only (see the header). */
export const samplePlan: SamplePlan = { measures, actions, results, actionUpdates };
