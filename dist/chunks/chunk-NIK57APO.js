#!/usr/bin/env node
import { createRequire as __clbGuardCreateRequire } from 'node:module';
const require = __clbGuardCreateRequire(import.meta.url);

// src/check/callPacing.ts
function callPacing(env) {
  const timeoutSeconds = Number(env.CLB_GUARD_LIVE_TIMEOUT ?? 30);
  const retryMs = Number(env.CLB_GUARD_LIVE_RETRY_MS ?? 250);
  return {
    timeoutSeconds: timeoutSeconds > 0 ? timeoutSeconds : 30,
    retry: { attempts: 6, baseDelayMs: retryMs > 0 ? retryMs : 250, maxDelayMs: 8e3 }
  };
}

export {
  callPacing
};
