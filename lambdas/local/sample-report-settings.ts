import type { Settings } from '../domain/settings';

/**
 * The sample plan's Cabinet frame and its own words in Welsh (docs/cymraeg.md): what a
 * Welsh council's performance team would put in Settings, for the README's pictures of the
 * Word draft. The council, meeting, date and author are the seed report's.
 */
export const sampleReportSettings = {
  namesCy: {
    reportTitle: 'Cynllun Gwella Corfforaethol',
    plans: { cip: 'Cynllun Gwella Corfforaethol' },
    programmes: {
      'Corporate Measures': 'Mesurau Corfforaethol',
      'Developing the economy': 'Datblygu’r economi',
      Learning: 'Dysgu',
      'Services delivered for less': 'Gwasanaethau a ddarperir am lai',
      'Social Services Improvement': 'Gwella Gwasanaethau Cymdeithasol',
    },
    directorates: { People: 'Pobl', Place: 'Lle', Resources: 'Adnoddau' },
  },
  cabinetReport: {
    en: {
      council: 'CYNGOR SIR POWYS COUNTY COUNCIL',
      meeting: 'CABINET EXECUTIVE',
      author: 'County Councillor Aled Davies',
      portfolio: 'Portfolio Holder for Finance, Countryside and Transport',
    },
    cy: {
      council: 'CYNGOR SIR POWYS COUNTY COUNCIL',
      meeting: 'CABINET GWEITHREDOL',
      author: 'Y Cynghorydd Sir Aled Davies',
      portfolio: 'Deiliad y Portffolio dros Gyllid, Cefn Gwlad a Thrafnidiaeth',
    },
    meetingDate: '2018-07-10',
  },
} satisfies Partial<Settings>;
