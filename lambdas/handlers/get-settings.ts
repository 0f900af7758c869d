import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { httpHandler, json } from '../http/middleware';
import { routeTable } from '../http/routes';
import { db, tableName } from '../store/client';
import { definitionsPk, settingsSk } from '../store/keys';
import { settingsFromItem } from '../store/settings';

export const handler = httpHandler(routeTable.getSettings, async () => {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: { pk: definitionsPk, sk: settingsSk } }));
  return json(200, settingsFromItem(out.Item));
});
