import { collector, describeProblem, finding, found, Finding } from '../lib/core/problem';
import { RULES } from '../lib/rules';

describe('the one-line form of a finding', () => {
  test('found splits the text at its first ". Fix: " into message and fix', () => {
    // GIVEN a finding stated as users read it
    // WHEN it is built with found
    const f = found(
      RULES.lbWorkerUnique,
      'shape.externalHost.workers[2]',
      '10.0.0.1',
      'listed twice (also at [0]). Fix: list every worker once',
    );
    // THEN message and fix are those of the five-argument form, and the printed line is the same
    const five = finding(
      RULES.lbWorkerUnique,
      'shape.externalHost.workers[2]',
      '10.0.0.1',
      'listed twice (also at [0])',
      'list every worker once',
    );
    expect(f).toEqual(five);
    expect(f.message).toBe('listed twice (also at [0])');
    expect(f.fix).toBe('list every worker once');
    expect(describeProblem(f)).toBe(
      'shape.externalHost.workers[2] = "10.0.0.1": listed twice (also at [0]). Fix: list every worker once [lb-worker-unique]',
    );
  });

  test('a fix that itself holds ". Fix: " stays whole (the first one splits)', () => {
    // GIVEN a text with the separator twice
    const f = found(RULES.lbTuning, 'maxFails', -1, 'a. Fix: b. Fix: c');
    // THEN the message ends at the first separator
    expect([f.message, f.fix]).toEqual(['a', 'b. Fix: c']);
  });

  test('a text without a fix is a programming error', () => {
    // GIVEN a text without ". Fix: "  WHEN it is stated  THEN it throws, naming the rule
    expect(() => found(RULES.lbTuning, 'maxFails', -1, 'not an integer')).toThrow(
      'finding of rule lb-tuning states no fix: not an integer',
    );
  });

  test('collector pushes onto an array, or hands each finding to a function, in order', () => {
    // GIVEN a collector over an array and one over a function
    const out: Finding[] = [];
    const handed: string[] = [];
    const flag = collector(out);
    const hand = collector((f) => handed.push(`${f.field}: ${f.message} / ${f.fix}`));
    // WHEN findings are stated
    flag(RULES.lbTuning, 'maxFails', 2000).says('not an integer from 0 to 1000. Fix: use 3');
    flag(RULES.lbSingleReplica, 'shape.inCluster.replicas', 1).says('one pod. Fix: run 2');
    hand(RULES.lbTuning, 'failTimeout', '0ms').says('too short. Fix: use 10 s');
    // THEN each lands where it was sent, in the order stated, with rule and value kept
    expect(out.map((f) => [f.rule.id, f.field, f.value, f.message, f.fix])).toEqual([
      ['lb-tuning', 'maxFails', 2000, 'not an integer from 0 to 1000', 'use 3'],
      ['lb-single-replica', 'shape.inCluster.replicas', 1, 'one pod', 'run 2'],
    ]);
    expect(handed).toEqual(['failTimeout: too short / use 10 s']);
  });
});
