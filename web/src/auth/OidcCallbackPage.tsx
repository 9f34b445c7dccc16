import { Alert, Spin } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { authConfig, userManager } from "./idp";
import { sessionFromToken, signIn } from "./session";

/** Where the OpenID Connect provider sends the browser back with the authorization code. */
export default function OidcCallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void (async () => {
      try {
        const c = await authConfig();
        if (!c.oidc) throw new Error("未配置统一身份认证");
        const user = await userManager(c.oidc).signinRedirectCallback();
        if (!user.id_token) throw new Error("身份提供方未返回 ID 令牌");
        signIn(sessionFromToken(user.id_token));
        navigate(sessionStorage.getItem("ssj.returnTo") ?? "/", { replace: true });
      } catch (e) {
        setError(`登录失败：${(e as Error).message}`);
      }
    })();
  }, [navigate]);
  return error ? <Alert type="error" showIcon message={error} /> : <Spin style={{ margin: 48 }} />;
}
