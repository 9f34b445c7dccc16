import { lazy, type ReactNode } from "react";
import type { Role } from "../auth/session";
import { useSession } from "../auth/useSession";

const Forbidden = lazy(() => import("./Forbidden"));
const WithAntApp = lazy(() => import("./WithAntApp"));

/**
 * Shows a page only to the roles that may use it. This is for the user's sake (no menu item that only
 * fails); the gateway still decides every request, and a refused one shows the API's own message.
 * The signed-in pages get Ant Design's App (./WithAntApp.tsx).
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  if (session && roles.includes(session.role)) return <WithAntApp>{children}</WithAntApp>;
  return <Forbidden roles={roles} signedIn={!!session} />;
}
