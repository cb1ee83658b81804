import { runAction } from './action/runAction.js';

// The Action entry: only wiring.
await runAction();
