import { useQuery } from "@apollo/client/react";
import { Alert, Checkbox, Form, Spin } from "antd";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { MATTER_CLASS } from "../../lib/labels";

const DEPARTMENT_MATTERS = graphql(`
  query WizardMatters($code: String!) {
    department(code: $code) {
      code
      matters(status: PUBLISHED, first: 200) {
        nodes {
          id
          name
          subItem
          matterClass
        }
      }
    }
  }
`);

/**
 * The wizard's matter choice for one department of the plan, fetched when the department is chosen: every
 * department's matters in one query would be over the gateway's cost limit (docs/architecture.md).
 */
export function DepartmentMatters({ code, name }: { code: string; name: string }) {
  const { data, loading, error } = useQuery(DEPARTMENT_MATTERS, { variables: { code } });
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} style={{ marginBottom: 16 }} />;
  if (loading) return <Spin style={{ display: "block", marginBottom: 16 }} />;
  return (
    <Form.Item name={["matters", code]} label={`${name}的抽查事项`}>
      <Checkbox.Group
        options={(data?.department?.matters?.nodes ?? []).map((m) => ({
          value: m.id,
          label: `${m.name}${m.subItem ? ` · ${m.subItem}` : ""}（${MATTER_CLASS[m.matterClass] ?? m.matterClass}）`,
        }))}
      />
    </Form.Item>
  );
}
