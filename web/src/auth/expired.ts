/**
 * "Your sign-in has expired": raised by the Apollo error link when the gateway answers UNAUTHENTICATED.
 * The page stays mounted (a half-filled form keeps its values); a dialog offers to sign in again in a
 * new tab-less flow, after which the user retries the action.
 */
const listeners = new Set<(message: string) => void>();

export function reportExpired(message: string): void {
  listeners.forEach((l) => l(message));
}

export function onExpired(listener: (message: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
