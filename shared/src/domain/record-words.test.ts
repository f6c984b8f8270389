import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../schemas/activities.js';
import { CASE_PRIORITIES, CASE_STATUSES } from '../schemas/cases.js';
import { STAGE_KINDS } from '../schemas/organisation.js';
import { TASK_PRIORITIES } from '../schemas/tasks.js';
import {
  ACTIVITY_TYPE_NAMES,
  CASE_STATUS_NAMES,
  DEAL_OUTCOME_NAMES,
  PRIORITY_NAMES,
  websiteHref,
} from './record-words.js';
import { isOverdue } from './task-due.js';

describe('record words', () => {
  it('names every status, priority and outcome in words that start with a capital', () => {
    const names = [
      ...CASE_STATUSES.map((status) => CASE_STATUS_NAMES[status]),
      ...[...CASE_PRIORITIES, ...TASK_PRIORITIES].map((priority) => PRIORITY_NAMES[priority]),
      ...STAGE_KINDS.map((kind) => DEAL_OUTCOME_NAMES[kind]),
      ...ACTIVITY_TYPES.map((type) => ACTIVITY_TYPE_NAMES[type]),
    ];
    expect(names.every((name) => /^[A-Z][a-z]+$/.test(name))).toBe(true);
    expect(CASE_STATUS_NAMES.resolved).toBe('Resolved');
  });

  it('calls a task overdue once its due time has passed, and never one without a due time', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(isOverdue('2026-12-02T11:59:00Z', now)).toBe(true);
    expect(isOverdue('2026-12-02T12:01:00Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  it('makes a website a link a browser opens, keeping a scheme it has', () => {
    expect(websiteHref('northwind.example')).toBe('https://northwind.example');
    expect(websiteHref('http://old.example/about')).toBe('http://old.example/about');
  });
});
