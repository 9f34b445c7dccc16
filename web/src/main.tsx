import { ApolloProvider } from "@apollo/client/react";
import { ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { createApolloClient } from "./app/apollo";
import { AppRoutes } from "./app/AppRoutes";

const client = createApolloClient();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // System CJK fonts only: nothing is fetched from the network (a county intranet has no internet).
      theme={{
        token: {
          fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif',
          colorPrimary: "#b71c1c",
          colorLink: "#0b57d0",
          colorError: "#c0181e",
          // Secondary texts darker than Ant Design's defaults: WCAG AA contrast (checked by axe in the browser tests).
          colorTextDescription: "rgba(0, 0, 0, 0.68)",
          colorTextPlaceholder: "rgba(0, 0, 0, 0.62)",
          colorTextTertiary: "rgba(0, 0, 0, 0.68)",
        },
      }}
    >
      <ApolloProvider client={client}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ApolloProvider>
    </ConfigProvider>
  </StrictMode>,
);
