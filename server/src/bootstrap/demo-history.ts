import type { CaseStatus, PipelineStage } from '@inbox-crm/shared';
import { newId } from '../db/ids.js';
import type { SeededRandom } from './random.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

interface Stay<T> {
  value: T;
  entered: Date;
}

/**
 * When a record was created and its stays, oldest first: `path` walked back from `lastEntered`,
 * each earlier stay lasting between `minMs` and `maxMs`.
 */
function walkBack<T>(random: SeededRandom, path: T[], lastEntered: Date, minMs: number, maxMs: number) {
  const stays: Stay<T>[] = [];
  let entered = lastEntered.getTime();
  for (let index = path.length - 1; index >= 0; index -= 1) {
    stays.unshift({ value: path[index]!, entered: new Date(entered) });
    entered -= minMs + random.next() * (maxMs - minMs);
  }
  return { createdAt: stays[0]!.entered, stays };
}

/** A record's creation time, and its stays as rows for its history table (to add after the record itself). */
export interface Journey {
  createdAt: Date;
  stays: Record<string, unknown>[];
}

function journeyOf<T>(
  createdAt: Date,
  stays: Stay<T>[],
  row: (stay: Stay<T>, previous: T | null) => Record<string, unknown>,
): Journey {
  return {
    createdAt,
    stays: stays.map((stay, index) => ({
      id: newId(),
      ...row(stay, stays[index - 1]?.value ?? null),
      entered_at: stay.entered,
      left_at: stays[index + 1]?.entered ?? null,
    })),
  };
}

/**
 * A believable way through the pipeline to `stage`: a few days to three weeks in each open stage
 * before it, now and then back a stage and forward again; a won deal through every open stage, a
 * lost one dropped from any of them, closed at some point in the last five months.
 */
export function stageJourney(
  orgId: string,
  random: SeededRandom,
  opportunityId: string,
  stage: PipelineStage,
  stages: readonly PipelineStage[],
  now: Date,
): Journey {
  const open = stages.filter((candidate) => candidate.kind === 'open');
  const reached =
    stage.kind === 'open'
      ? open.indexOf(stage)
      : stage.kind === 'won'
        ? open.length - 1
        : random.int(0, open.length - 1);
  const path: PipelineStage[] = open.slice(0, reached + 1);
  if (reached >= 1 && random.chance(0.2)) path.splice(reached, 0, open[reached - 1]!, open[reached]!);
  if (stage.kind !== 'open') path.push(stage);
  const lastEntered = new Date(
    now.getTime() - (stage.kind === 'open' ? random.int(1, 20) : random.int(3, 150)) * DAY,
  );
  const { createdAt, stays } = walkBack(random, path, lastEntered, 2 * DAY, 21 * DAY);
  return journeyOf(createdAt, stays, (stay) => ({
    org_id: orgId,
    opportunity_id: opportunityId,
    stage_id: stay.value.id,
  }));
}

const STATUS_PATHS: Record<CaseStatus, CaseStatus[]> = {
  new: ['new'],
  open: ['new', 'open'],
  pending: ['new', 'open', 'pending'],
  resolved: ['new', 'open', 'resolved'],
  closed: ['new', 'open', 'resolved', 'closed'],
};
const RESOLVED = new Set<CaseStatus>(['resolved', 'closed']);

/** A case's way to `status` over the last three months, a few hours to days per status. */
export function statusJourney(
  orgId: string,
  random: SeededRandom,
  caseId: string,
  status: CaseStatus,
  now: Date,
): Journey {
  const lastEntered = new Date(now.getTime() - random.int(1, 80 * 24) * HOUR);
  const { createdAt, stays } = walkBack(random, STATUS_PATHS[status], lastEntered, 2 * HOUR, 6 * DAY);
  return journeyOf(createdAt, stays, (stay, previous) => ({
    org_id: orgId,
    case_id: caseId,
    status: stay.value,
    resolves: RESOLVED.has(stay.value) && (previous === null || !RESOLVED.has(previous)),
  }));
}
