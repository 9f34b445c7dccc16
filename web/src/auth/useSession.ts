import { useSyncExternalStore } from "react";
import { currentSession, onSessionChange, type Session } from "./session";

let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

/** The signed-in user (null for the public), re-rendering on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, () => {
    const raw = sessionStorage.getItem("ssj.session");
    if (raw !== cached.raw) cached = { raw, session: currentSession() };
    return cached.session;
  });
}
