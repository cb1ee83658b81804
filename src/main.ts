import { actionsIo } from './action/actionsIo.js';
import { runAction } from './action/runAction.js';

// The Action entry: only wiring.
process.exitCode = await runAction(actionsIo());
