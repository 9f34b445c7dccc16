import { useMutation } from "@apollo/client/react";
import { App, Button, Checkbox, Form, Input } from "antd";
import { apiMessage } from "../../lib/errors";
import { START_VISIT } from "./visit-documents";

interface Team {
  department: string;
  inspectors: { id: string; name: string }[];
}

/** Starting a visit on site: the notice served, certificates shown, who is present (at least two). */
export function StartVisitForm({ visitId, teams, onDone }: { visitId: string; teams: Team[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [start, { loading }] = useMutation(START_VISIT);
  const people = teams.flatMap((t) => t.inspectors.map((i) => ({ value: `${t.department}:${i.id}`, label: i.name })));
  const submit = async (v: { noticeNumber: string; certificatesShown: boolean; present: string[] }) => {
    try {
      await start({
        variables: { input: { visitId, noticeNumber: v.noticeNumber, certificatesShown: !!v.certificatesShown, present: v.present } },
      });
      message.success("检查已开始");
      onDone();
    } catch (e) {
      message.error(apiMessage(e));
    }
  };
  return (
    <Form
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ present: people.map((p) => p.value), certificatesShown: false }}
    >
      <Form.Item
        name="noticeNumber"
        label="检查通知书编号"
        rules={[{ required: true, whitespace: true, message: "请填写送达的检查通知书编号" }]}
      >
        <Input />
      </Form.Item>
      {/* no `required` rule: it would put aria-required on the group's <div>; the API refuses fewer than two */}
      <Form.Item name="present" label="在场执法人员">
        <Checkbox.Group options={people} />
      </Form.Item>
      <Form.Item name="certificatesShown" valuePropName="checked">
        <Checkbox>已出示执法证件</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} block>
        开始检查
      </Button>
    </Form>
  );
}
