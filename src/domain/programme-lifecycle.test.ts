import { describe, expect, it } from 'vitest';
import type { ProgrammeStatus } from '../contract/programmes.js';
import {
  canTransitionProgramme,
  isInForce,
  outlineEditMode,
  type ProgrammeActor,
  transitionsFor,
} from './programme-lifecycle.js';

const npoc: ProgrammeActor = { centre: false, canAgree: false, canEdit: true };
const registrar: ProgrammeActor = { centre: true, canAgree: true, canEdit: true };
const observer: ProgrammeActor = { centre: false, canAgree: false, canEdit: false };

describe('programme lifecycle', () => {
  it.each<[ProgrammeStatus, ProgrammeStatus, boolean]>([
    ['draft', 'proposed', true],
    ['draft', 'agreed', false],
    ['proposed', 'draft', true],
    ['proposed', 'agreed', true],
    ['agreed', 'active', true],
    ['agreed', 'draft', false],
    ['active', 'closed', true],
    ['active', 'agreed', false],
    ['closed', 'active', false],
  ])('%s -> %s allowed: %s', (from, to, ok) => {
    expect(canTransitionProgramme(from, to)).toBe(ok);
  });

  it.each<[ProgrammeStatus, ProgrammeActor, ProgrammeStatus[]]>([
    ['draft', npoc, ['proposed']],
    ['draft', observer, []],
    ['proposed', npoc, ['draft']],
    ['proposed', registrar, ['draft', 'agreed']],
    ['agreed', npoc, []],
    ['agreed', registrar, ['active', 'closed']],
    ['active', registrar, ['closed']],
    ['closed', registrar, []],
  ])('from %s the actor may go to %j', (from, actor, expected) => {
    expect(transitionsFor(from, actor)).toEqual(expected);
  });

  it.each<[ProgrammeStatus, ProgrammeActor, string]>([
    ['draft', npoc, 'free'],
    ['draft', registrar, 'free'],
    ['draft', observer, 'none'],
    ['proposed', registrar, 'none'],
    ['agreed', registrar, 'revision'],
    ['active', registrar, 'revision'],
    ['active', npoc, 'none'],
    ['closed', registrar, 'none'],
  ])('outline of a %s programme: %s', (status, actor, mode) => {
    expect(outlineEditMode(status, actor)).toBe(mode);
  });

  it('only agreed and active programmes are in force', () => {
    expect(
      ['draft', 'proposed', 'agreed', 'active', 'closed'].filter((s) =>
        isInForce(s as ProgrammeStatus),
      ),
    ).toEqual(['agreed', 'active']);
  });
});
