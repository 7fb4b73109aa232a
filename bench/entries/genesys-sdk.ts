// The same calls with the official SDK: list management units, real-time adherence, and a notifications
// channel with a subscription (the SDK leaves the WebSocket itself to the app).
// @ts-expect-error the SDK's ESM source has no type declarations at this path
import platformClient from 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/index.js';

export async function board(token: string): Promise<number> {
  const client = platformClient.ApiClient.instance;
  client.setEnvironment('mypurecloud.ie');
  client.setAccessToken(token);
  const wfm = new platformClient.WorkforceManagementApi();
  const notifications = new platformClient.NotificationsApi();
  const bus = await wfm.getWorkforcemanagementBusinessunits({});
  const mus = await wfm.getWorkforcemanagementBusinessunitManagementunits(bus.entities[0].id, {});
  const rows = await wfm.getWorkforcemanagementManagementunitAdherence(mus.entities[0].id, {});
  const channel = await notifications.postNotificationsChannels();
  await notifications.putNotificationsChannelSubscriptions(
    channel.id,
    mus.entities.map((m: { id: string }) => ({ id: `v2.workforcemanagement.managementunits.${m.id}.adherence` })),
  );
  const ws = new WebSocket(channel.connectUri);
  ws.onmessage = (e) => console.log(e.data);
  return rows.entities.length;
}
