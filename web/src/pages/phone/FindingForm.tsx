import { useMutation } from "@apollo/client/react";
import { App, Button, Form, Input, Select } from "antd";
import { apiMessage } from "../../lib/errors";
import { INSPECTION_RESULT } from "../../lib/labels";
import { RECORD_FINDING } from "./visit-documents";
import type { InspectionResult } from "../../gql/graphql";

const OPTIONS = Object.entries(INSPECTION_RESULT).map(([value, label]) => ({ value, label }));

/** The finding for one matter of the visit: the national result code and what was found. */
export function FindingForm(props: {
  visitId: string;
  department: string;
  matter: { id: string; name: string };
  current?: { result: string; description: string };
  onDone: (saved: { result: string; description: string }) => void;
}) {
  const { message } = App.useApp();
  const [record, { loading }] = useMutation(RECORD_FINDING);
  const submit = async (v: { result: InspectionResult; description: string }) => {
    try {
      await record({
        variables: {
          input: {
            visitId: props.visitId,
            department: props.department,
            matterId: props.matter.id,
            result: v.result,
            description: v.description,
          },
        },
      });
      message.success(`已保存「${props.matter.name}」的检查结果`);
      props.onDone(v);
    } catch (e) {
      message.error(apiMessage(e));
    }
  };
  const id = `finding-${props.department}-${props.matter.id}`;
  return (
    <Form layout="vertical" onFinish={(v) => void submit(v)} initialValues={props.current} aria-labelledby={id}>
      <h3 id={id} style={{ fontSize: 15 }}>
        {props.matter.name}
      </h3>
      <Form.Item name="result" label={`${props.matter.name}的检查结果`} rules={[{ required: true, message: "请选择检查结果" }]}>
        <Select options={OPTIONS} />
      </Form.Item>
      <Form.Item
        name="description"
        label={`${props.matter.name}的情况描述`}
        rules={[{ required: true, whitespace: true, message: "请填写情况描述" }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button htmlType="submit" loading={loading} block>
        保存「{props.matter.name}」的结果
      </Button>
    </Form>
  );
}
