import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { db, tableName } from '../store/client';
import { definitionsPk, settingsSk } from '../store/keys';
import { settingsFromItem } from '../store/settings';

// Who the caller is and what the web app's header needs (the report title, which only
// admins could read from /settings), in one small request.
export const handler = httpHandler(routeTable.getMe, async ({ caller }) => {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: { pk: definitionsPk, sk: settingsSk } }));
  const settings = settingsFromItem(out.Item);
  return json(200, {
    email: caller.email,
    roles: caller.roles,
    directorate: caller.directorate,
    reportTitle: settings.reportTitle,
    directorates: Object.keys(settings.directorates).sort(),
  });
});
