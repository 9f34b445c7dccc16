import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Steps, Switch, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../../gql";
import { useSession } from "../../auth/useSession";
import { apiMessage } from "../../lib/errors";
import { DepartmentMatters } from "./DepartmentMatters";
import { flaggedRatioProblem, type RatioPercents } from "./ratios";

const WIZARD_DATA = graphql(`
  query WizardDepartments {
    departments(first: 50) {
      nodes {
        code
        name
      }
    }
  }
`);

const CREATE_JOINT = graphql(`
  mutation WizardCreateJointPlan($input: PlanInput!) {
    createJointPlan(input: $input) {
      id
    }
  }
`);
const CREATE_PLAN = graphql(`
  mutation WizardCreatePlan($input: PlanInput!) {
    createPlan(input: $input) {
      id
    }
  }
`);
const CREATE_DRAW = graphql(`
  mutation WizardCreateDraw($planId: ID!) {
    createDraw(planId: $planId) {
      id
    }
  }
`);

interface Values {
  name: string;
  leadDepartment: string;
  cooperatingDepartments: string[];
  matters: Record<string, string[]>;
  regions: string[];
  categories: string[];
  supervisionTypes: string[];
  ratios: RatioPercents;
  cap?: number | null;
  windowStart: string;
  windowEnd: string;
  cooldownDays?: number | null;
  minInspectors: number;
  allowBorrowing: boolean;
}

const STEP_FIELDS: (string | string[])[][] = [
  ["name", "leadDepartment", "cooperatingDepartments"],
  [],
  [["ratios", "FLAGGED"], ["ratios", "A"], ["ratios", "B"], ["ratios", "C"], ["ratios", "D"], "cap", "windowStart", "windowEnd"],
];

/**
 * The joint-plan wizard: departments, each department's matters, scope, ratios per risk class, cap,
 * window, cooldown and borrowing; then the plan is created with its first draw and the hall opens.
 * All steps stay mounted, so going back (or signing in again after an expired token) loses nothing.
 */
