import { Alert, Button, List, Spin, Tag } from "antd";
import { useEffect, useState } from "react";
import { authConfig, demoToken, demoUsers, userManager, type AuthConfig, type DemoUser } from "./idp";
import { ROLE_NAMES, sessionFromToken, signIn } from "./session";

/** The ways to sign in: demo users (one click each) or the OpenID Connect provider. */
export function SignInChoices({ onSignedIn }: { onSignedIn?: () => void }) {
  const [config, setConfig] = useState<AuthConfig>();
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    authConfig()
      .then(async (c) => {
        setConfig(c);
        if (c.demo) setUsers(await demoUsers());
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const demo = async (u: DemoUser) => {
    try {
      signIn(sessionFromToken(await demoToken(u.sub)));
      onSignedIn?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!config) return <Spin />;
  return (
    <>
      {config.oidc && (
        <Button
          type="primary"
          size="large"
          block
          onClick={() => {
            sessionStorage.setItem("ssj.returnTo", location.pathname);
            void userManager(config.oidc!).signinRedirect();
          }}
        >
          统一身份认证登录
        </Button>
      )}
      {config.demo && (
        <List
          header="演示用户（点击即以该身份登录）"
          dataSource={users}
          renderItem={(u) => (
            <List.Item
              actions={[
                <Button key="go" type="primary" onClick={() => void demo(u)}>
                  以{u.name}登录
                </Button>,
              ]}
            >
              <List.Item.Meta title={u.name} description={u.department ? `部门：${u.department}` : undefined} />
              <Tag>{ROLE_NAMES[u.role]}</Tag>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
