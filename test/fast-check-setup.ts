import fc from "fast-check";

// Property tests explore new random cases on every local run; in CI they run from a fixed seed so a
// submission's result does not depend on luck. A failure prints its seed and path for replay.
if (process.env.CI) fc.configureGlobal({ seed: 20_261_125 });
