import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ROLE_NAMES, type Role } from "../auth/session";
import { useSession } from "../auth/useSession";

/**
 * Shows a page only to the roles that may use it. This is for the user's sake (no menu item that only
 * fails); the gateway still decides every request, and a refused one shows the API's own message.
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  if (session && roles.includes(session.role)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={session ? "无权访问此页面" : "请先登录"}
      subTitle={`此页面供${roles.map((r) => ROLE_NAMES[r]).join("、")}使用。`}
      extra={
        <Link to="/signin">
          <Button type="primary">登录</Button>
        </Link>
      }
    />
  );
}
