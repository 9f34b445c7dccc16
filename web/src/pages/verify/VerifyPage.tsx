import { Alert, Button, Card, Input, Progress, Result, Space, Typography, Upload } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import type { VerifyMessage } from "./record-file";

type State =
  | { phase: "idle" }
  | { phase: "download"; received: number; total?: number }
  | { phase: "recompute"; candidates: number }
  | { phase: "done"; ok: boolean; message: string };

async function download(id: string, onProgress: (received: number, total?: number) => void): Promise<string> {
  const r = await fetch(`/draws/${encodeURIComponent(id)}/record.json`);
  if (!r.ok) throw new Error(r.status === 404 ? `没有编号为 ${id} 的已公布摇号` : `下载失败（HTTP ${r.status}）`);
  const total = Number(r.headers.get("content-length")) || undefined;
  const reader = r.body!.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

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

  const verifyText = useCallback((text: string) => {
    worker.current?.terminate();
    const w = new Worker(new URL("./verify.worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<VerifyMessage>) => {
      const m = e.data;
      if (m.kind === "stage") setState({ phase: "recompute", candidates: m.candidates });
      else {
        setState({ phase: "done", ok: m.ok, message: m.message });
        w.terminate();
      }
    };
    w.postMessage(text);
  }, []);

  const fromServer = async (id: string) => {
    if (!id.trim()) return setState({ phase: "done", ok: false, message: "请填写摇号编号" });
    setState({ phase: "download", received: 0 });
    try {
      verifyText(await download(id.trim(), (received, total) => setState({ phase: "download", received, total })));
    } catch (e) {
      setState({ phase: "done", ok: false, message: (e as Error).message });
    }
  };

  useEffect(() => {
    const id = params.get("draw");
    if (id) void fromServer(id);
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
        <Button type="primary" onClick={() => void fromServer(drawId)}>
          下载记录并验证
        </Button>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(verifyText);
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
