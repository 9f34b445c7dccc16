import { Alert, Button, Card, Input, Progress, Result, Space, Typography, Upload } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { VerifyMessage, VerifyRequest } from "./record-file";

type State =
  | { phase: "idle" }
  | { phase: "download"; received: number; total?: number }
  | { phase: "parse" }
  | { phase: "recompute"; candidates: number }
  | { phase: "done"; ok: boolean; message: string };

/**
 * Verify a draw in the browser: download (or open) the public record and recompute the candidate pool
 * digest, the seed, every ticket, the per-stratum counts and the selection with the draw engine.
 */
export default function VerifyPage() {
  const [params] = useSearchParams();
  const [drawId, setDrawId] = useState(params.get("draw") ?? "");
  const [state, setState] = useState<State>({ phase: "idle" });
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  // The worker downloads (or reads) and verifies; the page only hears progress and the verdict.
  const verifyIn = useCallback((req: VerifyRequest) => {
    worker.current?.terminate();
    const w = new Worker(new URL("./verify.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<VerifyMessage>) => {
      const m = e.data;
      if (m.kind === "download") setState({ phase: "download", received: m.received, total: m.total });
      else if (m.kind === "stage")
        setState(m.stage === "parse" ? { phase: "parse" } : { phase: "recompute", candidates: m.candidates ?? 0 });
      else {
        setState({ phase: "done", ok: m.ok, message: m.message });
        w.terminate();
      }
    };
    w.postMessage(req);
  }, []);

  const fromServer = (id: string) => {
    if (!id.trim()) return setState({ phase: "done", ok: false, message: "请填写摇号编号" });
    setState({ phase: "download", received: 0 });
    verifyIn({ url: `/draws/${encodeURIComponent(id.trim())}/record.json` });
  };

  useEffect(() => {
    const id = params.get("draw");
    if (id) fromServer(id);
  }, []);

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        验证摇号
      </Typography.Title>
      <Typography.Paragraph>
        在您的浏览器里用同一个公开的摇号引擎重新计算：候选名录摘要、种子、每一户的随机号（Rivest 一致性抽样）、各层应抽数和抽中名单。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          aria-label="摇号编号"
          placeholder="摇号编号"
          value={drawId}
          onChange={(e) => setDrawId(e.target.value)}
          style={{ width: 160 }}
        />
        <Button type="primary" onClick={() => fromServer(drawId)}>
          下载记录并验证
        </Button>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            setState({ phase: "parse" });
            verifyIn({ file });
            return false;
          }}
        >
          <Button>打开本地记录文件…</Button>
        </Upload>
      </Space>
      {state.phase === "download" && (
        <div role="status">
          <Typography.Text>正在下载摇号记录… {(state.received / 1e6).toFixed(1)} MB</Typography.Text>
          <Progress percent={state.total ? Math.round((100 * state.received) / state.total) : 50} status="active" />
        </div>
      )}
      {state.phase === "parse" && (
        <div role="status">
          <Typography.Text>正在读取摇号记录并核对其摘要…</Typography.Text>
          <Progress percent={50} status="active" showInfo={false} />
        </div>
      )}
      {state.phase === "recompute" && (
        <div role="status">
          <Typography.Text>正在复算 {state.candidates.toLocaleString("zh-CN")} 户候选主体的随机号与抽中名单…</Typography.Text>
          <Progress percent={99} status="active" showInfo={false} />
        </div>
      )}
      {state.phase === "done" &&
        (state.ok ? (
          <Result status="success" title="已验证" subTitle={`复算结果与公布的记录完全一致（${state.message}）`} />
        ) : (
          <Alert type="error" showIcon message="未通过验证" description={state.message} role="alert" />
        ))}
    </Card>
  );
}
