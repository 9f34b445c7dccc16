import { Card, Typography } from "antd";
import { useNavigate } from "react-router";
import { SignInChoices } from "./SignInChoices";
import { currentSession } from "./session";

const HOME: Record<string, string> = {
  county_coordinator: "/dashboard",
  auditor: "/dashboard",
  department_admin: "/console",
  inspector: "/my",
};

export default function SignInPage() {
  const navigate = useNavigate();
  return (
    <Card style={{ maxWidth: 560, margin: "0 auto" }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        登录
      </Typography.Title>
      <SignInChoices onSignedIn={() => navigate(HOME[currentSession()?.role ?? ""] ?? "/")} />
    </Card>
  );
}
