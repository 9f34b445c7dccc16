import { lazy, Suspense, useEffect, useState } from "react";
import { onExpired } from "./expired";

// The dialog and the sign-in choices (with the OpenID Connect client) load only when a token expires.
const ExpiredModal = lazy(() => import("./ExpiredModal"));

/**
 * Asks to sign in again when the token expires mid-session. The page under it stays mounted, so a
 * half-filled form keeps every value; after signing in the user simply submits again.
 */
export function ExpiredDialog() {
  const [message, setMessage] = useState<string>();
  useEffect(() => onExpired(setMessage), []);
  if (!message) return null;
  return (
    <Suspense fallback={null}>
      <ExpiredModal message={message} onClose={() => setMessage(undefined)} />
    </Suspense>
  );
}
