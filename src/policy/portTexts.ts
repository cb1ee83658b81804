import type { Listener } from '../model/loadBalancer.js';
import { isUnknown, type Maybe } from '../model/value.js';
import { describePorts } from '../net/portSet.js';
import { listenerPorts } from './flowSources.js';

/**
 * How a subject's port fields read in a message, where the number alone would mislead: a
 * port-range listener listens on more than `listener.port`, and a full-port target's port 0
 * (and a health check that follows it) means "each listener port on the same port", never
 * port 0. The fields keep their numbers for conditions. Undefined when every number says it all.
 */
export function portTexts(
  listener: Listener,
  backendPort?: Maybe<number>,
  healthCheckPort?: Maybe<number> | null,
): ReadonlyMap<string, string> | undefined {
  const ranged =
    listener.endPort !== undefined && (isUnknown(listener.endPort) || isUnknown(listener.port) || listener.endPort > listener.port);
  const fullPort = backendPort === 0;
  if (!ranged && !fullPort) return undefined;
  const texts = new Map<string, string>();
  const listened = listenedText(listener);
  if (ranged) texts.set('listener.port', listened);
  if (fullPort) {
    const followed = `${listened} (full-port)`;
    texts.set('backend.port', followed);
    if (healthCheckPort === 0) texts.set('healthCheck.port', followed);
  }
  return texts;
}

/** The listener's ports: `8000-8010`, or what is not known of them. */
function listenedText(listener: Listener): string {
  if (isUnknown(listener.port)) return "the listener's port";
  if (listener.endPort !== undefined && isUnknown(listener.endPort)) return `${listener.port}-(unknown)`;
  return describePorts(listenerPorts(listener)!);
}
