import { bundleSize } from './bundle-size.mjs';

export async function benchOAuth() {
  const ours = await bundleSize('./entries/oauth-ours.ts');
  const peer = await bundleSize('./entries/oauth-oauth4webapi.ts');
  const ratio = ours.gzip / peer.gzip;
  const ok = ours.gzip <= 3072 && ratio <= 0.5;
  console.log('\n== @adhere/oauth: browser bundle for start + complete sign-in (esbuild, minified, gzip -9) ==');
  console.log(`  @adhere/oauth   ${ours.raw} B raw   ${ours.gzip} B gzip`);
  console.log(`  oauth4webapi    ${peer.raw} B raw   ${peer.gzip} B gzip`);
  console.log(
    `  ratio ours/oauth4webapi: ${ratio.toFixed(2)}  (target ≤ 3072 B and ≤ 0.50: ${ok ? 'met' : 'NOT met'})`,
  );
  return { ours, peer, ratio, ok };
}
