import { App as AntApp } from "antd";
import type { ReactNode } from "react";

/**
 * Ant Design's App (the message/notification/modal hooks of App.useApp) around the pages that use it, as its own
 * chunk: the public portal does not use it, and it weighs on the portal's first load (docs/performance.md, "Web").
 */
export default function WithAntApp({ children }: { children: ReactNode }) {
  return <AntApp>{children}</AntApp>;
}
