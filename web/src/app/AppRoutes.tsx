import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { SignInPage } from "../auth/SignInPage";
import { OidcCallbackPage } from "../auth/OidcCallbackPage";
import { PortalPage } from "../pages/portal/PortalPage";
import { DrawPage } from "../pages/portal/DrawPage";
import { Layout } from "./Layout";
import { RequireRole } from "./RequireRole";

// Everything behind sign-in is its own chunk: the public portal's first load stays small.
const VerifyPage = lazy(() => import("../pages/verify/VerifyPage"));
const DashboardPage = lazy(() => import("../pages/dashboard/DashboardPage"));
const JointPlanWizard = lazy(() => import("../pages/wizard/JointPlanWizard"));
const DrawHall = lazy(() => import("../pages/hall/DrawHall"));
const DepartmentConsole = lazy(() => import("../pages/console/DepartmentConsole"));
const MyVisits = lazy(() => import("../pages/phone/MyVisits"));

/** The site map: public pages first, then each role's pages (docs/web.md). */
export function AppRoutes() {
  return (
    <Suspense fallback={<Spin style={{ margin: 48 }} />}>
      <Routes>
        <Route path="/oidc/callback" element={<OidcCallbackPage />} />
        <Route element={<Layout />}>
          <Route index element={<PortalPage />} />
          <Route path="draws/:id" element={<DrawPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route path="hall/:id" element={<DrawHall />} />
          <Route path="signin" element={<SignInPage />} />
          <Route
            path="dashboard"
            element={
              <RequireRole roles={["county_coordinator", "auditor"]}>
                <DashboardPage />
              </RequireRole>
            }
          />
          <Route
            path="plans/new"
            element={
              <RequireRole roles={["county_coordinator", "department_admin"]}>
                <JointPlanWizard />
              </RequireRole>
            }
          />
          <Route
            path="console"
            element={
              <RequireRole roles={["department_admin"]}>
                <DepartmentConsole />
              </RequireRole>
            }
          />
          <Route
            path="my"
            element={
              <RequireRole roles={["inspector"]}>
                <MyVisits />
              </RequireRole>
            }
          />
        </Route>
      </Routes>
    </Suspense>
  );
}
