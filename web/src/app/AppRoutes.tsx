import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { PortalPage } from "../pages/portal/PortalPage";
import { Layout } from "./Layout";
import { RequireRole } from "./RequireRole";

// Only the portal is in the first chunk: every other page (and what only it uses: the OpenID Connect client,
// charts, forms, the virtualised table) is its own chunk, so the public portal's first load stays small
// (docs/performance.md, "Web").
const SignInPage = lazy(() => import("../auth/SignInPage"));
const OidcCallbackPage = lazy(() => import("../auth/OidcCallbackPage"));
const DrawPage = lazy(() => import("../pages/portal/DrawPage"));
const VerifyPage = lazy(() => import("../pages/verify/VerifyPage"));
const DashboardPage = lazy(() => import("../pages/dashboard/DashboardPage"));
const StatisticsPage = lazy(() => import("../pages/county/statistics/StatisticsPage"));
const JointPlanWizard = lazy(() => import("../pages/wizard/JointPlanWizard"));
const DrawHall = lazy(() => import("../pages/hall/DrawHall"));
const DepartmentConsole = lazy(() => import("../pages/console/DepartmentConsole"));
const MyVisits = lazy(() => import("../pages/phone/MyVisits"));
const VisitPage = lazy(() => import("../pages/phone/VisitPage"));
const ResultsPage = lazy(() => import("../pages/results/ResultsPage"));
const ReviewPage = lazy(() => import("../pages/review/ReviewPage"));
const WithAntApp = lazy(() => import("./WithAntApp"));

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
          <Route path="results" element={<ResultsPage />} />
          <Route
            path="hall/:id"
            element={
              <WithAntApp>
                <DrawHall />
              </WithAntApp>
            }
          />
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
            path="statistics"
            element={
              <RequireRole roles={["county_coordinator", "auditor"]}>
                <StatisticsPage />
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
          <Route
            path="my/visits/:id"
            element={
              <RequireRole roles={["inspector"]}>
                <VisitPage />
              </RequireRole>
            }
          />
          <Route
            path="reviews"
            element={
              <RequireRole roles={["department_admin"]}>
                <ReviewPage />
              </RequireRole>
            }
          />
        </Route>
      </Routes>
    </Suspense>
  );
}
