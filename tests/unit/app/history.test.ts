import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commit, emptyHistory, HISTORY_LIMIT, redo, undo } from '../../../src/app/history';

describe('undo/redo history', () => {
  it('undo returns the previous snapshot and redo the one undone', () => {
    let step = commit(emptyHistory<string>(), 'a', 'b');
    step = commit(step.history, step.present, 'c');
    const back = undo(step.history, step.present)!;
    expect(back.present).toBe('b');
    const back2 = undo(back.history, back.present)!;
    expect(back2.present).toBe('a');
    expect(undo(back2.history, back2.present)).toBeNull();
    const forward = redo(back2.history, back2.present)!;
    expect(forward.present).toBe('b');
    expect(redo(forward.history, forward.present)!.present).toBe('c');
  });

  it('a new commit clears the redo stack', () => {
    const step = commit(emptyHistory<string>(), 'a', 'b');
    const back = undo(step.history, step.present)!;
    const branched = commit(back.history, back.present, 'x');
    expect(redo(branched.history, branched.present)).toBeNull();
    expect(undo(branched.history, branched.present)!.present).toBe('a');
  });

  it('any sequence of undos then as many redos returns to the same present (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), fc.nat(40), (values, back) => {
        let history = emptyHistory<number>();
        let present = -1;
        for (const v of values) ({ history, present } = commit(history, present, v));
        const end = present;
        let undone = 0;
        for (let k = 0; k < back; k++) {
          const step = undo(history, present);
          if (!step) break;
          ({ history, present } = step);
          undone++;
        }
        expect(undone).toBe(Math.min(back, values.length));
        for (let k = 0; k < undone; k++) ({ history, present } = redo(history, present)!);
        expect(present).toBe(end);
      }),
    );
  });

  it(`keeps at most ${HISTORY_LIMIT} snapshots to undo`, () => {
    let history = emptyHistory<number>();
    let present = 0;
    for (let v = 1; v <= HISTORY_LIMIT + 50; v++) ({ history, present } = commit(history, present, v));
    expect(history.past.length).toBe(HISTORY_LIMIT);
    expect(history.past[0]).toBe(50);
  });
});
