// List management units, read their real-time adherence and subscribe to changes, with @adhere/genesys.
import {
  NotificationStream,
  createGenesysClient,
  getManagementUnitAdherence,
  listBusinessUnits,
  listManagementUnits,
  managementUnitAdherenceTopic,
} from '@adhere/genesys';

export async function board(token: string): Promise<number> {
  const client = createGenesysClient({ region: 'mypurecloud.ie', getAccessToken: () => token });
  const [bu] = await listBusinessUnits(client);
  const mus = await listManagementUnits(client, bu!.id);
  const rows = await getManagementUnitAdherence(client, mus[0]!.id);
  const stream = new NotificationStream(client, {
    topics: mus.map((m) => managementUnitAdherenceTopic(m.id)),
    onEvent: (e) => console.log(e.kind),
  });
  await stream.start();
  return rows.length;
}
