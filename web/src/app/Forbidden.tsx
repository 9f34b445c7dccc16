import { Button, Result } from "antd";
import { Link } from "react-router";
import { ROLE_NAMES, type Role } from "../auth/session";

/** "Sign in first" / "not for your role": its own chunk, since Result's illustrations are large and the portal never shows them. */
export default function Forbidden({ roles, signedIn }: { roles: Role[]; signedIn: boolean }) {
  return (
    <Result
      status="403"
      title={signedIn ? "无权访问此页面" : "请先登录"}
      subTitle={`此页面供${roles.map((r) => ROLE_NAMES[r]).join("、")}使用。`}
      extra={
        <Link to="/signin">
          <Button type="primary">登录</Button>
        </Link>
      }
    />
  );
}
