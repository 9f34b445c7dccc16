import { Card, Tabs, Typography } from "antd";
import { useSession } from "../../auth/useSession";
import { InspectorsTab } from "./InspectorsTab";
import { MattersTab } from "./MattersTab";
import { SubjectsTab } from "./SubjectsTab";

/**
 * The department's console: its own matter list, subject directory and inspector directory (一单两库).
 * Reports to review, incoming referrals and risk-class proposals join as tabs when their APIs exist.
 */
export default function DepartmentConsole() {
  const session = useSession();
  const department = session?.department ?? "";
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        部门管理 · {department}
      </Typography.Title>
      <Tabs
        items={[
          { key: "matters", label: "抽查事项清单", children: <MattersTab department={department} /> },
          { key: "subjects", label: "市场主体名录库", children: <SubjectsTab department={department} /> },
          { key: "inspectors", label: "执法检查人员名录库", children: <InspectorsTab department={department} /> },
        ]}
      />
    </Card>
  );
}
