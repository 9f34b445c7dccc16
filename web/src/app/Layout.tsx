import { Button, Dropdown, Grid, Layout as AntLayout, Menu, Space, Typography } from "antd";
import { Link, Outlet, useLocation } from "react-router";
import { ExpiredDialog } from "../auth/ExpiredDialog";
import { ROLE_NAMES, signOut, type Role } from "../auth/session";
import { useSession } from "../auth/useSession";

const ITEMS: { key: string; label: string; roles?: Role[] }[] = [
  { key: "/", label: "公开信息" },
  { key: "/results", label: "结果公示" },
  { key: "/verify", label: "验证摇号" },
  { key: "/dashboard", label: "县区看板", roles: ["county_coordinator", "auditor"] },
  { key: "/plans/new", label: "新建抽查计划", roles: ["county_coordinator", "department_admin"] },
  { key: "/console", label: "部门管理", roles: ["department_admin"] },
  { key: "/reviews", label: "报告审核", roles: ["department_admin"] },
  { key: "/my", label: "我的检查", roles: ["inspector"] },
];

/** The frame of every page: the menu shows only what the signed-in role may use. */
export function Layout() {
  const session = useSession();
  const { pathname } = useLocation();
  // A phone (390 px) has no room for a horizontal menu: a "菜单" button opens it. (Ant Design's overflow menu
  // hides items with aria-hidden but leaves their links focusable, which screen readers trip over.)
  const narrow = !Grid.useBreakpoint().md;
  const role = session?.role ?? "public";
  const items = ITEMS.filter((i) => !i.roles || i.roles.includes(role)).map((i) => ({
    key: i.key,
    label: <Link to={i.key}>{i.label}</Link>,
  }));
  const selected = ITEMS.map((i) => i.key)
    .filter((k) => (k === "/" ? pathname === "/" : pathname.startsWith(k)))
    .slice(-1);
  return (
    <AntLayout style={{ minHeight: "100vh" }}>
      <AntLayout.Header style={{ display: "flex", alignItems: "center", gap: 16, paddingInline: 16, background: "#8b0000" }}>
        <Typography.Text strong style={{ color: "#fff", whiteSpace: "nowrap" }}>
          双随机、一公开
        </Typography.Text>
        {narrow ? (
          <div style={{ flex: 1 }}>
            <Dropdown menu={{ items, selectedKeys: selected }} trigger={["click"]}>
              <Button size="small">菜单</Button>
            </Dropdown>
          </div>
        ) : (
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected}
            items={items}
            style={{ flex: 1, minWidth: 0, background: "transparent" }}
          />
        )}
        {session ? (
          <Space>
            <Typography.Text style={{ color: "#fff" }}>
              {session.name}（{ROLE_NAMES[session.role]}）
            </Typography.Text>
            <Button size="small" onClick={signOut}>
              退出
            </Button>
          </Space>
        ) : (
          <Link to="/signin">
            <Button size="small">登录</Button>
          </Link>
        )}
      </AntLayout.Header>
      <AntLayout.Content style={{ padding: 16, maxWidth: 1280, width: "100%", margin: "0 auto" }}>
        <main>
          <Outlet />
        </main>
      </AntLayout.Content>
      <AntLayout.Footer style={{ textAlign: "center" }}>双随机、一公开 · 每一次摇号都可由公众独立验证</AntLayout.Footer>
      <ExpiredDialog />
    </AntLayout>
  );
}
