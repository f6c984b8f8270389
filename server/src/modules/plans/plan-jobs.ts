export const PLAN_STEP_JOB = 'plan_step';

/** The dedupe key of one step's job; all of an enrollment's steps share its prefix. */
export const planStepKey = (enrollmentId: string, index: number) => `${planStepPrefix(enrollmentId)}${index}`;
export const planStepPrefix = (enrollmentId: string) => `plan-step:${enrollmentId}:`;
