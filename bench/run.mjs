// npm run bench: every benchmark, each printing its numbers beside the peer measured in the same run.
import { benchOAuth } from './oauth.mjs';

await benchOAuth();
