import fc from 'fast-check';

/**
 * Property tests run with a fixed seed so that `npm test` (and CI) is repeatable; set FC_SEED to explore other
 * seeds locally (`FC_SEED=$RANDOM npx vitest run`), and keep any counterexample found as a fixed test case.
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
