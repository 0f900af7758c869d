import { byRoute, httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { chooseOwnLanguage, chosenLanguage } from '../services/people';
import { currentSettings, welshNames } from '../services/settings';
import { nameOf } from '../services/writer';

// Who the caller is and what the web app's header needs (the report title, which only
// admins could read from /settings), with the directorates and plans the settings name,
// in one small request.
const getMe = httpHandler(routeTable.getMe, async ({ caller }) => {
  const [settings, { language, remembered }] = await Promise.all([currentSettings(), chosenLanguage(caller)]);
  const namesCy = welshNames(settings);
  return json(200, {
    email: caller.email,
    name: nameOf(caller),
    roles: caller.roles,
    directorate: caller.directorate,
    reportTitle: settings.reportTitle,
    ...(settings.namesCy.reportTitle !== undefined && { reportTitleCy: settings.namesCy.reportTitle }),
    directorates: Object.keys(settings.directorates).sort(),
    plans: Object.entries(settings.planNames)
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    // The Welsh names the pages show in Welsh (docs/cymraeg.md), when the settings hold any:
    // read by every person who works in Welsh, whatever languages the report is written in.
    ...(namesCy && { namesCy }),
    // The web app offers `Awaiting sign-off` only while sign-off is on (docs/sign-off.md).
    signOff: settings.signOff,
    // The web app's language (docs/cymraeg.md): absent until the person chooses one.
    ...(language !== undefined && { language }),
    // Whether PUT /me/language can remember it (a People record exists); else the browser keeps it.
    languageRemembered: remembered,
  });
});

// The header's language switch: the caller's own People `language` (docs/cymraeg.md).
const putMyLanguage = httpHandler(routeTable.putMyLanguage, async ({ caller, body }) =>
  json(200, { language: await chooseOwnLanguage(caller, body.language) }),
);

// GET /me and PUT /me/language share this function (docs/deploy.md "Resources").
export const handler = byRoute([routeTable.getMe, getMe], [routeTable.putMyLanguage, putMyLanguage]);