export default function JointPlanWizard() {
  const session = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [form] = Form.useForm<Values>();
  const { data, loading } = useQuery(WIZARD_DATA);
  const [createJoint] = useMutation(CREATE_JOINT);
  const [createPlan] = useMutation(CREATE_PLAN);
  const [createDraw] = useMutation(CREATE_DRAW);
  const [busy, setBusy] = useState(false);
  const lead = Form.useWatch("leadDepartment", form);
  const cooperating = Form.useWatch("cooperatingDepartments", form) ?? [];
  const departments = data?.departments.nodes ?? [];
  const chosen = departments.filter((d) => d.code === lead || cooperating.includes(d.code));
  const ownDepartment = session?.role === "department_admin" ? session.department : undefined;

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step]);
      if (step === 1 && !chosen.some((d) => (form.getFieldValue(["matters", d.code]) ?? []).length))
        return message.error("请至少为一个部门选择抽查事项");
      setStep(step + 1);
    } catch {
      /* the form shows what is missing */
    }
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const ratio = (p: number | null | undefined) => (p == null ? null : p / 100);
    const input = {
      name: v.name.trim(),
      leadDepartment: v.leadDepartment,
      cooperatingDepartments: v.cooperatingDepartments ?? [],
      matters: chosen.flatMap((d) => (v.matters?.[d.code] ?? []).map((matterId) => ({ department: d.code, matterId }))),
      scope: { regions: v.regions ?? [], categories: v.categories ?? [], supervisionTypes: v.supervisionTypes ?? [] },
      ratios: {
        A: ratio(v.ratios.A)!,
        B: ratio(v.ratios.B)!,
        C: ratio(v.ratios.C)!,
        D: ratio(v.ratios.D)!,
        FLAGGED: ratio(v.ratios.FLAGGED),
      },
      cap: v.cap ?? null,
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
      cooldownDays: v.cooldownDays ?? null,
      minInspectors: v.minInspectors,
      allowBorrowing: !!v.allowBorrowing,
    };
    setBusy(true);
    try {
      const plan = input.cooperatingDepartments.length
        ? (await createJoint({ variables: { input } })).data?.createJointPlan
        : (await createPlan({ variables: { input } })).data?.createPlan;
      const draw = (await createDraw({ variables: { planId: plan!.id } })).data?.createDraw;
      message.success("抽查计划已创建");
      navigate(`/hall/${draw!.id}`);
    } catch (e) {
      message.error(apiMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const options = departments.map((d) => ({ value: d.code, label: d.name }));
  return (
    <Card loading={loading}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        新建抽查计划
      </Typography.Title>
      <Steps
        current={step}
        items={[{ title: "部门" }, { title: "事项" }, { title: "范围与比例" }, { title: "确认" }]}
        style={{ marginBottom: 24 }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          leadDepartment: ownDepartment,
          cooperatingDepartments: [],
          ratios: { FLAGGED: 30, D: 30, C: 10, B: 2, A: 1 },
          minInspectors: 2,
          allowBorrowing: false,
        }}
      >
        <div hidden={step !== 0}>
          <Form.Item name="name" label="计划名称" rules={[{ required: true, whitespace: true, message: "请填写计划名称" }]}>
            <Input placeholder="如：2026 年第四季度餐饮服务单位联合抽查" />
          </Form.Item>
          <Form.Item name="leadDepartment" label="发起部门" rules={[{ required: true, message: "请选择发起部门" }]}>
            <Select options={options} disabled={!!ownDepartment} />
          </Form.Item>
          <Form.Item name="cooperatingDepartments" label="配合部门（联合抽查，可多选）">
            <Select mode="multiple" options={options.filter((o) => o.value !== lead)} />
          </Form.Item>
        </div>
        <div hidden={step !== 1}>
          {chosen.map((d) => (
            <DepartmentMatters key={d.code} code={d.code} name={d.name} />
          ))}
        </div>
        <div hidden={step !== 2}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="regions" label="行政区划代码（空为全部）">
                <Select mode="tags" tokenSeparators={[",", " "]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="categories" label="行业类别（空为全部）">
                <Select mode="tags" tokenSeparators={[",", " "]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="supervisionTypes" label="监管类型（空为全部）">
                <Select mode="tags" tokenSeparators={[",", " "]} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>各层抽查比例（%）</Typography.Text>
          <Row gutter={8}>
            {(["FLAGGED", "D", "C", "B", "A"] as const).map((s) => (
              <Col key={s} xs={12} md={4}>
                <Form.Item
                  name={["ratios", s]}
                  label={s === "FLAGGED" ? "重点关注" : `${s} 类`}
                  dependencies={s === "FLAGGED" ? [] : [["ratios", "FLAGGED"]]}
                  rules={[
                    { required: s !== "FLAGGED", message: "请填写比例" },
                    ...(s === "FLAGGED"
                      ? [
                          {
                            validator: async () => {
                              const problem = flaggedRatioProblem(form.getFieldValue("ratios") as RatioPercents);
                              if (problem) throw new Error(problem);
                            },
                          },
                        ]
                      : []),
                  ]}
                >
                  <InputNumber min={0} max={100} step={0.5} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="windowStart" label="开始日期" rules={[{ required: true, message: "请填写开始日期" }]}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="windowEnd"
                label="结束日期"
                dependencies={["windowStart"]}
                rules={[
                  { required: true, message: "请填写结束日期" },
                  {
                    validator: async (_, v: string) => {
                      if (v && v < form.getFieldValue("windowStart")) throw new Error("结束日期不能早于开始日期");
                    },
                  },
                ]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="cap" label="最多检查户数">
                <InputNumber min={1} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="cooldownDays" label="近期已查不再抽（天）">
                <InputNumber min={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="minInspectors" label="每户检查人员数">
                <InputNumber min={2} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="allowBorrowing" label="允许借用下级部门检查人员" valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <div hidden={step !== 3}>
          <Alert type="info" showIcon message="确认后将创建计划和第一次摇号，并进入摇号大厅（冻结名录 → 录入现场随机值 → 摇号 → 公布）。" />
        </div>
      </Form>
      <Space style={{ marginTop: 16 }}>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
        {step < 3 && (
          <Button type="primary" onClick={() => void next()}>
            下一步
          </Button>
        )}
        {step === 3 && (
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            创建计划并进入摇号大厅
          </Button>
        )}
      </Space>
    </Card>
  );
}
