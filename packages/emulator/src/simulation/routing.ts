import type { RoutingStatus } from './categories.js';
import { between, createRandom } from './random.js';
import type { ActualSegment } from './shift.js';

export interface RoutingSpan {
  status: RoutingStatus;
  start: number;
  end: number;
}

/** The routing-status spans inside an OnQueue segment: idle, interacting, and now and then not responding. */
export function* routingSpans(segment: ActualSegment): Generator<RoutingSpan> {
  const random = createRandom(segment.seed);
  let t = segment.start;
  let status: RoutingStatus = 'IDLE';
  while (t < segment.end) {
    const minutes =
      status === 'IDLE'
        ? between(random, 0.5, 3)
        : status === 'INTERACTING'
          ? between(random, 2, 7)
          : between(random, 1, 2);
    const end = Math.min(segment.end, t + Math.round(minutes * 60_000));
    yield { status, start: t, end };
    t = end;
    status = status === 'IDLE' ? (random() < 0.04 ? 'NOT_RESPONDING' : 'INTERACTING') : 'IDLE';
  }
}
